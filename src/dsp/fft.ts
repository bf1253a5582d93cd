/**
 * Discrete Fourier transform by the iterative radix-2 Cooley–Tukey algorithm, in place on split
 * real/imaginary Float64Arrays. Leaves out: non-power-of-two lengths, real-input packing, inverse.
 */

/** Twiddle tables cos(2πk/N), sin(2πk/N) for k < N/2, cached per length N. */
const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddles(length: number): { cos: Float64Array; sin: Float64Array } {
  const cached = twiddleCache.get(length);
  if (cached) return cached;
  const half = length >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    const angleRad = (2 * Math.PI * k) / length;
    cos[k] = Math.cos(angleRad);
    sin[k] = Math.sin(angleRad);
  }
  const table = { cos, sin };
  twiddleCache.set(length, table);
  return table;
}

/** True for 1, 2, 4, 8, … (exact for any safe integer, not just 32-bit ones). */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.round(Math.log2(n)) === n;
}

/** Smallest power of two ≥ n (1 for n ≤ 1). */
export function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}

/**
 * Forward DFT in place: X[k] = Σₙ x[n]·e^(−j2πkn/N), unnormalised (so a unit-amplitude cosine at a
 * bin centre k gives X[k] = N/2). Decimation in time: bit-reversal permutation, then log₂N
 * butterfly stages (Cooley & Tukey, Math. Comp. 19, 1965).
 */
export function fftInPlace(re: Float64Array, im: Float64Array): void {
  const length = re.length;
  if (im.length !== length) {
    throw new RangeError(`fftInPlace: re has ${length} samples but im has ${im.length}`);
  }
  if (!isPowerOfTwo(length)) {
    throw new RangeError(`fftInPlace: length ${length} is not a power of two`);
  }
  if (length === 1) return;

  for (let i = 1, j = 0; i < length; i++) {
    let bit = length >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }

  const { cos, sin } = twiddles(length);
  for (let size = 2; size <= length; size <<= 1) {
    const half = size >> 1;
    const step = length / size;
    for (let start = 0; start < length; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step] as number;
        const wi = -(sin[k * step] as number);
        const even = start + k;
        const odd = even + half;
        const oddRe = re[odd] as number;
        const oddIm = im[odd] as number;
        const tr = wr * oddRe - wi * oddIm;
        const ti = wr * oddIm + wi * oddRe;
        const er = re[even] as number;
        const ei = im[even] as number;
        re[odd] = er - tr;
        im[odd] = ei - ti;
        re[even] = er + tr;
        im[even] = ei + ti;
      }
    }
  }
}

/**
 * Bins X[k] = Σₙ x[n]·e^(−j2πkn/N) of a real signal of power-of-two length N ≥ 2, for the bins asked (any k ≥ 0,
 * taken mod N), by one complex FFT of half the length: z[m] = x[2m] + j·x[2m+1] gives Z, whose even and odd parts
 * E[k] = (Z[k] + conj Z[N/2−k])/2 and O[k] = (Z[k] − conj Z[N/2−k])/(2j) are the DFTs of the even and odd samples,
 * and X[k] = E[k] + e^(−j2πk/N)·O[k] (the standard real-input split; about half the work of fftInPlace).
 */
export function realSignalBins(signal: Float64Array, bins: readonly number[]): { re: Float64Array; im: Float64Array } {
  const length = signal.length;
  if (length < 2 || !isPowerOfTwo(length)) {
    throw new RangeError(`realSignalBins: length ${length} is not a power of two ≥ 2`);
  }
  const half = length >> 1;
  const zRe = new Float64Array(half);
  const zIm = new Float64Array(half);
  for (let m = 0; m < half; m++) {
    zRe[m] = signal[2 * m] as number;
    zIm[m] = signal[2 * m + 1] as number;
  }
  fftInPlace(zRe, zIm);
  const re = new Float64Array(bins.length);
  const im = new Float64Array(bins.length);
  bins.forEach((bin, index) => {
    if (!(Number.isInteger(bin) && bin >= 0)) throw new RangeError(`realSignalBins: bin must be a whole number ≥ 0, got ${bin}`);
    const k = bin % length;
    const a = k % half;
    const b = (half - a) % half;
    const zr = zRe[a] as number;
    const zi = zIm[a] as number;
    const cr = zRe[b] as number;
    const ci = -(zIm[b] as number);
    const evenRe = (zr + cr) / 2;
    const evenIm = (zi + ci) / 2;
    const oddRe = (zi - ci) / 2;
    const oddIm = (cr - zr) / 2;
    const angleRad = (-2 * Math.PI * k) / length;
    const wr = Math.cos(angleRad);
    const wi = Math.sin(angleRad);
    re[index] = evenRe + wr * oddRe - wi * oddIm;
    im[index] = evenIm + wr * oddIm + wi * oddRe;
  });
  return { re, im };
}
