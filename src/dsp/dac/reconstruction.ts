/**
 * What a DAC's output stage does between samples: a zero-order hold (NOS) with its sinc droop and images, or
 * an oversampling windowed-sinc filter. Leaves out: the analog post-filter, the hold at the oversampled rate, noise.
 */

/** Normalised sinc: sin(πx)/(πx), with sinc(0) = 1. */
export function sinc(x: number): number {
  if (x === 0) return 1;
  const argument = Math.PI * x;
  return Math.sin(argument) / argument;
}

/**
 * Zero-order-hold (non-oversampling, NOS) droop in dB: holding each sample for 1/fs multiplies the spectrum by
 * sinc(f/fs), so 20·log10|sinc(f/fs)|. At 44.1 kHz: −0.75 dB at 10 kHz, −3.17 dB at 20 kHz, −3.92 dB at
 * 22.05 kHz; at 96 kHz −0.63 dB at 20 kHz (REFERENCES §5). −Infinity at whole multiples of fs.
 */
export function zeroOrderHoldDroopDb(frequencyHz: number, sampleRateHz: number): number {
  if (!(sampleRateHz > 0)) throw new RangeError(`zeroOrderHoldDroopDb: sample rate ${sampleRateHz} Hz is not positive`);
  return 20 * Math.log10(Math.abs(sinc(frequencyHz / sampleRateHz)));
}

/**
 * The first `count` images of a tone f0 (0 < f0 < fs/2) that sampling creates, ascending:
 * fs − f0, fs + f0, 2fs − f0, 2fs + f0, … (k·fs ± f0 for k = 1, 2, …).
 */
export function imageFrequenciesHz(toneHz: number, sampleRateHz: number, count: number): number[] {
  if (!(sampleRateHz > 0)) throw new RangeError(`imageFrequenciesHz: sample rate ${sampleRateHz} Hz is not positive`);
  if (!(toneHz >= 0 && toneHz <= sampleRateHz / 2)) {
    throw new RangeError(`imageFrequenciesHz: tone ${toneHz} Hz is outside 0 … fs/2`);
  }
  const images: number[] = [];
  for (let index = 0; index < Math.max(0, Math.floor(count)); index++) {
    const k = Math.floor(index / 2) + 1;
    images.push(index % 2 === 0 ? k * sampleRateHz - toneHz : k * sampleRateHz + toneHz);
  }
  return images;
}

/**
 * Level of an image at imageHz relative to its tone at toneHz after a zero-order hold, in dB:
 * 20·log10(|sinc(f_image/fs)| / |sinc(f_tone/fs)|). For the first image fs − f0 this is 20·log10(f0/(fs − f0)),
 * e.g. −10.7 dB for 10 kHz at 44.1 kHz: the hold alone barely filters the images.
 */
export function nosImageLevelDb(toneHz: number, imageHz: number, sampleRateHz: number): number {
  return zeroOrderHoldDroopDb(imageHz, sampleRateHz) - zeroOrderHoldDroopDb(toneHz, sampleRateHz);
}

/** A DAC's digital interpolation ("reconstruction") filter, edges as fractions of the input rate fs. */
export interface ReconstructionFilter {
  /** Passband edge / fs. */
  passbandEdgeRatio: number;
  /** Stopband edge / fs. */
  stopbandEdgeRatio: number;
  /** Minimum attenuation from the stopband edge up, dB, positive (98 means the stopband is at most −98 dB). */
  stopbandAttenuationDb: number;
}

/** TI PCM1796's sharp-roll-off filter: passband to 0.454·fs, ≥ 98 dB down from 0.546·fs (TI SLES100). */
export const PCM1796_FILTER: Readonly<ReconstructionFilter> = {
  passbandEdgeRatio: 0.454,
  stopbandEdgeRatio: 0.546,
  stopbandAttenuationDb: 98,
};

/** Modified Bessel function of the first kind, order 0, by its power series Σ ((x/2)^k / k!)². */
export function besselI0(x: number): number {
  const halfX = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200 && term > 1e-17 * sum; k++) {
    term *= (halfX / k) ** 2;
    sum += term;
  }
  return sum;
}

/**
 * Kaiser's β for a stopband attenuation A dB: 0.1102·(A − 8.7) above 50 dB (Kaiser 1974; Oppenheim & Schafer,
 * Discrete-Time Signal Processing, Kaiser-window design method).
 */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/** Kaiser's order and β formulas can miss the target attenuation by a fraction of a dB; design this much deeper. */
