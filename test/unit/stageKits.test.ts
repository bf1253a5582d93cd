// The amp-stage widget's starting settings repeat three of the models' defaults (so views.ts needs no model): they
// must stay the models' own.
import { describe, expect, it } from 'vitest';
import { OP_AMP_STAGE_DEFAULTS } from '../../src/dsp/circuits/opAmpStage';
import { PUSH_PULL_DEFAULTS } from '../../src/dsp/circuits/pushPullStage';
import { TRIODE_STAGE_DESIGNS } from '../../src/dsp/circuits/triodeStage';
import { DEFAULT_AMP_STAGE_SETTINGS } from '../../src/components/widgets/ampStage/views';

describe('DEFAULT_AMP_STAGE_SETTINGS', () => {
  it('uses the 12AU7 design supply, the op-amp stage gain and the push-pull bias of the models', () => {
    expect(DEFAULT_AMP_STAGE_SETTINGS.tube).toBe('12AU7');
    expect(DEFAULT_AMP_STAGE_SETTINGS.plateSupplyVolts).toBe(TRIODE_STAGE_DESIGNS['12AU7'].supplyVolts);
    expect(DEFAULT_AMP_STAGE_SETTINGS.opAmpGain).toBe(OP_AMP_STAGE_DEFAULTS.gain);
    expect(DEFAULT_AMP_STAGE_SETTINGS.biasCurrentAmps).toBe(PUSH_PULL_DEFAULTS.biasCurrentAmps);
  });
});
