/**
 * Stereo-linked look-ahead brick-wall peak limiter, the core of the output safety stage; allocates
 * only in prepare(), so process() can run inside an AudioWorklet. Leaves out: true-peak
 * (inter-sample) detection, make-up gain, soft knee.
 */

export const LIMITER_CEILING_DBFS = -1;

export interface LimiterOptions {
  /** Largest allowed |sample|, in dB re full scale (1.0). */
  ceilingDbfs: number;
  /** Delay that lets the gain fall before a peak reaches the output; also the attack time. */
  lookaheadMs: number;
  /** Time constant τ of the exponential return of the gain towards 1. */
  releaseMs: number;
  channelCount: number;
}

export const LIMITER_DEFAULTS: LimiterOptions = {
  ceilingDbfs: LIMITER_CEILING_DBFS,
  lookaheadMs: 5,
  releaseMs: 100,
  channelCount: 2,
};

/** Once the gain is this close to its target it is set to the target, so it settles at exactly 1. */
const RELEASE_SNAP_GAIN = 1e-6;

/** The largest float32 value that is ≤ x (x > 0), so a clamp stored in a Float32Array stays ≤ x. */
function float32AtMost(x: number): number {
  const rounded = Math.fround(x);
  if (rounded <= x) return rounded;
  const bits = new Uint32Array(new Float32Array([rounded]).buffer);
  bits[0] = (bits[0] as number) - 1;
  return new Float32Array(bits.buffer)[0] as number;
}

/**
 * Per sample frame n (L = look-ahead in samples, W = L + 1):
 * 1. required gain r[n] = min(1, c/p[n]), p = max over channels of |x|, c = 10^(ceilingDbfs/20);
 * 2. hold h[n] = min(r[n−L … n]) (sliding minimum, monotonic deque);
 * 3. attack s[n] = mean(h[n−L … n]) (box filter: a linear ramp over the look-ahead);
 * 4. release g[n] = s[n] if s[n] < g[n−1], else s[n] − (s[n] − g[n−1])·e^(−1/(τ·fs));
 * 5. y[n] = clamp(x[n−L]·g[n], ±c).
 * Every h in the box window of sample m = n − L holds r[m], so s[n] ≤ r[m] and g[n] ≤ s[n]:
 * the gain is already low enough when a peak emerges, and the clamp only catches rounding.
 * (The hold-then-average construction follows Geraint Luff, "Designing a straightforward limiter",
 * Signalsmith Audio blog, 2022.) Below the ceiling r = h = s = 1 exactly, so y[n] = x[n−L].
 */
export class PeakLimiter {
  private readonly options: LimiterOptions;
  private readonly ceilingGain: number;
  private readonly clampLimit: number;
  private prepared = false;
  private lookaheadSamples = 0;
  private windowSamples = 1;
  private releaseCoefficient = 0;

  private delayLines: Float32Array[] = [];
  private delayIndex = 0;
  /** One delay line's length of working space for processQuiet. */
  private scratch = new Float32Array(1);

  private dequeValues = new Float64Array(1);
  private dequeTimes = new Float64Array(1);
  private dequeHead = 0;
  private dequeSize = 0;
  private sampleCounter = 0;

  private boxReductions = new Float64Array(1);
  private boxIndex = 0;
  private boxSum = 0;
  private boxNonZeroCount = 0;

  private gain = 1;

  constructor(options: Partial<LimiterOptions> = {}) {
    this.options = { ...LIMITER_DEFAULTS, ...options };
    const { ceilingDbfs, lookaheadMs, releaseMs, channelCount } = this.options;
    if (!Number.isFinite(ceilingDbfs)) throw new RangeError(`PeakLimiter: ceiling ${ceilingDbfs} dBFS is not finite`);
    if (!(lookaheadMs >= 0 && lookaheadMs <= 1000)) {
      throw new RangeError(`PeakLimiter: look-ahead ${lookaheadMs} ms is outside 0 … 1000 ms`);
    }
    if (!(releaseMs >= 0) || !Number.isFinite(releaseMs)) {
      throw new RangeError(`PeakLimiter: release ${releaseMs} ms is not a finite time ≥ 0`);
    }
    if (!Number.isInteger(channelCount) || channelCount < 1) {
      throw new RangeError(`PeakLimiter: channel count ${channelCount} is not a positive integer`);
    }
    this.ceilingGain = 10 ** (ceilingDbfs / 20);
    this.clampLimit = float32AtMost(this.ceilingGain);
  }