const KAISER_MARGIN_DB = 1;

/**
 * Interpolation kernel at the output rate L·fs, centred (index M is t = 0, length 2M + 1): an ideal low-pass with
 * gain L and cutoff at the middle of the filter's transition band, h[j] = 2(fc/fs)·sinc(2(fc/fs)·j/L), times a Kaiser
 * window; order from Kaiser's formula N = (A − 7.95)/(2.285·Δω), Δω = 2π·(stop − pass)/L rad/sample, and
 * β = kaiserBeta(A), with A raised by KAISER_MARGIN_DB because those formulas are approximate. For the PCM1796
 * filter fc = fs/2, so h[j] is zero at every non-zero multiple of L and the output passes exactly through the input
 * samples.
 */
export function interpolationKernel(
  oversampling: number,
  filter: Readonly<ReconstructionFilter> = PCM1796_FILTER,
): Float64Array {
  const factor = checkedOversampling(oversampling);
  const { passbandEdgeRatio, stopbandEdgeRatio, stopbandAttenuationDb } = filter;
  if (!(passbandEdgeRatio > 0 && stopbandEdgeRatio > passbandEdgeRatio && stopbandEdgeRatio < factor)) {
    throw new RangeError('interpolationKernel: need 0 < passband edge < stopband edge < oversampling factor');
  }
  const designAttenuationDb = stopbandAttenuationDb + KAISER_MARGIN_DB;
  const cutoffRatio = (passbandEdgeRatio + stopbandEdgeRatio) / 2;
  const transitionRadPerSample = (2 * Math.PI * (stopbandEdgeRatio - passbandEdgeRatio)) / factor;
  const order = Math.ceil((designAttenuationDb - 7.95) / (2.285 * transitionRadPerSample));
  const halfLength = Math.max(1, Math.ceil(order / 2));
  const beta = kaiserBeta(designAttenuationDb);
  const windowNorm = besselI0(beta);
  const kernel = new Float64Array(2 * halfLength + 1);
  for (let j = -halfLength; j <= halfLength; j++) {
    const position = j / halfLength;
    const window = besselI0(beta * Math.sqrt(Math.max(0, 1 - position * position))) / windowNorm;
    kernel[j + halfLength] = 2 * cutoffRatio * sinc((2 * cutoffRatio * j) / factor) * window;
  }
  return kernel;
}

function checkedOversampling(oversampling: number): number {
  if (!(Number.isInteger(oversampling) && oversampling >= 1)) {
    throw new RangeError(`oversampling factor ${oversampling} is not a whole number ≥ 1`);
  }
  return oversampling;
}

/**
 * An upsampled view of the analog output, at L·fs (L = oversampling), one input sample per L output samples:
 * - 'nos': each sample held L times (a zero-order hold seen at L·fs). Its response is the Dirichlet kernel
 *   sin(πf/fs)/(L·sin(πf/(L·fs))), which tends to sinc(f/fs) as L grows; it exceeds sinc by about
 *   8.7·(πf/(L·fs))²/6 dB (0.02 dB at the first image of 10 kHz at 44.1 kHz, L = 16). The hold delays by half a
 *   sample.
 * - 'oversampled': zero-stuffing and the interpolationKernel(L, filter) applied without delay (zero phase), so images
 *   above the stopband edge fall by the filter's attenuation. Samples before the start and after the end count as zero.
 */
export function renderReconstructed(
  samples: Float32Array | Float64Array,
  oversampling: number,
  mode: 'nos' | 'oversampled',
  filter: Readonly<ReconstructionFilter> = PCM1796_FILTER,
): Float32Array {
  const factor = checkedOversampling(oversampling);
  const inputLength = samples.length;
  const output = new Float32Array(inputLength * factor);
  if (mode === 'nos') {
    for (let m = 0; m < output.length; m++) output[m] = samples[Math.floor(m / factor)] as number;
    return output;
  }
  const kernel = interpolationKernel(factor, filter);
  const halfLength = (kernel.length - 1) / 2;
  for (let m = 0; m < output.length; m++) {
    const firstInput = Math.max(0, Math.ceil((m - halfLength) / factor));
    const lastInput = Math.min(inputLength - 1, Math.floor((m + halfLength) / factor));
    let sum = 0;
    for (let n = firstInput; n <= lastInput; n++) {
      sum += (samples[n] as number) * (kernel[m - n * factor + halfLength] as number);
    }
    output[m] = sum;
  }
  return output;
}
