/**
 * Streaming clock-jitter emulation for any band-limited signal: each output sample is the input read at a jittered
 * instant by a time-varying windowed-sinc fractional delay. Leaves out: jitter spectra other than white or single-tone.
 */
import { besselI0, kaiserBeta, sinc } from './reconstruction';
import type { JitterKind } from './jitter';

export type { JitterKind } from './jitter';

/** Interpolator length: taps at i − 15 … i + 16 around the read position i + f. */
export const JITTER_DELAY_TAPS = 32;
const HALF_TAPS = JITTER_DELAY_TAPS / 2;

/**
 * Largest timing error the interpolator can follow, in samples; |τn·fs| beyond it is clamped. At 48 kHz that is
 * ±250 µs: 5σ for 50 µs rms Gaussian jitter (clamping about 6 samples in 10⁷) and 3.5× the peak of 50 µs rms
 * sinusoidal jitter. It costs latency: the read point must stay HALF_TAPS samples behind the newest input even
 * when τ is at its positive limit.
 */
export const JITTER_DELAY_MAX_SHIFT_SAMPLES = 12;

/** Fixed latency D = HALF_TAPS + JITTER_DELAY_MAX_SHIFT_SAMPLES = 28 samples (0.58 ms at 48 kHz). */
export const JITTER_DELAY_LATENCY_SAMPLES = HALF_TAPS + JITTER_DELAY_MAX_SHIFT_SAMPLES;

/**
 * Kernel phases tabulated per sample interval; kernels between them are interpolated linearly. The linear-
 * interpolation error per tap is at most h''·Δ²/8 ≈ π²/(8·512²) ≈ 5·10⁻⁶, about −100 dB re the signal overall.
 */
const PHASES = 512;

/**
 * Per output sample: the kernel base + f·difference (32 multiply-adds) and the 32-tap sum (32 more) = 64, plus a
 * handful for τ and the phase; channels sharing a clock (processChannelsInPlace) share the kernel.
 */
export const JITTER_DELAY_MULTIPLY_ADDS_PER_SAMPLE = 2 * JITTER_DELAY_TAPS;

/** History length (power of two ≥ D + MAX_SHIFT + HALF_TAPS); stored twice so every tap window is contiguous. */
const HISTORY = 64;

/** Kaiser window stopband target in dB: with 32 taps the transition band is then ≈ ±0.09·fs around fs/2. */
const KAISER_ATTENUATION_DB = 90;

interface KernelTable {
  /** base[j·TAPS + m] = h(j/PHASES − (m − 15)), j = 0 … PHASES − 1. */
  readonly base: Float64Array;
  /** difference[j·TAPS + m] = next phase's tap − this phase's tap, for linear interpolation between phases. */
  readonly difference: Float64Array;
}

let sharedTable: KernelTable | null = null;

/**
 * Windowed-sinc fractional-delay kernel (Laakso et al., "Splitting the unit delay", IEEE SP Magazine 13, 1996):
 * x(i + f) ≈ Σ_k x[i + k]·sinc(f − k)·w((f − k)/HALF_TAPS), k = −15 … 16, w a Kaiser window with
 * β = kaiserBeta(90 dB). Each phase is scaled to unit DC gain; phase 0 is exactly a unit impulse (sinc vanishes at
 * the other integers), so zero jitter is an exact delay.
 */
function kernelTable(): KernelTable {
  if (sharedTable) return sharedTable;
  const beta = kaiserBeta(KAISER_ATTENUATION_DB);
  const windowNorm = besselI0(beta);
  const rows = new Float64Array((PHASES + 1) * JITTER_DELAY_TAPS);
  for (let j = 0; j <= PHASES; j++) {
    const fraction = j / PHASES;
    let sum = 0;
    for (let m = 0; m < JITTER_DELAY_TAPS; m++) {
      const t = fraction - (m - (HALF_TAPS - 1));
      const u = t / HALF_TAPS;
      const window = Math.abs(u) < 1 ? besselI0(beta * Math.sqrt(1 - u * u)) / windowNorm : 0;
      // At whole-sample positions sinc is exactly 0 or 1; Math.sin(π·k) would leave ~1e-16 instead.
      const tap = Number.isInteger(t) ? (t === 0 ? 1 : 0) : sinc(t) * window;
      rows[j * JITTER_DELAY_TAPS + m] = tap;
      sum += tap;
    }
    for (let m = 0; m < JITTER_DELAY_TAPS; m++) {
      rows[j * JITTER_DELAY_TAPS + m] = (rows[j * JITTER_DELAY_TAPS + m] as number) / sum;
    }
  }
  const base = rows.slice(0, PHASES * JITTER_DELAY_TAPS);
  const difference = new Float64Array(PHASES * JITTER_DELAY_TAPS);
  for (let index = 0; index < difference.length; index++) {
    difference[index] = (rows[index + JITTER_DELAY_TAPS] as number) - (rows[index] as number);
  }
  sharedTable = { base, difference };
  return sharedTable;
}

