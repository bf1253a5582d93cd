// Figures the myths-and-measurements lesson quotes: the output-impedance models on a tube OTL's ≈ 100 Ω (an estimate
// explained in the output-impedance lesson) and on an old receiver's 120 Ω, distortion figures converted between dB
// and percent, and the voltage sums of the "too little voltage" shortfall. Each is a number in the unit its name says.
import { headphoneById } from '../dsp/headphones';
import { dampingFactor, responseDbAtHz } from '../dsp/sourceLoad';
import { voltsRmsForSpl, voltsRmsFromPower } from '../dsp/matching/sensitivity';
import { largestChangeDb, modelResponsesOn } from './outputImpedance';

/** A tube OTL amplifier's output impedance: ≈ 100 Ω, estimated (output-impedance lesson, "Where Tube OTL ≈ 100 Ω comes from"). */
export const TUBE_OTL_OHMS = 100;
/** An O2-class transistor amplifier (0.54 Ω specified, rounded as the widget's preset). */
export const TRANSISTOR_OHMS = 0.5;
export const RECEIVER_OHMS = 120;

/** Response at the model's resonance relative to 1 kHz on a source, dB. */
function liftAtResonanceDb(modelId: 'dynamic-300' | 'closed-32', sourceOhms: number): number {
  const model = headphoneById(modelId);
  const resonanceHz = modelId === 'dynamic-300' ? 90 : 60;
  return responseDbAtHz(model.impedance, sourceOhms, resonanceHz) - responseDbAtHz(model.impedance, sourceOhms, 1000);
}

export const dynamic300OnTubeDb = liftAtResonanceDb('dynamic-300', TUBE_OTL_OHMS);
export const closed32OnTubeDb = liftAtResonanceDb('closed-32', TUBE_OTL_OHMS);
export const planarOnTubeDb = Math.abs(largestChangeDb('planar', TUBE_OTL_OHMS));
export const closed32OnReceiverDb = liftAtResonanceDb('closed-32', RECEIVER_OHMS);
export const closed32OnTransistorDb = Math.abs(liftAtResonanceDb('closed-32', TRANSISTOR_OHMS));
/** Damping factor of a 300 Ω headphone on the tube OTL. */
export const tubeDampingFactor = dampingFactor(300, TUBE_OTL_OHMS) ?? Number.NaN;

/** The three models on the tube OTL, for a small figure. */
export const responsesOnTube = modelResponsesOn(TUBE_OTL_OHMS).filter((m) => ['dynamic-300', 'closed-32', 'planar'].includes(m.id));

/** A distortion ratio in dB (re the fundamental) as a percentage, and back. */
export function percentFromDb(levelDb: number): number {
  return 100 * 10 ** (levelDb / 20);
}
export function dbFromPercent(percent: number): number {
  return 20 * Math.log10(percent / 100);
}

/** PCM5102A THD+N, −93 dB (datasheet); the O2+ODAC's 0.0016 % THD+N at 1 kHz (JDS Labs). */
export const PCM5102A_THDN_DB = -93;
export const pcm5102aThdnPercent = percentFromDb(PCM5102A_THDN_DB);
export const O2_ODAC_THDN_PERCENT = 0.0016;
export const o2OdacThdnDb = dbFromPercent(O2_ODAC_THDN_PERCENT);
/** The lowest low-order distortion threshold reported in the loudspeaker study, 0.6 %, over the O2+ODAC's figure. */
export const LOWEST_REPORTED_THRESHOLD_PERCENT = 0.6;
export const thresholdOverO2Ratio = LOWEST_REPORTED_THRESHOLD_PERCENT / O2_ODAC_THDN_PERCENT;

/** The "too little voltage" example: a 95 dB/V headphone (illustrative) at 110 dB SPL, and the O2+ODAC's 88 mW into 600 Ω. */
export const EXAMPLE_DB_PER_VOLT = 95;
export const exampleNeededVolts = voltsRmsForSpl(EXAMPLE_DB_PER_VOLT, 110);
export const o2OdacVoltsInto600 = voltsRmsFromPower(0.088, 600);
/** A 32 Ω headphone against the PCM5102A's 1 kΩ minimum load. */
export const headphoneLoadRatio = 1000 / 32;

/** The 300 Ω model at 1 kHz on a "matched" 300 Ω source: the divider halves the voltage (≈ −6 dB). */
export const MATCHED_SOURCE_OHMS = 300;
export const matchedLossDb = responseDbAtHz(headphoneById('dynamic-300').impedance, MATCHED_SOURCE_OHMS, 1000);
