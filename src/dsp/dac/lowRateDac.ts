/**
 * A DAC running at R/L inside a stream at rate R: band-limit and decimate to R/L, then rebuild R by a hold (NOS) or
 * an oversampling interpolation filter. Leaves out: quantization, the analog post-filter, jitter, the ADC's own noise.
 */
import { type ReconstructionFilter, PCM1796_FILTER, interpolationKernel } from './reconstruction';

/** 'nos': each low-rate sample held for L output samples; 'oversampled': Kaiser windowed-sinc interpolation. */
export type ReconstructionMode = 'nos' | 'oversampled';

export { LOW_RATE_FACTORS } from './ranges';

/**
 * Response of the hold as it is heard at the output rate L·fs, in dB: holding for L samples is an L-tap boxcar,
 * |H(f)| = |sin(πf/fs) / (L·sin(πf/(L·fs)))| (the Dirichlet kernel). It tends to the analog hold's sinc(f/fs)
 * (zeroOrderHoldDroopDb) as L grows; at small L it reads higher near R/2, because the analog hold's images above
 * R/2 fold back into the band (at L = 4, fs = 12 kHz: 10 kHz is −13.75 dB here, −14.38 dB for the analog hold).
 * −Infinity at whole non-zero multiples of fs (where sin(πf/fs) = 0) other than multiples of L·fs.
 */
export function holdResponseDb(frequencyHz: number, sampleRateHz: number, factor: number): number {
  if (!(sampleRateHz > 0)) throw new RangeError(`holdResponseDb: sample rate ${sampleRateHz} Hz is not positive`);
  const holdFactor = checkedFactor(factor, 1);
  const ratio = frequencyHz / sampleRateHz;
  const denominator = holdFactor * Math.sin((Math.PI * ratio) / holdFactor);
  if (Math.abs(denominator) < 1e-15) return 0;
  return 20 * Math.log10(Math.abs(Math.sin(Math.PI * ratio) / denominator));
}

function checkedFactor(factor: number, minimum: number): number {
  if (!(Number.isInteger(factor) && factor >= minimum)) {
    throw new RangeError(`low-rate factor ${factor} is not a whole number ≥ ${minimum}`);
  }
  return factor;
}

/**
 * Streaming model of a DAC at R/L inside a stream at R (L = oversampling, a whole number ≥ 2):
 *
 * 1. Decimation ("the source was recorded at R/L"): a linear-phase FIR low-pass at R with the reconstruction
 *    filter's spec scaled to the low rate — for PCM1796_FILTER flat to 0.454·R/L, ≥ 98 dB down from 0.546·R/L.
 *    The kernel is interpolationKernel(L, filter), which is exactly that low-pass designed at L× the low rate,
 *    scaled to a DC gain of exactly 1. Only every L-th output is computed (y[k] at input sample k·L). As in real
 *    ADC decimators of this half-band kind, tones between R/(2L) and 0.546·R/L alias partly attenuated into
 *    0.454 … 0.5·R/L; the passband itself never receives aliases (the filter must have pass + stop ≤ 1).
 * 2. Reconstruction back to R:
 *    - 'nos': y[k] is held for the L output samples k·L … k·L + L − 1 (response: holdResponseDb, images at
 *      k·R/L ± f, audible since they fall below R/2);
 *    - 'oversampled': polyphase interpolation with interpolationKernel(L, filter), each of its L phases scaled to
 *      sum to exactly 1 (so a constant stays constant and the passband gain is 1); images ≥ 98 dB down.
 *
 * Latency (group delay at R): the decimation FIR's centre, D = (taps − 1)/2; plus the interpolation FIR's centre
 * (the same D) for 'oversampled', or the L-tap hold's (L − 1)/2 for 'nos' — half a low-rate sample, fractional
 * for even L.
 *
 * Cost per output sample: ≈ taps/L multiply-adds for each FIR, taps ≈ 69·L + 1 for PCM1796_FILTER, so ≈ 70 for
 * 'nos' and ≈ 140 for 'oversampled' at every L. process() allocates nothing.
 */
export class LowRateDac {
  readonly oversampling: number;
  readonly mode: ReconstructionMode;
  /** Decimation FIR, DC gain 1, length decimationTaps (odd, symmetric). */
  private readonly decimationKernel: Float64Array;
  /** Interpolation taps, phase-major: phaseTaps[p·tapsPerPhase + i] multiplies y[k − (tapsPerPhase − 1 − i)]. */
  private readonly phaseTaps: Float64Array;
  private readonly tapsPerPhase: number;
  /** Last decimationKernel.length input samples, written twice so a window is always contiguous. */
  private readonly inputHistory: Float64Array;
  private inputWrite = 0;
  /** Last tapsPerPhase low-rate samples, written twice likewise. */
  private readonly lowRateHistory: Float64Array;
  private lowRateWrite = 0;
  /** Input sample index mod L: 0 is where a new low-rate sample is taken. */
  private phase = 0;
  private heldSample = 0;

