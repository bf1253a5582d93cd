/**
 * The hum a supply's ripple puts at the headphone: each ripple line times the op-amp stage's power-supply rejection
 * at that frequency, times the stage's noise gain, through the build-out divider. Leaves out: separate PSRR for the
 * positive and negative rails and how their ripples add (apply this once per rail and add the powers), hum picked
 * up magnetically or through ground loops, the ripple's phase, and the regulator or rail splitter's own noise.
 */
import { OP_AMP_STAGE_DEFAULTS, opAmpLoadFraction, type OpAmpStageParams } from './opAmpStage';
import type { SpectralLine } from './rectifierSupply';

/**
 * Power-supply rejection of an op-amp, input-referred as datasheets define it: PSRR = ΔVsupply/ΔVos (TI SBOA590:
 * "the change in VOS versus change in the power supply voltage"; practical parts span 60–166 dB).
 */
export interface PsrrParams {
  /** The flat, low-frequency rejection, the datasheet table's figure. */
  readonly dcRejectionDb: number;
  /** Above this frequency the rejection falls 20 dB/decade. */
  readonly cornerHz: number;
}

/**
 * Typical audio op-amp (NE5532/NJM4556A class): 100 dB flat, falling 20 dB/decade from 100 Hz. Both typical and
 * unverified: 100 dB is the NE5532's supply-rejection figure as recalled from TI SLOS075 (kSVR, typ) [verify];
 * the corner is where an open-loop gain of about 100 dB and a 10 MHz gain–bandwidth put the dominant pole,
 * 10 MHz/10⁵ = 100 Hz [calc from recalled typicals], on the common pattern that PSRR falls with the open-loop
 * gain. That PSRR falls with frequency is documented: TI's OPA209 has 0.05 µV/V (146 dB) at DC but 45 dB at
 * 100 kHz (TI E2E Precision Hub, "My amplifier has high PSRR, so I don't need to worry about supply variation,
 * right?"), which a single pole near 1 Hz reproduces [calc]. Not yet in src/data/sources.json.
 */
export const OP_AMP_PSRR_TYPICAL: PsrrParams = { dcRejectionDb: 100, cornerHz: 100 };

export const PSRR_DC_RANGE_DB = { min: 40, max: 160 } as const;
export const PSRR_CORNER_RANGE_HZ = { min: 0.1, max: 100_000 } as const;

export interface HumLine {
  readonly frequencyHz: number;
  /** Hum at the load (after the build-out divider), rms. */
  readonly outputVoltsRms: number;
}

export interface SupplyHumResult {
  readonly lines: readonly HumLine[];
  /** √(Σ lines²): the lines are at different frequencies, so their powers add. */
  readonly totalVoltsRms: number;
  /** 20·log10(total / music level), present when a music level was given. */
  readonly relativeToMusicDb?: number;
}

export interface SupplyHumOptions {
  readonly stage?: OpAmpStageParams;
  readonly psrr?: PsrrParams;
  /** The music's rms level at the load, to quote the hum against. */
  readonly musicVoltsRms?: number;
}

function assertPsrr(psrr: PsrrParams): void {
  if (!(Number.isFinite(psrr.dcRejectionDb) && psrr.dcRejectionDb >= 0)) {
    throw new RangeError(`dcRejectionDb must be finite and ≥ 0, got ${psrr.dcRejectionDb}`);
  }
  if (!(Number.isFinite(psrr.cornerHz) && psrr.cornerHz > 0)) {
    throw new RangeError(`cornerHz must be finite and > 0, got ${psrr.cornerHz}`);
  }
}

/**
 * PSRR(f) = PSRR₀ − 10·log10(1 + (f/fc)²): flat below fc, 3 dB down at fc, then 20 dB/decade (one pole), never
 * below 0 dB.
 */
export function psrrAtDb(psrr: PsrrParams, frequencyHz: number): number {
  assertPsrr(psrr);
  if (!(Number.isFinite(frequencyHz) && frequencyHz >= 0)) {
    throw new RangeError(`frequencyHz must be finite and ≥ 0, got ${frequencyHz}`);
  }
  return Math.max(0, psrr.dcRejectionDb - 10 * Math.log10(1 + (frequencyHz / psrr.cornerHz) ** 2));
}

/** 20·log10(hum / music): how far the hum sits below (negative) the music. −Infinity for no hum. */
export function humRelativeToMusicDb(humVoltsRms: number, musicVoltsRms: number): number {
  if (!(Number.isFinite(humVoltsRms) && humVoltsRms >= 0)) {
    throw new RangeError(`humVoltsRms must be finite and ≥ 0, got ${humVoltsRms}`);
  }
  if (!(Number.isFinite(musicVoltsRms) && musicVoltsRms > 0)) {
    throw new RangeError(`musicVoltsRms must be finite and > 0, got ${musicVoltsRms}`);
  }
  return 20 * Math.log10(humVoltsRms / musicVoltsRms);
}

/**
 * Hum at the load from ripple lines on the op-amp's supply. PSRR is input-referred (a supply change acts like an
 * offset change at the input), so the stage amplifies it by its noise gain, which for the non-inverting stage of
 * opAmpStage.ts is its gain G = 1 + Rf/Rg; the build-out divider then passes RL/(RL + Rbuild) to the load:
 *   V_hum(f) = V_ripple(f) · 10^(−PSRR(f)/20) · G · RL/(RL + Rbuild).
 * With G = 1 and no build-out this is the bare ripple·10^(−PSRR/20).
 */
export function supplyHum(ripple: readonly SpectralLine[], options: SupplyHumOptions = {}): SupplyHumResult {
  const stage = options.stage ?? OP_AMP_STAGE_DEFAULTS;
  const psrr = options.psrr ?? OP_AMP_PSRR_TYPICAL;
  assertPsrr(psrr);
  const stageToLoad = stage.gain * opAmpLoadFraction(stage);
  if (!(Number.isFinite(stageToLoad) && stageToLoad >= 0)) {
    throw new RangeError(`the stage's gain and load must be finite and positive, got gain ${stage.gain}`);
  }
  const lines = ripple.map((line) => {
    if (!(Number.isFinite(line.voltsRms) && line.voltsRms >= 0)) {
      throw new RangeError(`ripple voltsRms must be finite and ≥ 0, got ${line.voltsRms}`);
    }
    return {
      frequencyHz: line.frequencyHz,
      outputVoltsRms: line.voltsRms * 10 ** (-psrrAtDb(psrr, line.frequencyHz) / 20) * stageToLoad,
    };
  });
  let power = 0;
  for (const line of lines) power += line.outputVoltsRms ** 2;
  const totalVoltsRms = Math.sqrt(power);
  return options.musicVoltsRms === undefined
    ? { lines, totalVoltsRms }
    : { lines, totalVoltsRms, relativeToMusicDb: humRelativeToMusicDb(totalVoltsRms, options.musicVoltsRms) };
}