  /** Allocates the delay lines and gain buffers for this sample rate, then resets. */
  prepare(sampleRateHz: number): void {
    if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
      throw new RangeError(`PeakLimiter: sample rate ${sampleRateHz} Hz is not positive`);
    }
    const { lookaheadMs, releaseMs, channelCount } = this.options;
    this.lookaheadSamples = Math.round((lookaheadMs / 1000) * sampleRateHz);
    this.windowSamples = this.lookaheadSamples + 1;
    const releaseSamples = (releaseMs / 1000) * sampleRateHz;
    this.releaseCoefficient = releaseSamples > 0 ? Math.exp(-1 / releaseSamples) : 0;
    this.delayLines = [];
    for (let c = 0; c < channelCount; c++) this.delayLines.push(new Float32Array(Math.max(1, this.lookaheadSamples)));
    this.scratch = new Float32Array(Math.max(1, this.lookaheadSamples));
    this.dequeValues = new Float64Array(this.windowSamples + 1);
    this.dequeTimes = new Float64Array(this.windowSamples + 1);
    this.boxReductions = new Float64Array(this.windowSamples);
    this.prepared = true;
    this.reset();
  }

  /** Clears the delay lines and returns the gain to 1 (no reduction). */
  reset(): void {
    for (const line of this.delayLines) line.fill(0);
    this.delayIndex = 0;
    this.dequeHead = 0;
    this.dequeSize = 0;
    this.sampleCounter = 0;
    this.boxReductions.fill(0);
    this.boxIndex = 0;
    this.boxSum = 0;
    this.boxNonZeroCount = 0;
    this.gain = 1;
  }

  /** Output delay relative to the input, in samples: round(lookaheadMs·fs/1000). */
  get latencySamples(): number {
    return this.lookaheadSamples;
  }

  /** Current gain in dB (≤ 0; 0 when not limiting). */
  get gainReductionDb(): number {
    return this.gain >= 1 ? 0 : 20 * Math.log10(this.gain);
  }

  /** Linear ceiling 10^(ceilingDbfs/20) that no output sample exceeds in magnitude. */
  get ceilingGainLinear(): number {
    return this.ceilingGain;
  }

  /**
   * Processes one block. Channel c reads inputs[c] (missing or short inputs read as 0, non-finite
   * samples as 0) and writes outputs[c]; the block length is outputs[0].length. Outputs beyond
   * channelCount are filled with 0.
   */
  process(inputs: readonly Float32Array[], outputs: Float32Array[]): void {
    if (!this.prepared) throw new Error('PeakLimiter: call prepare(sampleRateHz) before process()');
    const firstOutput = outputs[0];
    if (firstOutput === undefined) return;
    const frameCount = firstOutput.length;
    const channelCount = this.options.channelCount;
    let i = 0;
    while (i < frameCount) {
      if (this.isQuiet()) i = this.processQuiet(inputs, outputs, i, frameCount);
      if (i < frameCount) i = this.processLoud(inputs, outputs, i, frameCount);
    }
    for (let c = channelCount; c < outputs.length; c++) (outputs[c] as Float32Array).fill(0);
  }

  /**
   * Quiet: the gain is 1 and every held gain in the box window is 1 (so, by the construction, every required gain
   * in the last 2L + 1 frames was 1 and every delayed sample is within the ceiling). A frame whose peak is within
   * the ceiling keeps the limiter quiet, and its output is the input delayed by L, exactly.
   */
  private isQuiet(): boolean {
    return this.gain === 1 && this.boxNonZeroCount === 0 && this.lookaheadSamples > 0;
  }

  /**
   * Frames from `start` while they keep the limiter quiet: only the delay lines move, then the envelope's state is
   * set to what processFrame would have left (one held gain of 1, box of zeros, gain 1). Returns the first frame
   * not processed (one whose peak exceeds the ceiling, or frameCount).
   */
  private processQuiet(inputs: readonly Float32Array[], outputs: Float32Array[], start: number, frameCount: number): number {
    const channelCount = this.options.channelCount;
    const ceiling = this.ceilingGain;
    const lookahead = this.lookaheadSamples;
    let end = frameCount;
    let finite = true;
    for (let c = 0; c < channelCount; c++) {
      const input = inputs[c];
      if (input === undefined) continue;
      const last = Math.min(end, input.length);
      for (let i = start; i < last; i++) {
        const magnitude = Math.abs(input[i] as number);
        if (!(magnitude <= ceiling)) {
          if (magnitude > ceiling && magnitude !== Infinity) {
            end = i;
            break;
          }
          finite = false;
        }
      }
    }
    const count = end - start;
    if (count === 0) return start;
    for (let c = 0; c < channelCount; c++) {
      const input = inputs[c];
      const output = outputs[c];
      const line = this.delayLines[c] as Float32Array;
      if (finite && count >= lookahead && input !== undefined && input.length >= end && output !== undefined && output.length >= end) {
        // Whole runs by copying: the delay line's samples (oldest first), then the input moved by L; the last L
        // inputs become the delay line.
        const pending = this.scratch;
        pending.set(line.subarray(this.delayIndex));
        pending.set(line.subarray(0, this.delayIndex), lookahead - this.delayIndex);
        line.set(input.subarray(end - lookahead, end));
        output.set(input.subarray(start, end - lookahead), start + lookahead);
        output.set(pending, start);
        continue;
      }
      const available = input === undefined ? 0 : Math.min(end, input.length);
      let index = this.delayIndex;
      for (let i = start; i < end; i++) {
        const raw = i < available ? ((input as Float32Array)[i] as number) : 0;
        const delayed = line[index] as number;
        line[index] = raw - raw === 0 ? raw : 0;
        if (output !== undefined && i < output.length) output[i] = delayed;
        index = index + 1 === lookahead ? 0 : index + 1;
      }
      // Keep every line's oldest sample at index 0, as the copying branch leaves it.
      if (index !== 0) {
        const pending = this.scratch;
        pending.set(line.subarray(index));
        pending.set(line.subarray(0, index), lookahead - index);
        line.set(pending);
      }
    }
    this.delayIndex = 0;
    const lastTime = this.sampleCounter + count - 1;
    this.sampleCounter += count;
    this.dequeHead = 0;
    this.dequeSize = 1;
    this.dequeValues[0] = 1;
    this.dequeTimes[0] = lastTime;
    this.boxIndex = (this.boxIndex + count) % this.boxReductions.length;
    this.boxSum = 0;
    return end;
  }

  /** Frames from `start` through steps 1–5 until the limiter is quiet again (or frameCount); returns the next frame. */
  private processLoud(inputs: readonly Float32Array[], outputs: Float32Array[], start: number, frameCount: number): number {
    const channelCount = this.options.channelCount;
    const lookahead = this.lookaheadSamples;
    const limit = this.clampLimit;
    const ceiling = this.ceilingGain;
    const release = this.releaseCoefficient;
    const lines = this.delayLines;
    let i = start;
    while (i < frameCount) {
      let peak = 0;
      for (let c = 0; c < channelCount; c++) {
        const input = inputs[c];
        const raw = input !== undefined && i < input.length ? (input[i] as number) : 0;
        const magnitude = Math.abs(raw);
        if (magnitude > peak && magnitude !== Infinity) peak = magnitude;
      }
      const targetGain = this.advanceGainEnvelope(peak > ceiling ? ceiling / peak : 1);
      if (targetGain < this.gain) {
        this.gain = targetGain;
      } else {
        const gap = (targetGain - this.gain) * release;
        this.gain = gap < RELEASE_SNAP_GAIN ? targetGain : targetGain - gap;
      }
      const gain = this.gain;
      const delayIndex = this.delayIndex;
      for (let c = 0; c < channelCount; c++) {
        const input = inputs[c];
        const raw = input !== undefined && i < input.length ? (input[i] as number) : 0;
        const x = raw - raw === 0 ? raw : 0;
        let delayed = x;
        if (lookahead > 0) {
          const line = lines[c] as Float32Array;
          delayed = line[delayIndex] as number;
          line[delayIndex] = x;
        }
        const output = outputs[c];
        if (output !== undefined && i < output.length) {
          const y = delayed * gain;
          output[i] = y > limit ? limit : y < -limit ? -limit : y;
        }
      }
      if (lookahead > 0) this.delayIndex = delayIndex + 1 === lookahead ? 0 : delayIndex + 1;
      i++;
      if (gain === 1 && this.boxNonZeroCount === 0) break;
    }
    return i;
  }

  /** Steps 2 and 3: pushes r[n] through the sliding minimum and the box average; returns s[n]. */
  private advanceGainEnvelope(requiredGain: number): number {
    const capacity = this.dequeValues.length;
    const now = this.sampleCounter++;

    while (this.dequeSize > 0) {
      const backAt = this.dequeHead + this.dequeSize - 1;
      const back = backAt >= capacity ? backAt - capacity : backAt;
      if ((this.dequeValues[back] as number) < requiredGain) break;
      this.dequeSize--;
    }
    const slotAt = this.dequeHead + this.dequeSize;
    const slot = slotAt >= capacity ? slotAt - capacity : slotAt;
    this.dequeValues[slot] = requiredGain;
    this.dequeTimes[slot] = now;
    this.dequeSize++;
    while (this.dequeSize > 1 && (this.dequeTimes[this.dequeHead] as number) <= now - this.windowSamples) {
      this.dequeHead = this.dequeHead + 1 === capacity ? 0 : this.dequeHead + 1;
      this.dequeSize--;
    }
    const heldGain = this.dequeValues[this.dequeHead] as number;

    const reductions = this.boxReductions;
    const oldReduction = reductions[this.boxIndex] as number;
    const newReduction = 1 - heldGain;
    if (oldReduction !== 0) this.boxNonZeroCount--;
    if (newReduction !== 0) this.boxNonZeroCount++;
    reductions[this.boxIndex] = newReduction;
    this.boxIndex++;
    if (this.boxIndex === reductions.length) {
      this.boxIndex = 0;
      let exactSum = 0;
      for (let k = 0; k < reductions.length; k++) exactSum += reductions[k] as number;
      this.boxSum = exactSum;
    } else {
      this.boxSum += newReduction - oldReduction;
    }
    if (this.boxNonZeroCount === 0) this.boxSum = 0;
    const smoothedGain = 1 - this.boxSum / reductions.length;
    return smoothedGain > 1 ? 1 : smoothedGain < 0 ? 0 : smoothedGain;
  }
}
