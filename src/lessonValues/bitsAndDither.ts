// Figures the bits-and-dither lesson quotes, computed from the quantizer and dither models in src/dsp/dac, so the
// prose, the widget's closed-form readout and other lessons can't disagree. Each is a plain number in the unit its
// name says.
import { ditherNoisePenaltyDb } from '../dsp/dac/dither';
import { theoreticalToneSnrDb } from '../dsp/dac/quantizationDemo';
import { lsbSize, theoreticalSineSnrDb } from '../dsp/dac/quantizer';

export const snr8 = theoreticalSineSnrDb(8);
export const snr16 = theoreticalSineSnrDb(16);
export const snr24 = theoreticalSineSnrDb(24);
export const tpdfPenaltyDb = ditherNoisePenaltyDb('tpdf');
export const snr16Tpdf = snr16 - tpdfPenaltyDb;
export const dbPerBit = theoreticalSineSnrDb(17) - theoreticalSineSnrDb(16);

/** A tone at levelDbfs, in steps (LSB) of an N-bit converter: its amplitude over the step size. */
export const toneAmplitudeLsb = (bits: number, levelDbfs: number): number => 10 ** (levelDbfs / 20) / lsbSize(bits);
export const QUIET_DBFS = -40;
export const VANISH_DBFS = -50;
export const quiet8Snr = theoreticalToneSnrDb(8, QUIET_DBFS, 'none');
export const quiet8SnrTpdf = theoreticalToneSnrDb(8, QUIET_DBFS, 'tpdf');
export const quiet16Snr = theoreticalToneSnrDb(16, QUIET_DBFS, 'none');
export const quiet16SnrTpdf = theoreticalToneSnrDb(16, QUIET_DBFS, 'tpdf');
export const vanish8Lsb = toneAmplitudeLsb(8, VANISH_DBFS);

/** First-order noise shaping, |H(f)|² = 4·sin²(πf/fs), in dB. */
export const shapingGainDb = (frequencyHz: number, sampleRateHz: number): number => 10 * Math.log10(4 * Math.sin((Math.PI * frequencyHz) / sampleRateHz) ** 2);
export const SHAPING_RATE_HZ = 48_000;
export const shapingCurve = Array.from({ length: 120 }, (_, i) => {
  const x = 20 * 1000 ** (i / 119);
  return { x, y: shapingGainDb(x, SHAPING_RATE_HZ) };
});

/** Equivalent bits of a dynamic range: solve 6.02N + 1.76 for N. */
export const equivalentBits = (snrDb: number): number => (snrDb - theoreticalSineSnrDb(0)) / dbPerBit;
