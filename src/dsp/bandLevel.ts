// A power spectrum's shape and the power in a band of it: apart from the spectrum analysis (spectrum.ts), so code
// that only reads levels from a spectrum (the harmonics analysis every amp-stage page loads) does not load the Welch
// spectra and third-octave tools with it.

export interface PowerSpectrum {
  /** Bin centre frequencies k·fs/N, k = 0 … N/2. */
  readonly frequenciesHz: Float64Array;
  /** Mean-square power in each bin (one-sided); the sum over all bins is the signal's mean square. */
  readonly power: Float64Array;
}

/**
 * Power in [lowHz, highHz] in dB: 10·log10(Σ power). Bin k stands for the interval of width Δf
 * centred on k·Δf (the DC and Nyquist bins for the half of it inside 0 … fs/2, since they are not
 * doubled) and contributes the fraction of that interval inside the band, so the result does not
 * jump as band edges cross bin centres. −Infinity for a silent band.
 */
export function bandLevelDb(spectrum: PowerSpectrum, lowHz: number, highHz: number): number {
  const { frequenciesHz, power } = spectrum;
  const binCount = frequenciesHz.length;
  const binWidthHz = binCount > 1 ? (frequenciesHz[1] as number) - (frequenciesHz[0] as number) : 0;
  let bandPower = 0;
  for (let k = 0; k < binCount; k++) {
    const centreHz = frequenciesHz[k] as number;
    const binLowHz = k === 0 ? centreHz : centreHz - binWidthHz / 2;
    const binHighHz = k === binCount - 1 ? centreHz : centreHz + binWidthHz / 2;
    const overlapHz = Math.min(binHighHz, highHz) - Math.max(binLowHz, lowHz);
    if (overlapHz > 0) bandPower += ((power[k] as number) * overlapHz) / (binHighHz - binLowHz);
  }
  return 10 * Math.log10(bandPower);
}
