/**
 * The op-amp gain stage of src/dsp/circuits/opAmpStage.ts as an ngspice deck: a behavioural op amp in a
 * non-inverting stage. The model is behavioural too, so this deck checks the circuit's algebra, not an op amp:
 * - the gain G set by feedback resistors from the output pin (Rg 100 kΩ, so the network draws under 0.01 % of the
 *   current limit) around an open-loop gain of 10³, Rf chosen for exactly G with that gain (feedbackOhms). A real
 *   op amp has 10⁵ or more at DC, but ngspice's transient can't follow a loop that steep in and out of clipping
 *   ("timestep too small" at 10⁴ and more). Where the current limit and the rails clip at almost the same level
 *   (the rail-to-rail part on USB into 32 Ω: 2.30 V and 2.31 V) it fails even at 10³, and the check shows its words;
 * - the amplifier's output held within the rails less the model's dropout, ±(Vrail − dropout), and a current
 *   limit: the amplifier feeds the pin through 0.1 Ω whose current can't pass ±Ilim. Both limits are a clip that is
 *   exactly linear inside the limit and bends over 0.1 % of it (written with a softplus), and the loop makes up the
 *   0.1 Ω's drop below the current limit;
 * - the build-out resistor from the pin to the headphone (node `out`), and the headphone.
 * Leaves out what the model's static curve leaves out too: the slew rate (a 1 kHz sine at 10 V peak asks for
 * 0.063 V/µs of the 3 V/µs), bandwidth, and the model's 0.2 V soft knee, a modelling choice the loop doesn't make:
 * ngspice's output stays straight up to each limit.
 */
import { opAmpPinLimit, type OpAmpStageParams } from '../../dsp/circuits/opAmpStage';
import { type StageAnalysis, analysisComment, analysisLine, inputSourceValue, spiceDeck, spiceNumber } from '../deck';

export const OP_AMP_STAGE_INPUT = 'Vin';
/** The vector that is the stage's output: the headphone's voltage. */
export const OP_AMP_STAGE_OUTPUT = 'v(out)';
/** The op amp's open-loop gain. */
export const OP_AMP_OPEN_LOOP_GAIN = 1e3;
/** Rg, from the inverting input to ground; Rf sets the gain (feedbackOhms). */
export const OP_AMP_GROUND_LEG_OHMS = 100e3;
/** Each limit's bend, as a fraction of the limit (the clip is linear to within e⁻¹⁰ of the bend 1 % inside the limit). */
const BEND = 1e-3;
/** The output's source resistance below the current limit. */
export const OP_AMP_OUTPUT_OHMS = 0.1;

/**
 * Rf for a closed-loop gain G around the open-loop gain A: A/(1 + A·β) = G with β = Rg/(Rf + Rg) gives
 * Rf = Rg·(A·G/(A − G) − 1), a little more than the (G − 1)·Rg of an ideal op amp.
 */
export function feedbackOhms(gain: number): number {
  const a = OP_AMP_OPEN_LOOP_GAIN;
  return OP_AMP_GROUND_LEG_OHMS * ((a * gain) / (a - gain) - 1);
}

export function opAmpStageNetlist(p: OpAmpStageParams, analysis: StageAnalysis): string {
  const limit = opAmpPinLimit(p);
  const voltageLimit = Math.max(0, p.railVolts - p.dropoutVolts);
  const feedback = [`Rf pin fb ${spiceNumber(feedbackOhms(p.gain))}`, `Rg fb 0 ${spiceNumber(OP_AMP_GROUND_LEG_OHMS)}`];
  return spiceDeck(
    `Op-amp gain stage, gain ${spiceNumber(p.gain)}, into ${spiceNumber(p.loadOhms)} ohm (Amp Lab, generated from the model's parameters)`,
    [
      'A behavioural op amp (the model is behavioural too): this checks the circuit algebra, not an op amp.',
      `Rails +/-${spiceNumber(p.railVolts)} V; the output pin reaches the rails less ${spiceNumber(p.dropoutVolts)} V of dropout;`,
      `current limit ${spiceNumber(p.currentLimitAmps)} A; build-out ${spiceNumber(p.buildOutOhms)} ohm; headphone ${spiceNumber(p.loadOhms)} ohm.`,
      `The model says the pin clips at ${spiceNumber(limit.pinVolts)} V, set by the ${limit.limitedBy === 'voltage' ? 'rails' : 'current limit'}.`,
      analysisComment(analysis),
      'Desktop ngspice: "ngspice this-file.cir", then "run" and "plot v(out)" at its prompt.',
    ].join('\n'),
    [
      `.param gain=${spiceNumber(OP_AMP_OPEN_LOOP_GAIN)} vmax=${spiceNumber(voltageLimit)} ilim=${spiceNumber(p.currentLimitAmps)} rout=${spiceNumber(OP_AMP_OUTPUT_OHMS)}`,
      `.param vbend=${spiceNumber(BEND * voltageLimit)} ibend=${spiceNumber(BEND * p.currentLimitAmps)}`,
      '* softplus, written so that exp never overflows; clip(x, L, b): x within +/-L, bending over b, exactly linear inside',
      '.func sp(x) {max(x,0)+ln(1+exp(-abs(x)))}',
      '.func clip(x, l, b) {x-b*sp((x-l)/b)+b*sp((-x-l)/b)}',
      `${OP_AMP_STAGE_INPUT} in 0 ${inputSourceValue(analysis)}`,
      '* Open loop: the difference of the inputs times the gain, held within +/-vmax.',
      'Bamp amp 0 V = clip({gain}*(v(in)-v(fb)), {vmax}, {vbend})',
      '* Output: rout from the amplifier to the pin, its current held within +/-ilim.',
      'Bout 0 pin I = clip((v(amp)-v(pin))/{rout}, {ilim}, {ibend})',
      ...feedback,
      p.buildOutOhms > 0 ? `Rbo pin out ${spiceNumber(p.buildOutOhms)}` : 'Vbo pin out DC 0',
      `RL out 0 ${spiceNumber(p.loadOhms)}`,
      '.options reltol=1e-6 abstol=1e-15 vntol=1e-9',
      analysisLine(analysis),
    ],
  );
}
