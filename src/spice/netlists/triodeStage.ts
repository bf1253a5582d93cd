/**
 * The triode common-cathode stage of src/dsp/circuits/triodeStage.ts as an ngspice deck: B+ through Ra to the plate,
 * an unbypassed Rk, the input driving the grid directly (the grid leak changes nothing at DC). Node `p` is the plate.
 * Either analysis the widget draws: a DC sweep (the transfer curve) or a sine transient (the waveform, harmonics).
 */
import type { TriodeStageParams } from '../../dsp/circuits/triodeStage';
import { type StageAnalysis, analysisComment, analysisLine, inputSourceValue, spiceDeck, spiceNumber } from '../deck';
import { PRECISE_OPTIONS_LINE, korenParamLine, korenTriodeLines } from './koren';

/** The input source a sweep of this deck names. */
export const TRIODE_STAGE_INPUT = 'Vin';
/** The vector that is the stage's output: the plate to ground. */
export const TRIODE_STAGE_OUTPUT = 'v(p)';

/** The stage with the model's tube and values, analysed as asked. */
export function triodeStageNetlist(p: TriodeStageParams, analysis: StageAnalysis): string {
  return spiceDeck(
    `Triode common-cathode stage, ${p.tube.name} (Amp Lab, generated from the model's parameters)`,
    [
      'Koren triode as behavioural sources; Ra from B+ to the plate (node p), Rk unbypassed; no grid current.',
      `B+ ${spiceNumber(p.supplyVolts)} V, Ra ${spiceNumber(p.plateResistorOhms)} ohm, Rk ${spiceNumber(p.cathodeResistorOhms)} ohm.`,
      analysisComment(analysis),
      'Desktop ngspice: "ngspice this-file.cir", then "run" and "plot v(p)" at its prompt.',
    ].join('\n'),
    [
      korenParamLine(p.tube),
      `.param supply=${spiceNumber(p.supplyVolts)} ra=${spiceNumber(p.plateResistorOhms)} rk=${spiceNumber(p.cathodeResistorOhms)}`,
      'Vsupply bplus 0 DC {supply}',
      `${TRIODE_STAGE_INPUT} g 0 ${inputSourceValue(analysis)}`,
      'Ra bplus p {ra}',
      'Rk k 0 {rk}',
      ...korenTriodeLines({ plate: 'p', grid: 'g', cathode: 'k' }),
      PRECISE_OPTIONS_LINE,
      analysisLine(analysis),
    ],
  );
}