/**
 * A DAC clock with jitter converts sample n at n/fs + τn instead of n/fs. For a signal band-limited to fs/2 that is
 * y[n] = x((n − D) + τn·fs), with D = latencySamples, read between samples by the windowed-sinc kernel above.
 * - 'random': τn independent Gaussian with rms jitterSecondsRms (Box–Muller from `random`, uniform in [0, 1)).
 * - 'sinusoidal': τn = √2·jitterSecondsRms·sin(2π·fj·n/fs), as in jitter.ts; needs jitterFrequencyHz.
 * |τn·fs| is clamped to JITTER_DELAY_MAX_SHIFT_SAMPLES. Interpolation error, measured on jittered sines at 48 kHz, is
 * near −90 dB re the tone up to 18 kHz (0.375·fs), −65 dB at 20 kHz; nearer fs/2 the window's transition band
 * rolls the interpolated signal off. No allocation in process(); state (history,
 * jitter phase, the spare Gaussian variate) carries across calls, so the output does not depend on block length.
 */
export class JitterDelay {
  private readonly table: KernelTable;
  private readonly history = new Float64Array(2 * HISTORY);
  private writeIndex = 0;
  private readonly shiftSamplesRms: number;
  private readonly shiftSamplesPeak: number;
  private readonly jitterCyclesPerSample: number;
  private jitterPhaseCycles = 0;
  private spareGaussian = 0;
  private hasSpareGaussian = false;
  /** The current sample's kernel, interpolated between two tabulated phases. */
  private readonly kernel = new Float64Array(JITTER_DELAY_TAPS);

  constructor(
    sampleRateHz: number,
    jitterSecondsRms: number,
    private readonly kind: JitterKind,
    private readonly random: () => number,
    jitterFrequencyHz?: number,
  ) {
    if (!(sampleRateHz > 0)) throw new RangeError(`JitterDelay: sample rate ${sampleRateHz} Hz is not positive`);
    if (!(jitterSecondsRms >= 0) || !Number.isFinite(jitterSecondsRms)) {
      throw new RangeError(`JitterDelay: jitter ${jitterSecondsRms} s rms is not a finite non-negative number`);
    }
    if (kind === 'sinusoidal' && !(jitterFrequencyHz !== undefined && Number.isFinite(jitterFrequencyHz))) {
      throw new RangeError('JitterDelay: sinusoidal jitter needs a jitter frequency');
    }
    this.table = kernelTable();
    this.shiftSamplesRms = jitterSecondsRms * sampleRateHz;
    this.shiftSamplesPeak = Math.SQRT2 * this.shiftSamplesRms;
    const cycles = (jitterFrequencyHz ?? 0) / sampleRateHz;
    this.jitterCyclesPerSample = cycles - Math.floor(cycles);
  }

  /** D in samples: the output is the input this many samples late, plus the jitter. */
  get latencySamples(): number {
    return JITTER_DELAY_LATENCY_SAMPLES;
  }

  /** Clears the history (as if preceded by silence) and restarts the jitter phase; the injected RNG is not rewound. */
  reset(): void {
    this.history.fill(0);
    this.writeIndex = 0;
    this.jitterPhaseCycles = 0;
    this.spareGaussian = 0;
    this.hasSpareGaussian = false;
  }

