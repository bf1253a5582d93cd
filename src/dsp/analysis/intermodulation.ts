/**
 * Twin-tone intermodulation distortion, SMPTE RP 120 style: a low tone f₁ (60 Hz) and a high tone f₂ (7 kHz) mixed
 * 4:1 in amplitude; a nonlinearity puts sidebands at f₂ ± n·f₁ around the high tone. Leaves out: CCIF (18 + 19 kHz)
 * difference-frequency IMD, multitone tests, the standard's demodulator (this reads the sidebands off a spectrum).
 */
import { mainLobePower, windowedPowerSpectrum } from './windowedSpectrum';

export const SMPTE_LOW_HZ = 60;
export const SMPTE_HIGH_HZ = 7000;
/** Low tone : high tone amplitude. */
export const SMPTE_AMPLITUDE_RATIO = 4;
/** Sideband orders counted: f₂ ± 1·f₁ … f₂ ± 4·f₁. */
export const SMPTE_SIDEBAND_ORDERS = 4;

export interface ImdResult {
  /** √(Σ sideband power) / rms of the high tone. */
  readonly ratio: number;
  readonly percent: number;
  readonly db: number;
  /** Rms of the high tone. */
  readonly highToneRms: number;
}

/**
 * SMPTE IMD from a recording of the twin-tone signal:
 *   IMD = √(Σ_{n=1…orders} (rms(f₂ − n·f₁)² + rms(f₂ + n·f₁)²)) / rms(f₂),
 * each tone's power the sum over its Blackman–Harris main lobe. For y = x + c·x² with x = a₁·sin ω₁t + a₂·sin ω₂t the
 * sidebands at f₂ ± f₁ have amplitude c·a₁·a₂ each, so IMD = √2·c·a₁. The recording must be long enough for the main
 * lobes (±7·fs/N) to stay inside f₁: N ≥ 14·fs/f₁.
 */
export function smpteImd(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  lowHz: number = SMPTE_LOW_HZ,
  highHz: number = SMPTE_HIGH_HZ,
  orders: number = SMPTE_SIDEBAND_ORDERS,
): ImdResult {
  if (!(lowHz > 0 && highHz > orders * lowHz && highHz + orders * lowHz < sampleRateHz / 2)) {
    throw new RangeError(`smpteImd: tones ${lowHz} Hz and ${highHz} Hz do not fit below ${sampleRateHz / 2} Hz`);
  }
  if (samples.length < (14 * sampleRateHz) / lowHz) {
    throw new RangeError(`smpteImd: ${samples.length} samples are too short to separate sidebands ${lowHz} Hz apart`);
  }
  const spectrum = windowedPowerSpectrum(samples, sampleRateHz);
  const highPower = mainLobePower(spectrum, highHz);
  let sidebandPower = 0;
  for (let n = 1; n <= orders; n++) {
    sidebandPower += mainLobePower(spectrum, highHz - n * lowHz) + mainLobePower(spectrum, highHz + n * lowHz);
  }
  const ratio = Math.sqrt(sidebandPower / highPower);
  return { ratio, percent: 100 * ratio, db: 20 * Math.log10(ratio), highToneRms: Math.sqrt(highPower) };
}
