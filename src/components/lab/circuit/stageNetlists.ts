// Each lab stage's netlist from the reader's part values (display units, turned to SI here), by the same generators
// the tests run (src/spice/netlists). Loaded when the reader opens the Netlist tab or presses Run.
import { KOREN_TRIODES, type KorenTriodeName } from '../../../dsp/circuits/koren';
import { OP_AMP_STAGE_DEFAULTS } from '../../../dsp/circuits/opAmpStage';
import { PUSH_PULL_DEFAULTS } from '../../../dsp/circuits/pushPullStage';
import type { StageAnalysis } from '../../../spice/deck';
import { coupledCathodeFollowerNetlist, coupledTriodeStageNetlist } from '../../../spice/netlists/coupledTriodeStages';
import { opAmpStageNetlist } from '../../../spice/netlists/opAmpStage';
import { pushPullStageNetlist } from '../../../spice/netlists/pushPullStage';
import { circuitText } from './labDecks';
import { LAB_STAGES, type PartValues, type StageId, siValue } from './stages';

/** The deck for a stage with these values, analysing as asked. */
export function stageNetlist(stageId: StageId, values: PartValues, tube: KorenTriodeName, analysis: StageAnalysis): string {
  const si = (key: string) => siValue(LAB_STAGES[stageId], values, key);
  switch (stageId) {
    case 'triode':
      return coupledTriodeStageNetlist(
        {
          tube: KOREN_TRIODES[tube],
          supplyVolts: si('bplus'),
          plateResistorOhms: si('ra'),
          cathodeResistorOhms: si('rk'),
          bypassFarads: si('ck'),
          inputCouplingFarads: si('cin'),
          gridLeakOhms: si('rg'),
          outputCouplingFarads: si('cout'),
          loadOhms: si('rl'),
        },
        analysis,
      );
    case 'follower':
      return coupledCathodeFollowerNetlist(
        {
          tube: KOREN_TRIODES[tube],
          parallelSections: Math.max(1, Math.round(si('n'))),
          supplyVolts: si('bplus'),
          gridBiasVolts: si('bias'),
          cathodeResistorOhms: si('rk'),
          inputCouplingFarads: si('cin'),
          gridLeakOhms: si('rg'),
          outputCouplingFarads: si('cout'),
          loadOhms: si('rl'),
        },
        analysis,
      );
    case 'opamp':
      return opAmpStageNetlist({ ...OP_AMP_STAGE_DEFAULTS, gain: si('gain'), railVolts: si('rail'), buildOutOhms: si('rbo'), loadOhms: si('rl') }, analysis);
    case 'pushpull':
      return pushPullStageNetlist(
        { ...PUSH_PULL_DEFAULTS, railVolts: si('rail'), biasCurrentAmps: si('bias'), emitterResistorOhms: si('re'), loadOhms: si('rl') },
        analysis,
      );
  }
}

const OPERATING_POINT = { sourceName: 'Vin', operatingPoint: true } as const;

/** The circuit as the Netlist tab shows it and Run starts from: the stage's deck without its analysis line. */
export function stageCircuit(stageId: StageId, values: PartValues, tube: KorenTriodeName): string {
  return circuitText(stageNetlist(stageId, values, tube, OPERATING_POINT));
}