  /** Standard normal variate by Box–Muller (Box & Muller, Ann. Math. Stat. 29, 1958), pairing variates like jitter.ts. */
  private gaussian(): number {
    if (this.hasSpareGaussian) {
      this.hasSpareGaussian = false;
      return this.spareGaussian;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.random()));
    const angleRad = 2 * Math.PI * this.random();
    this.spareGaussian = radius * Math.sin(angleRad);
    this.hasSpareGaussian = true;
    return radius * Math.cos(angleRad);
  }

  /** Timing error of the current sample in samples (τn·fs), clamped to ±JITTER_DELAY_MAX_SHIFT_SAMPLES. */
  private nextShiftSamples(): number {
    let shift: number;
    if (this.kind === 'random') {
      shift = this.shiftSamplesRms === 0 ? 0 : this.shiftSamplesRms * this.gaussian();
    } else {
      shift = this.shiftSamplesPeak * Math.sin(2 * Math.PI * this.jitterPhaseCycles);
      this.jitterPhaseCycles += this.jitterCyclesPerSample;
      if (this.jitterPhaseCycles >= 1) this.jitterPhaseCycles -= 1;
    }
    if (shift > JITTER_DELAY_MAX_SHIFT_SAMPLES) return JITTER_DELAY_MAX_SHIFT_SAMPLES;
    if (shift < -JITTER_DELAY_MAX_SHIFT_SAMPLES) return -JITTER_DELAY_MAX_SHIFT_SAMPLES;
    return shift;
  }

  /**
   * This sample's read window and kernel: timing error τn·fs drawn, the read position −D + τn·fs relative to the
   * newest sample split into whole samples and a fraction, and the kernel there, base + fraction·difference of the
   * two nearest tabulated phases (kept in `kernel`, so nothing is allocated per sample). Returns the index in a
   * history (stored twice) of the window's first tap, for the newest sample at `newestIndex + HISTORY`.
   */
  private prepareKernel(newestIndex: number): number {
    const { base, difference } = this.table;
    // Read position relative to the newest sample (at history[newestIndex + HISTORY]): −D + τn·fs ∈ [−40, −16].
    const offsetSamples = this.nextShiftSamples() - JITTER_DELAY_LATENCY_SAMPLES;
    const whole = Math.floor(offsetSamples);
    const phase = (offsetSamples - whole) * PHASES;
    let phaseIndex = Math.floor(phase);
    let phaseFraction = phase - phaseIndex;
    if (phaseIndex >= PHASES) {
      phaseIndex = PHASES - 1;
      phaseFraction = 1;
    }
    const row = phaseIndex * JITTER_DELAY_TAPS;
    const kernel = this.kernel;
    for (let m = 0; m < JITTER_DELAY_TAPS; m++) kernel[m] = (base[row + m] as number) + phaseFraction * (difference[row + m] as number);
    return newestIndex + HISTORY + whole - (HALF_TAPS - 1);
  }

  /**
   * Σ history[start + m]·kernel[m] in four partial sums (taps m ≡ 0, 1, 2, 3 mod 4): independent additions the
   * processor can overlap, where one running sum would wait for each addition in turn.
   */
  private convolve(history: Float64Array, start: number): number {
    const kernel = this.kernel;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let m = 0; m < JITTER_DELAY_TAPS; m += 4) {
      const h = start + m;
      sum0 += (history[h] as number) * (kernel[m] as number);
      sum1 += (history[h + 1] as number) * (kernel[m + 1] as number);
      sum2 += (history[h + 2] as number) * (kernel[m + 2] as number);
      sum3 += (history[h + 3] as number) * (kernel[m + 3] as number);
    }
    return sum0 + sum1 + (sum2 + sum3);
  }

  /** Jittered, delayed copy of `input` into `output` (same length; may be the same array). */
  process(input: Float32Array, output: Float32Array): void {
    if (output.length !== input.length) {
      throw new RangeError(`JitterDelay.process: output length ${output.length} ≠ input length ${input.length}`);
    }
    const history = this.history;
    for (let n = 0; n < input.length; n++) {
      const sample = input[n] as number;
      const writeIndex = this.writeIndex;
      history[writeIndex] = sample;
      history[writeIndex + HISTORY] = sample;
      this.writeIndex = (writeIndex + 1) & (HISTORY - 1);
      output[n] = this.convolve(history, this.prepareKernel(writeIndex));
    }
  }

  /**
   * Several channels converted by this one clock, in place, for an offline render from silence (this instance
   * fresh, or reset): the same samples as a JitterDelay per channel with the same settings and seed, each run over
   * its whole channel, since every channel sees the same timing errors. Each sample's timing error and kernel are
   * worked out once for all the channels. Allocates a history per channel.
   */
  processChannelsInPlace(channels: readonly Float32Array[]): void {
    const length = channels[0]?.length ?? 0;
    if (channels.some((channel) => channel.length !== length)) {
      throw new RangeError('JitterDelay.processChannelsInPlace: the channels differ in length');
    }
    const histories = channels.map(() => new Float64Array(2 * HISTORY));
    for (let n = 0; n < length; n++) {
      const writeIndex = this.writeIndex;
      this.writeIndex = (writeIndex + 1) & (HISTORY - 1);
      for (let c = 0; c < channels.length; c++) {
        const history = histories[c] as Float64Array;
        const sample = (channels[c] as Float32Array)[n] as number;
        history[writeIndex] = sample;
        history[writeIndex + HISTORY] = sample;
      }
      const start = this.prepareKernel(writeIndex);
      for (let c = 0; c < channels.length; c++) (channels[c] as Float32Array)[n] = this.convolve(histories[c] as Float64Array, start);
    }
  }
}
