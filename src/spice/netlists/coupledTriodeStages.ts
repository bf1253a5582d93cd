/**
 * The two triode stages as built on a bench, with their capacitors, as ngspice decks for the circuit lab: the input
 * through a coupling capacitor to the grid and its grid leak, and the output through a coupling capacitor into a
 * load (node `out`). The common-cathode stage may have its cathode resistor bypassed; the cathode follower's grid
 * leak returns to a DC bias. The triodes are Koren's (koren.ts), as in triodeStage.ts and cathodeFollower.ts, whose
 * memoryless models these reduce to with the capacitors shorted for signal. Leaves out grid current and the tubes'
 * own capacitances (Miller), so the response has no high-frequency roll-off.
 */
import type { CathodeFollowerParams } from '../../dsp/circuits/cathodeFollower';
import type { TriodeStageParams } from '../../dsp/circuits/triodeStage';
import { type StageAnalysis, analysisComment, analysisLine, inputSourceValue, spiceDeck, spiceNumber } from '../deck';
import { PRECISE_OPTIONS_LINE, korenParamLine, korenTriodeLines } from './koren';

export const COUPLED_STAGE_INPUT = 'Vin';
/** The vector that is the stage's output: the load's voltage, after the output coupling capacitor. */
export const COUPLED_STAGE_OUTPUT = 'v(out)';

/** The capacitors and load around a stage. */
export interface StageCoupling {
  /** Grid leak: from the grid to ground (common cathode) or to the bias supply (follower). */
  readonly gridLeakOhms: number;
  readonly inputCouplingFarads: number;
  readonly outputCouplingFarads: number;
  /** The next stage's input or the headphone. */
  readonly loadOhms: number;
}

export interface CoupledTriodeStageParams extends TriodeStageParams, StageCoupling {
  /** Across Rk; 0 leaves Rk unbypassed. */
  readonly bypassFarads: number;
}

export type CoupledCathodeFollowerParams = CathodeFollowerParams & StageCoupling;

function couplingLines(coupling: StageCoupling, analysis: StageAnalysis, gridLeakReturn: string, outputFrom: string): string[] {
  return [
    `${COUPLED_STAGE_INPUT} in 0 ${inputSourceValue(analysis)}`,
    `Cin in g ${spiceNumber(coupling.inputCouplingFarads)}`,
    `Rg g ${gridLeakReturn} ${spiceNumber(coupling.gridLeakOhms)}`,
    `Cout ${outputFrom} out ${spiceNumber(coupling.outputCouplingFarads)}`,
    `RL out 0 ${spiceNumber(coupling.loadOhms)}`,
  ];
}

/** The common-cathode stage: B+ through Ra to the plate (node p), Rk (and Ck) from the cathode (node k) to ground. */
export function coupledTriodeStageNetlist(p: CoupledTriodeStageParams, analysis: StageAnalysis): string {
  const bypassed = p.bypassFarads > 0;
  return spiceDeck(
    `Triode common-cathode stage, ${p.tube.name}, with its capacitors (Amp Lab circuit lab)`,
    [
      'Koren triode as behavioural sources; Ra from B+ to the plate (node p); Rk from the cathode (node k) to ground,',
      `${bypassed ? 'bypassed by Ck' : 'unbypassed'}; Cin and the grid leak Rg at the grid; Cout from the plate to the load RL (node out).`,
      analysisComment(analysis),
    ].join('\n'),
    [
      korenParamLine(p.tube),
      `Vsupply bplus 0 DC ${spiceNumber(p.supplyVolts)}`,
      `Ra bplus p ${spiceNumber(p.plateResistorOhms)}`,
      `Rk k 0 ${spiceNumber(p.cathodeResistorOhms)}`,
      ...(bypassed ? [`Ck k 0 ${spiceNumber(p.bypassFarads)}`] : []),
      ...korenTriodeLines({ plate: 'p', grid: 'g', cathode: 'k' }),
      ...couplingLines(p, analysis, '0', 'p'),
      PRECISE_OPTIONS_LINE,
      analysisLine(analysis),
    ],
  );
}

/** The cathode follower: the plate on B+, the grid leak to the bias supply (node gb), Rk from the cathode to ground. */
export function coupledCathodeFollowerNetlist(p: CoupledCathodeFollowerParams, analysis: StageAnalysis): string {
  return spiceDeck(
    `Cathode follower, ${p.parallelSections} x ${p.tube.name}, with its capacitors (Amp Lab circuit lab)`,
    [
      'Koren triode sections in parallel as behavioural sources; the plate on B+; the grid leak Rg returns to the grid bias',
      '(node gb); Rk from the cathode (node k) to ground; Cout from the cathode to the load RL (node out).',
      analysisComment(analysis),
    ].join('\n'),
    [
      korenParamLine(p.tube),
      `Vsupply bplus 0 DC ${spiceNumber(p.supplyVolts)}`,
      `Vbias gb 0 DC ${spiceNumber(p.gridBiasVolts)}`,
      `Rk k 0 ${spiceNumber(p.cathodeResistorOhms)}`,
      ...korenTriodeLines({ plate: 'bplus', grid: 'g', cathode: 'k' }, p.parallelSections),
      ...couplingLines(p, analysis, 'gb', 'k'),
      PRECISE_OPTIONS_LINE,
      analysisLine(analysis),
    ],
  );
}
