// The circuit lab's drawings of its op-amp and push-pull stages: the schematic kit's layouts with the reader's values
// and, once SPICE has run, its operating point. Loaded when the reader picks one of these stages. Layout and text only.
import { PUSH_PULL_DEFAULTS, biasVoltage } from '../../../dsp/circuits/pushPullStage';
import { feedbackOhms, OP_AMP_GROUND_LEG_OHMS } from '../../../spice/netlists/opAmpStage';
import { opAmpStageCircuit } from '../../schematics/circuits/opAmpStage';
import { pushPullStageCircuit } from '../../schematics/circuits/pushPullStage';
import type { Circuit } from '../../schematics/types';
import type { OperatingPoint } from './labSchematics';
import { LAB_STAGES, type PartValues, siValue } from './stages';

export function solidStateCircuit(stageId: 'opamp' | 'pushpull', values: PartValues, op: OperatingPoint): Circuit {
  if (stageId === 'opamp') {
    const v = (key: string) => siValue(LAB_STAGES.opamp, values, key);
    const loadVolts = op.get('v(out)') ?? 0;
    return opAmpStageCircuit({
      gain: v('gain'),
      supply: { kind: 'split', volts: v('rail') },
      feedbackResistorOhms: feedbackOhms(v('gain')),
      groundResistorOhms: OP_AMP_GROUND_LEG_OHMS,
      buildOutOhms: v('rbo'),
      loadOhms: v('rl'),
      inputVolts: 0,
      outputVolts: op.get('v(pin)') ?? 0,
      loadVolts,
      loadAmps: loadVolts / v('rl'),
    });
  }
  const v = (key: string) => siValue(LAB_STAGES.pushpull, values, key);
  const params = { ...PUSH_PULL_DEFAULTS, railVolts: v('rail'), biasCurrentAmps: v('bias'), emitterResistorOhms: v('re'), loadOhms: v('rl') };
  const outputVolts = op.get('v(out)') ?? 0;
  return pushPullStageCircuit({
    supplyVolts: v('rail'),
    biasVolts: biasVoltage(params),
    emitterResistorOhms: v('re'),
    loadOhms: v('rl'),
    className: 'AB',
    inputVolts: 0,
    outputVolts,
    npnAmps: -(op.get('i(vcp)') ?? 0),
    pnpAmps: op.get('i(vcm)') ?? 0,
    loadAmps: outputVolts / v('rl'),
  });
}
