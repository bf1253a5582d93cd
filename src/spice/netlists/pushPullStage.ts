/**
 * The complementary emitter follower of src/dsp/circuits/pushPullStage.ts as an ngspice deck. The transistors are
 * ngspice's own BJT model, not behavioural sources: its Gummel–Poon equations with only IS set (BF huge so the base
 * current ≈ 0, as the model's β → ∞; NF = 1; no Early effect, resistances or capacitances) reduce to the Ebers–Moll
 * law the model solves, written and solved by independent code. Saturation: the model says the emitter can't pass
 * its rail minus Vce,sat; collectors at ±(Vcc − Vce,sat) say the same, because ngspice's transport current
 * Is·(exp(Vbe/Vt) − exp(Vbc/Vt)) collapses as Vce → 0. T = 300 K (26.85 °C), TNOM too, so IS is not rescaled.
 * Node `out` is the headphone; the NPN's collector supply is `Vcp`. Either analysis the widget draws: a DC sweep
 * (the transfer curve) or a sine transient (the waveform, harmonics).
 */
import { type PushPullParams, biasVoltage } from '../../dsp/circuits/pushPullStage';
import { type StageAnalysis, analysisComment, analysisLine, inputSourceValue, spiceDeck, spiceNumber } from '../deck';

export const PUSH_PULL_INPUT = 'Vin';
/** The vector that is the stage's output: the headphone's voltage. */
export const PUSH_PULL_OUTPUT = 'v(out)';
/** BF so large that the base current Is·exp(Vbe/Vt)/BF stays below 1 nA at the 1.1 V the sweeps reach. */
export const SPICE_BETA = 1e12;

export function pushPullStageNetlist(p: PushPullParams, analysis: StageAnalysis): string {
  const halfBias = spiceNumber(biasVoltage(p) / 2);
  const collectorVolts = spiceNumber(p.railVolts - p.saturationVolts);
  const emitterOhms = spiceNumber(p.emitterResistorOhms);
  const bias = p.outputClass === 'AB' ? `biased to ${spiceNumber(p.biasCurrentAmps)} A idle current` : 'no bias';
  return spiceDeck(
    `Complementary emitter follower, class ${p.outputClass} (Amp Lab, generated from the model's parameters)`,
    [
      'Ebers-Moll BJTs (ngspice Gummel-Poon with only IS set, BF huge); collectors at +/-(Vcc - Vce,sat).',
      `Vcc ${spiceNumber(p.railVolts)} V, Vce,sat ${spiceNumber(p.saturationVolts)} V, Re ${emitterOhms} ohm, load ${spiceNumber(p.loadOhms)} ohm, ${bias}.`,
      analysisComment(analysis),
      'Desktop ngspice: "ngspice this-file.cir", then "run" and "plot v(out)" at its prompt.',
    ].join('\n'),
    [
      `${PUSH_PULL_INPUT} in 0 ${inputSourceValue(analysis)}`,
      `Vbn bn in DC ${halfBias}`,
      `Vbp in bp DC ${halfBias}`,
      `Vcp cp 0 DC ${collectorVolts}`,
      `Vcm cm 0 DC -${collectorVolts}`,
      'Q1 cp bn en QN',
      'Q2 cm bp ep QP',
      `Ren en out ${emitterOhms}`,
      `Rep ep out ${emitterOhms}`,
      `RL out 0 ${spiceNumber(p.loadOhms)}`,
      `.model QN NPN(IS=${spiceNumber(p.saturationCurrentAmps)} BF=${spiceNumber(SPICE_BETA)})`,
      `.model QP PNP(IS=${spiceNumber(p.saturationCurrentAmps)} BF=${spiceNumber(SPICE_BETA)})`,
      '.options temp=26.85 tnom=26.85 reltol=1e-6 abstol=1e-15 vntol=1e-9',
      analysisLine(analysis),
    ],
  );
}