  constructor(oversampling: number, mode: ReconstructionMode, filter: Readonly<ReconstructionFilter> = PCM1796_FILTER) {
    const factor = checkedFactor(oversampling, 2);
    if (mode !== 'nos' && mode !== 'oversampled') throw new RangeError(`LowRateDac: unknown mode ${String(mode)}`);
    if (filter.passbandEdgeRatio + filter.stopbandEdgeRatio > 1 + 1e-12) {
      throw new RangeError('LowRateDac: passband + stopband edge must be ≤ 1 so no alias lands in the passband');
    }
    this.oversampling = factor;
    this.mode = mode;
    const kernel = interpolationKernel(factor, filter);
    const taps = kernel.length;

    let kernelSum = 0;
    for (let j = 0; j < taps; j++) kernelSum += kernel[j] as number;
    this.decimationKernel = new Float64Array(taps);
    for (let j = 0; j < taps; j++) this.decimationKernel[j] = (kernel[taps - 1 - j] as number) / kernelSum;
    this.inputHistory = new Float64Array(2 * taps);

    // Causal interpolation z[kL + p] = Σ_i y[k − i]·g[iL + p]; stored oldest-first per phase for a forward dot product.
    this.tapsPerPhase = Math.ceil(taps / factor);
    this.phaseTaps = new Float64Array(factor * this.tapsPerPhase);
    for (let p = 0; p < factor; p++) {
      let phaseSum = 0;
      for (let i = 0; i * factor + p < taps; i++) phaseSum += kernel[i * factor + p] as number;
      for (let i = 0; i * factor + p < taps; i++) {
        this.phaseTaps[p * this.tapsPerPhase + (this.tapsPerPhase - 1 - i)] =
          (kernel[i * factor + p] as number) / phaseSum;
      }
    }
    this.lowRateHistory = new Float64Array(2 * this.tapsPerPhase);
  }

  /** Group delay from input to output in samples at R (fractional for 'nos' with even L). */
  get latencySamples(): number {
    const decimationDelay = (this.decimationKernel.length - 1) / 2;
    if (this.mode === 'nos') return decimationDelay + (this.oversampling - 1) / 2;
    return decimationDelay + (this.decimationKernel.length - 1) / 2;
  }

  /** Multiply-adds per output sample, averaged over L samples. */
  get multiplyAddsPerSample(): number {
    const decimation = this.decimationKernel.length / this.oversampling;
    return this.mode === 'nos' ? decimation : decimation + this.tapsPerPhase;
  }

  /** Back to silence, as if just constructed. */
  reset(): void {
    this.inputHistory.fill(0);
    this.lowRateHistory.fill(0);
    this.inputWrite = 0;
    this.lowRateWrite = 0;
    this.phase = 0;
    this.heldSample = 0;
  }

  /**
   * Processes input into output (same length; they may be the same array). State carries over, so any split of a
   * stream into blocks gives the same output. Non-finite input samples are taken as 0.
   */
  process(input: Float32Array, output: Float32Array): void {
    if (input.length !== output.length) {
      throw new RangeError(`LowRateDac.process: input has ${input.length} samples, output ${output.length}`);
    }
    const factor = this.oversampling;
    const decimationKernel = this.decimationKernel;
    const taps = decimationKernel.length;
    const inputHistory = this.inputHistory;
    const lowRateHistory = this.lowRateHistory;
    const tapsPerPhase = this.tapsPerPhase;
    const phaseTaps = this.phaseTaps;
    const holding = this.mode === 'nos';
    for (let n = 0; n < input.length; n++) {
      const raw = input[n] as number;
      const sample = Number.isFinite(raw) ? raw : 0;
      inputHistory[this.inputWrite] = sample;
      inputHistory[this.inputWrite + taps] = sample;
      this.inputWrite = this.inputWrite + 1 === taps ? 0 : this.inputWrite + 1;

      if (this.phase === 0) {
        // Window oldest-first starts at inputWrite; the kernel is stored reversed to match.
        let sum = 0;
        const start = this.inputWrite;
        for (let j = 0; j < taps; j++) sum += (inputHistory[start + j] as number) * (decimationKernel[j] as number);
        this.heldSample = sum;
        lowRateHistory[this.lowRateWrite] = sum;
        lowRateHistory[this.lowRateWrite + tapsPerPhase] = sum;
        this.lowRateWrite = this.lowRateWrite + 1 === tapsPerPhase ? 0 : this.lowRateWrite + 1;
      }

      if (holding) {
        output[n] = this.heldSample;
      } else {
        let sum = 0;
        const start = this.lowRateWrite;
        const tapOffset = this.phase * tapsPerPhase;
        for (let i = 0; i < tapsPerPhase; i++) {
          sum += (lowRateHistory[start + i] as number) * (phaseTaps[tapOffset + i] as number);
        }
        output[n] = sum;
      }
      this.phase = this.phase + 1 === factor ? 0 : this.phase + 1;
    }
  }
}
