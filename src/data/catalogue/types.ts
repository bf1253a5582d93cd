// Shapes of the catalogue of real headphones and sources: every published figure carries the id of the
// source (src/data/sources.json) it comes from, and says whether it is an estimate. Plain data: no model code.

/** A figure with where it comes from. `estimate: true` when it is derived, recalled or hand-picked, not read off a source. */
export interface Cited<T> {
  readonly value: T;
  /** An id in src/data/sources.json. */
  readonly sourceId: string;
  readonly estimate: boolean;
  /** How the figure was read or derived, e.g. "maker's spec", "measured at 1 kHz", "8.2 Vrms from 224 mW into 300 Ω". */
  readonly note?: string;
}

export type SensitivityUnit = 'dB/mW' | 'dB/V';

/** SPL produced at 1 kHz by 1 mW or by 1 Vrms, as published, in the unit published. */
export interface Sensitivity {
  readonly value: number;
  readonly unit: SensitivityUnit;
}

/** Thiele–Small electrical parameters of one driver (same fields as DynamicDriverParams in src/dsp/headphones.ts). */
export interface DriverParams {
  readonly dcResistanceOhms: number;
  readonly voiceCoilInductanceHenries: number;
  readonly motionalResistanceOhms: number;
  readonly resonanceHz: number;
  readonly mechanicalQ: number;
}

/** A three-way balanced-armature IEM (same fields as BalancedArmatureCrossover in src/dsp/headphones.ts). */
export interface CrossoverParams {
  readonly woofer: DriverParams;
  readonly mid: DriverParams;
  readonly midSeriesCapacitanceFarads: number;
  readonly tweeter: DriverParams;
  readonly tweeterSeriesCapacitanceFarads: number;
}

/** The impedance curve model of a headphone. */
export type ImpedanceModelSpec =
  | { readonly kind: 'driver'; readonly driver: DriverParams }
  | { readonly kind: 'crossover'; readonly crossover: CrossoverParams };

/** Published features of a headphone's impedance curve that its model is checked against. */
export interface ImpedanceTargets {
  /** |Z| at 1 kHz, ohms. */
  readonly at1kHzOhms?: number;
  /** The largest |Z| over 20 Hz–20 kHz, ohms, and where. */
  readonly peakOhms?: number;
  readonly peakHz?: number;
  /** The smallest |Z| over 20 Hz–20 kHz, ohms. */
  readonly minimumOhms?: number;
}

/** The most a headphone is rated to take, as published: a power or an rms voltage (at its nominal impedance). */
export type RatedMaximumInput = { readonly kind: 'power'; readonly watts: number } | { readonly kind: 'voltage'; readonly voltsRms: number };

export interface CatalogueHeadphone {
  readonly id: string;
  readonly maker: string;
  readonly model: string;
  readonly kind: 'dynamic' | 'planar' | 'single-ba' | 'multi-ba';
  readonly form: 'over-ear' | 'on-ear' | 'in-ear';
  readonly nominalImpedanceOhms: Cited<number>;
  readonly sensitivity: Cited<Sensitivity>;
  /** The impedance curve: its parameters, what they were chosen to match, and whether they are fitted or hand-picked. */
  readonly impedance: {
    readonly model: ImpedanceModelSpec;
    readonly targets: Cited<ImpedanceTargets>;
  };
  /** The maker's rated maximum input, where a source gives one; absent where none was found (the matcher says so). */
  readonly ratedMaximumInput?: Cited<RatedMaximumInput>;
}

/** The largest clean output into one load: either voltage or power, as published. */
export interface OutputRating {
  readonly loadOhms: number;
  readonly voltsRms?: number;
  readonly watts?: number;
}

/** Output noise at the jack, as an rms voltage (converted from dBu, dBV, µV or SNR; the note says from what). */
export interface NoiseFigure {
  readonly voltsRms: number;
  readonly weighting: 'A' | 'unweighted';
}

/** One gain setting of a source. */
export interface GainSetting {
  readonly id: string;
  readonly label: string;
  /** Voltage gain from the input (or the built-in DAC's full scale) to the output, as a linear factor. */
  readonly gain: number;
  /** Output noise at this setting, where published. */
  readonly noise?: Cited<NoiseFigure>;
}

/** One headphone output of a source (single-ended or balanced). */
export interface SourceOutput {
  readonly id: 'se' | 'bal';
  /** e.g. "3.5 mm single-ended", "4.4 mm balanced". */
  readonly label: string;
  readonly outputImpedanceOhms: Cited<number>;
  /** The largest clean output (at the highest gain) into at least one load; two or more loads where published. */
  readonly ratings: readonly Cited<OutputRating>[];
  /** Output noise when no gain setting gives its own; null where no figure is published (the matcher says so). */
  readonly noise: Cited<NoiseFigure> | null;
  /** Gain settings of this output (one entry, "fixed", for a source without a gain switch). */
  readonly gains: readonly GainSetting[];
}

export interface CatalogueSource {
  readonly id: string;
  readonly maker: string;
  readonly model: string;
  readonly kind: 'phone-adapter' | 'laptop' | 'dap-dongle' | 'desktop-amp' | 'tube-otl' | 'interface' | 'combo';
  /**
   * The input voltage that drives the output to its gain × input: for a device with its own DAC, the DAC's full
   * scale (so full volume × gain reaches the rating); for a separate amp, the DAC assumed in front of it.
   */
  readonly inputFullScaleVoltsRms: Cited<number>;
  /** How the level is set: an analog potentiometer (its channels can drift apart near the bottom) or in the digital domain. */
  readonly volumeControl?: 'analog' | 'digital';
  readonly outputs: readonly SourceOutput[];
}
