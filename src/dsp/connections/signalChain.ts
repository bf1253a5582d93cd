/**
 * A listening setup as a chain — a source, a DAC (USB DAC, dongle, audio interface or DAC/amp combo), an optional
 * headphone amp, headphones — with the voltage a full-scale sine reaches at each stage and the chain's problems, each
 * explained with its numbers: double amplification, an amp driven into clipping, a ground loop, a line output driving
 * headphones, a chain too weak for its headphones. Leaves out: the loading of an output by the next device's input
 * (taken as far above the output impedance), output-impedance effects on the response (another lesson), the amp's own
 * noise, the amp's volume control (taken at maximum: the level is set digitally) and any hum level — a ground loop is
 * flagged as a risk between earthed devices, never given a level; leakage currents through unearthed (two-pin)
 * supplies, which can hum too, are not modelled.
 */
import { HEADPHONES } from '../../data/catalogue/headphones';
import { SOURCES as CATALOGUE_SOURCES } from '../../data/catalogue/sources';
import type { CatalogueHeadphone, CatalogueSource, Cited, OutputRating, SourceOutput } from '../../data/catalogue/types';
import { AMP_GAINS } from '../levelChain';
import { largestCleanSwingVoltsPeak, OP_AMP_STAGE_DEFAULTS, OP_AMP_SUPPLY_PRESETS } from '../circuits/opAmpStage';
import { ratingVolts } from '../matching/catalogueModels';
import { dividerFraction, limitsFromRatings } from '../matching/outputLimits';
import { sensitivityDbPerVolt, splFromVoltsRms, voltsRmsForSpl } from '../matching/sensitivity';

// ---- devices ------------------------------------------------------------------------------------------------------

/**
 * How a device is powered, which decides its ground: only a three-pin mains plug ties it to earth; a USB-powered
 * device shares the ground of the host it is plugged into.
 */
export type PowerSupply = 'battery' | 'usb-bus' | 'mains-earthed' | 'mains-unearthed';

/** A digital connection. USB carries a ground wire (unless an isolator breaks it); an optical fibre carries none. */
export type DigitalLink = 'usb' | 'usb-isolated' | 'optical';

/** An analog interconnect: unbalanced (RCA, 3.5 mm) or balanced (XLR, TRS). */
export type AnalogCable = 'unbalanced' | 'balanced';

interface Powered {
  /** How running text names it, with its article: "the desktop PC". */
  readonly name: string;
  readonly power: PowerSupply;
  /** Why that power supply, and whether it is assumed. */
  readonly powerNote: string;
}

/** An analog output at one gain setting. */
export interface AnalogOutput {
  /** A line output is made for loads of a kilohm or more; a headphone output is rated into headphone loads. */
  readonly kind: 'line' | 'headphone';
  readonly label: string;
  /** Open-circuit rms voltage of a full-scale sine at full digital volume. */
  readonly fullScaleVoltsRms: Cited<number>;
  /** null where not published: the output is then treated as an ideal voltage source. */
  readonly outputImpedanceOhms: Cited<number> | null;
  /** Largest clean output into loads where rated (headphone outputs); empty for line outputs. */
  readonly ratings: readonly Cited<OutputRating>[];
  /** The smallest load the maker specifies (line outputs). */
  readonly minimumLoadOhms: Cited<number> | null;
  /** Output noise, rms, where published. */
  readonly noiseVoltsRms: Cited<number> | null;
}

export interface SourceDevice extends Powered {
  readonly id: string;
  readonly label: string;
  readonly kind: 'computer' | 'phone' | 'tv';
  readonly digitalOutputs: readonly DigitalLink[];
  /** The source's own jack, where it has one and its figures are known. */
  readonly analogOutput: AnalogOutput | null;
}

export interface ConverterDevice extends Powered {
  readonly id: string;
  readonly label: string;
  readonly kind: 'usb-dac' | 'dongle' | 'interface' | 'combo';
  readonly digitalInputs: readonly ('usb' | 'optical')[];
  readonly output: AnalogOutput;
}

export interface AmpGain {
  readonly id: string;
  readonly label: string;
  /** Voltage gain, a linear factor. */
  readonly gain: number;
}

export interface AmpDevice extends Powered {
  readonly id: string;
  readonly label: string;
  readonly gains: readonly AmpGain[];
  readonly outputImpedanceOhms: Cited<number>;
  /** Largest clean output into loads, as published or measured: the clip point into a given headphone. */
  readonly ratings: readonly Cited<OutputRating>[];
}

export interface Chain {
  readonly source: SourceDevice;
  /** How the signal leaves the source: one of its digital outputs, or its own analog jack. */
  readonly sourceOutput: DigitalLink | 'analog';
  /** Required after a digital output; null when the source's own jack feeds the rest. */
  readonly converter: ConverterDevice | null;
  readonly amp: { readonly device: AmpDevice; readonly gainId: string } | null;
  /** The cable into the amp (ignored without an amp). */
  readonly ampInputCable: AnalogCable;
  readonly headphones: CatalogueHeadphone;
  /** The player's or system's volume, dB re full scale. */
  readonly digitalVolumeDb: number;
}

export const DIGITAL_VOLUME_RANGE_DB = { min: -60, max: 0, step: 0.5, defaultValue: 0 } as const;

/** The loudest a setup needs: a full-scale sine at 110 dB SPL (NwAvGuy, "More Power?"; xnor's table; REFERENCES §2). */
export const TARGET_MAX_SPL_DB = 110;
const TARGET_SOURCE_IDS = ['nwavguy-more-power', 'xnor-headfi-668238'] as const;

/** Ground loops, their hum and their fixes: RaneNote 110; Harris (Altium, 2024) on USB isolators. */
const GROUND_LOOP_SOURCE_IDS = ['rane-note-110', 'altium-usb-isolator'] as const;

/** A first output no hotter than a DAC chip's line output (PCM5102A, 2.1 Vrms full scale) counts as line-level-ish. */
export const LINE_LEVEL_LIKE_MAX_VOLTS_RMS = 2.1;

/** Amp gains up to the O2's standard low setting, 2.5×, count as low gain. */
export const LOW_GAIN_MAX = 2.5;

/** An overshoot smaller than this is within the accuracy of the published figures and is not flagged as clipping. */
export const CLIP_TOLERANCE_DB = 0.1;

// ---- catalogue devices ----------------------------------------------------------------------------------------------

function catalogueSource(id: string): CatalogueSource {
  const found = CATALOGUE_SOURCES.find((s) => s.id === id);
  if (!found) throw new RangeError(`no catalogue source ${id}`);
  return found;
}

function catalogueOutput(source: CatalogueSource, outputId: SourceOutput['id']): SourceOutput {
  const found = source.outputs.find((o) => o.id === outputId);
  if (!found) throw new RangeError(`${source.id} has no output ${outputId}`);
  return found;
}

export function catalogueHeadphone(id: string): CatalogueHeadphone {
  const found = HEADPHONES.find((h) => h.id === id);
  if (!found) throw new RangeError(`no catalogue headphone ${id}`);
  return found;
}

/** A catalogue output at one gain setting as an analog output: full scale = the built-in DAC's full scale × gain. */
function headphoneOutputFromCatalogue(sourceId: string, outputId: SourceOutput['id'], gainId: string): AnalogOutput {
  const source = catalogueSource(sourceId);
  const output = catalogueOutput(source, outputId);
  const gain = output.gains.find((g) => g.id === gainId);
  if (!gain) throw new RangeError(`${sourceId} ${outputId} has no gain ${gainId}`);
  const noise = gain.noise ?? output.noise;
  const fullScale = source.inputFullScaleVoltsRms;
  return {
    kind: 'headphone',
    label: `${output.label} headphone output`,
    fullScaleVoltsRms: { ...fullScale, value: fullScale.value * gain.gain },
    outputImpedanceOhms: output.outputImpedanceOhms,
    ratings: output.ratings,
    minimumLoadOhms: null,
    noiseVoltsRms: noise ? { ...noise, value: noise.value.voltsRms } : null,
  };
}

const PCM5102A_LINE_OUTPUT: AnalogOutput = {
  kind: 'line',
  label: 'RCA line output',
  fullScaleVoltsRms: { value: 2.1, sourceId: 'ti-pcm5102a', estimate: false, note: 'Datasheet: 2.1 Vrms full-scale line output.' },
  outputImpedanceOhms: null,
  ratings: [],
  minimumLoadOhms: {
    value: 1000,
    sourceId: 'ti-pcm5102a',
    estimate: false,
    note: 'Datasheet: the integrated line driver supports loads down to 1 kΩ.',
  },
  noiseVoltsRms: null,
};

function macbookAirJack(): AnalogOutput {
  const mac = catalogueSource('apple-macbook-air-2024');
  const output = catalogueOutput(mac, 'se');
  return {
    kind: 'headphone',
    label: '3.5 mm headphone jack, in its mode for loads under 150 Ω',
    fullScaleVoltsRms: mac.inputFullScaleVoltsRms,
    outputImpedanceOhms: output.outputImpedanceOhms,
    ratings: output.ratings.filter((r) => r.value.loadOhms < 150),
    minimumLoadOhms: null,
    noiseVoltsRms: null,
  };
}

export const SOURCE_DEVICES = {
  laptop: {
    id: 'laptop',
    label: 'Laptop on battery',
    name: 'the laptop',
    kind: 'computer',
    power: 'battery',
    powerNote: 'On its battery it has no connection to mains earth.',
    digitalOutputs: ['usb'],
    analogOutput: null,
  },
  desktopPc: {
    id: 'desktop-pc',
    label: 'Desktop PC',
    name: 'the desktop PC',
    kind: 'computer',
    power: 'mains-earthed',
    powerNote: 'Earthed through the three-pin mains plug of its power supply.',
    digitalOutputs: ['usb'],
    analogOutput: null,
  },
  phone: {
    id: 'phone',
    label: 'Phone with USB-C and no headphone jack',
    name: 'the phone',
    kind: 'phone',
    power: 'battery',
    powerNote: 'Battery powered.',
    digitalOutputs: ['usb'],
    analogOutput: null,
  },
  tv: {
    id: 'tv',
    label: 'TV with an optical output',
    name: 'the TV',
    kind: 'tv',
    power: 'mains-unearthed',
    powerNote: 'Assumed: many TVs have a two-pin plug, some are earthed. The optical link carries no ground either way.',
    digitalOutputs: ['optical'],
    analogOutput: null,
  },
  macbookAir: {
    id: 'macbook-air-2024',
    label: 'MacBook Air (2024) on battery, headphone jack',
    name: 'the MacBook Air',
    kind: 'computer',
    power: 'battery',
    powerNote: 'On its battery it has no connection to mains earth.',
    digitalOutputs: ['usb'],
    analogOutput: macbookAirJack(),
  },
} as const satisfies Record<string, SourceDevice>;

export const CONVERTER_DEVICES = {
  usbDac: {
    id: 'usb-dac-pcm5102a',
    label: 'USB DAC with a PCM5102A line output',
    name: 'the USB DAC',
    kind: 'usb-dac',
    power: 'usb-bus',
    powerNote: 'Powered by the USB bus: its ground is the computer’s.',
    digitalInputs: ['usb'],
    output: PCM5102A_LINE_OUTPUT,
  },
  appleDongle: {
    id: 'apple-usbc-adapter',
    label: 'Apple USB-C to 3.5 mm adapter',
    name: 'the Apple adapter',
    kind: 'dongle',
    power: 'usb-bus',
    powerNote: 'Powered by the phone’s USB port.',
    digitalInputs: ['usb'],
    output: headphoneOutputFromCatalogue('apple-usbc-adapter', 'se', 'fixed'),
  },
  fiioKa3: {
    id: 'fiio-ka3',
    label: 'FiiO KA3 USB DAC dongle (3.5 mm output)',
    name: 'the FiiO KA3',
    kind: 'dongle',
    power: 'usb-bus',
    powerNote: 'Powered by the host’s USB port.',
    digitalInputs: ['usb'],
    output: headphoneOutputFromCatalogue('fiio-ka3', 'se', 'fixed'),
  },
  scarlett2i2: {
    id: 'focusrite-scarlett-2i2-gen4',
    label: 'Focusrite Scarlett 2i2 (4th Gen) audio interface',
    name: 'the Scarlett 2i2',
    kind: 'interface',
    power: 'usb-bus',
    powerNote: 'Assumed bus-powered over USB-C; not checked against Focusrite’s specification.',
    digitalInputs: ['usb'],
    output: headphoneOutputFromCatalogue('focusrite-scarlett-2i2-gen4', 'se', 'fixed'),
  },
  fiioK13: {
    id: 'fiio-k13-r2r',
    label: 'FiiO K13 R2R DAC/amp combo (6.35 mm, high gain)',
    name: 'the FiiO K13 R2R',
    kind: 'combo',
    power: 'mains-unearthed',
    powerNote: 'Assumed to have no earth connection; not checked against FiiO’s specification.',
    digitalInputs: ['usb', 'optical'],
    output: headphoneOutputFromCatalogue('fiio-k13-r2r', 'se', 'high'),
  },
} as const satisfies Record<string, ConverterDevice>;

const O2_CATALOGUE_OUTPUT = catalogueOutput(catalogueSource('objective2'), 'se');

/** The O2's gains as in the level-chain lesson (AMP_GAINS): the JDS Labs build's 1.0×, the standard build's 2.5× and 6.5×. */
const O2_GAINS: readonly AmpGain[] = [
  { id: 'unity', label: '1.0× (JDS Labs build, low)', gain: AMP_GAINS[0] },
  { id: 'low', label: '2.5× (standard build, low)', gain: AMP_GAINS[1] },
  { id: 'high', label: '6.5× (standard build, high)', gain: AMP_GAINS[2] },
];

/** The O2 on its AC adapter: ±12 V rails, clip points as measured (SBAF) and specified (JDS Labs) in the catalogue. */
const O2_ON_AC: AmpDevice = {
  id: 'objective2',
  label: 'Objective2 (O2) headphone amp on its AC adapter (±12 V)',
  name: 'the O2',
  power: 'mains-unearthed',
  powerNote:
    'On its AC adapter, a wall transformer; assumed to have a two-pin plug (no earth), not checked for every adapter. Its ±12 V rails come from 7812/7912 regulators.',
  gains: O2_GAINS,
  outputImpedanceOhms: O2_CATALOGUE_OUTPUT.outputImpedanceOhms,
  ratings: O2_CATALOGUE_OUTPUT.ratings,
};

/** The O2's battery supply: two 9 V batteries as ± rails (the op-amp model's 'two-9v' preset). */
const O2_BATTERY_RAIL_VOLTS = (OP_AMP_SUPPLY_PRESETS.find((p) => p.id === 'two-9v') ?? { railVolts: 9 }).railVolts;

/** Loads at which the battery O2's clean output is worked out from the op-amp model (as the measured mains ratings). */
const O2_BATTERY_RATING_LOADS_OHMS = [33, 300, 600] as const;

/**
 * The O2 on its two 9 V batteries: its clean output into each load from the op-amp model of its output stage
 * (OBJECTIVE2_OUTPUT_STAGE, derived from the measured ±12 V clip points) on ±9 V rails: into 300 Ω about
 * 9 − 1.74 V ≈ 7.24 V peak, set by the rails; into 33 Ω the current limit still sets 4.24 Vrms, as on AC.
 */
function o2BatteryRatings(): Cited<OutputRating>[] {
  return O2_BATTERY_RATING_LOADS_OHMS.map((loadOhms) => ({
    value: { loadOhms, voltsRms: largestCleanSwingVoltsPeak({ ...OP_AMP_STAGE_DEFAULTS, railVolts: O2_BATTERY_RAIL_VOLTS, loadOhms }) / Math.SQRT2 },
    sourceId: 'sbaf-o2-measurements',
    estimate: true,
    note: `Calculated: the op-amp model of the O2's output stage, fitted to its measured ±12 V clip points, on ±${O2_BATTERY_RAIL_VOLTS} V battery rails.`,
  }));
}

const O2_ON_BATTERIES: AmpDevice = {
  ...O2_ON_AC,
  id: 'objective2-batteries',
  label: 'Objective2 (O2) headphone amp on its batteries (±9 V)',
  power: 'battery',
  powerNote: 'Running on its two 9 V NiMH batteries (NwAvGuy, “O2 Details”), which make ±9 V rails.',
  ratings: o2BatteryRatings(),
};

export const AMP_DEVICES = {
  o2: O2_ON_AC,
  o2OnBatteries: O2_ON_BATTERIES,
  earthedDesktopAmp: {
    ...O2_ON_AC,
    id: 'earthed-desktop-amp',
    label: 'Mains-powered desktop amp with an earthed plug (O2 figures)',
    name: 'the earthed desktop amp',
    power: 'mains-earthed',
    powerNote:
      'Earthed through a three-pin mains plug. Its gains, output impedance and clip point are the O2’s on AC, standing in for any such amp.',
  },
} as const satisfies Record<string, AmpDevice>;

// ---- analysis -----------------------------------------------------------------------------------------------------

export type StageId = 'source' | 'dac' | 'amp' | 'headphones';

export interface StageLevel {
  readonly id: StageId;
  readonly label: string;
  /** rms voltage of the full-scale sine here; null at a digital stage. */
  readonly voltsRms: number | null;
  readonly voltsPeak: number | null;
  /** Level at a digital stage, dB re full scale; null at an analog one. */
  readonly levelDbfs: number | null;
  /** At the headphones: the SPL of that sine. */
  readonly splDb: number | null;
  readonly description: string;
}

export type FindingId = 'double-amplification' | 'clipping' | 'ground-loop' | 'line-output-driving-headphones' | 'level-too-low';

export type Severity = 'problem' | 'warning' | 'info';

export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  /** Where the explanation's facts and figures come from: ids in src/data/sources.json. */
  readonly sourceIds: readonly string[];
}

export interface ChainAnalysis {
  readonly stages: readonly StageLevel[];
  /** Across the headphones at this digital volume, peaks that overshoot the driving stage cut at its limit. */
  readonly headphoneVoltsRms: number;
  readonly splDb: number;
  /** How far a full-scale peak overshoots the stage driving the headphones, dB (≤ 0: clean); null where no limit is known. */
  readonly overLimitDb: number | null;
  /** The loudest clean full-scale sine at full digital volume. */
  readonly maxCleanSplDb: number;
  /** What the headphones need for TARGET_MAX_SPL_DB. */
  readonly neededVoltsRms: number;
  readonly findings: readonly Finding[];
}

// Text for explanations: a real minus sign, no "−0.0" (as src/components/format.ts, which this layer may not import).
const MINUS = '\u2212';

function fixed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return (value < 0 && Number(text) !== 0 ? MINUS : '') + text;
}

const volts = (v: number): string => `${fixed(v, Math.abs(v) >= 10 ? 1 : 2)} V`;
const decibels = (db: number): string => `${fixed(db, 1)} dB`;
const microvolts = (v: number): string => `${fixed(v * 1e6, 1)} µV`;
const ohms = (z: number): string => (z >= 1000 ? `${fixed(z / 1000, 1).replace(/\.0$/, '')} kΩ` : `${fixed(z, z < 10 ? 1 : 0)} Ω`);
const times = (gain: number): string => `${fixed(gain, 1)}×`;
/** A gain that must be at least `gain`, rounded up to one decimal so the text never understates it. */
const atLeastTimes = (gain: number): string => times(Math.ceil(gain * 10 - 1e-9) / 10);
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const toDb = (ratio: number): number => 20 * Math.log10(ratio);
const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

interface Feed {
  readonly output: AnalogOutput;
  readonly label: string;
  readonly name: string;
}

/** The output that turns digital into analog: the converter's, or the source's own jack. */
function analogFeed(chain: Chain): Feed {
  if (chain.converter) return { output: chain.converter.output, label: chain.converter.label, name: chain.converter.name };
  if (chain.source.analogOutput) return { output: chain.source.analogOutput, label: chain.source.label, name: chain.source.name };
  throw new RangeError('a chain needs a converter or a source with an analog output');
}

function ampGain(amp: NonNullable<Chain['amp']>): AmpGain {
  const found = amp.device.gains.find((g) => g.id === amp.gainId);
  if (!found) throw new RangeError(`${amp.device.id} has no gain ${amp.gainId}`);
  return found;
}

function validate(chain: Chain): void {
  if (!(Number.isFinite(chain.digitalVolumeDb) && chain.digitalVolumeDb <= 0)) {
    throw new RangeError(`digitalVolumeDb must be finite and ≤ 0, got ${chain.digitalVolumeDb}`);
  }
  if (chain.sourceOutput === 'analog') {
    if (!chain.source.analogOutput) throw new RangeError(`${chain.source.id} has no analog output`);
    if (chain.converter) throw new RangeError('a source feeding its own analog output has no converter after it');
  } else {
    const physical = chain.sourceOutput === 'usb-isolated' ? 'usb' : chain.sourceOutput;
    if (!chain.source.digitalOutputs.includes(physical)) throw new RangeError(`${chain.source.id} has no ${physical} output`);
    if (!chain.converter) throw new RangeError('a digital output needs a converter after it');
    if (!chain.converter.digitalInputs.includes(physical)) throw new RangeError(`${chain.converter.id} has no ${physical} input`);
  }
  if (chain.amp) ampGain(chain.amp);
}

/** The largest clean voltage a rated output puts across a load: the least of its voltage and current limits. */
function cleanLimitVolts(ratings: readonly Cited<OutputRating>[], outputImpedanceOhms: number, loadOhms: number): number {
  if (ratings.length === 0) return Number.POSITIVE_INFINITY;
  const limits = limitsFromRatings(
    ratings.map((r) => ratingVolts(r.value)),
    outputImpedanceOhms,
    loadOhms,
  );
  return Math.min(limits.voltageLimitVoltsRms, limits.currentLimitVoltsRms ?? Number.POSITIVE_INFINITY);
}

interface Drive {
  /** Open-circuit rms voltage at the converter's (or source's) analog output. */
  readonly feedVoltsRms: number;
  /** Open-circuit rms voltage the amp tries to make (feed × gain); null without an amp. */
  readonly ampOpenCircuitVoltsRms: number | null;
  /** What the full-scale sine asks for across the headphones, before any limit. */
  readonly demandedVoltsRms: number;
  /** The driving stage's clean limit across this load; +∞ where no rating is known. */
  readonly limitVoltsRms: number;
  /** The demand, cut at the limit. */
  readonly deliveredVoltsRms: number;
}

/** Voltages for a full-scale sine at a digital volume, through the amp at `gain` (ignored without an amp). */
function drive(chain: Chain, digitalVolumeDb: number, gain: number): Drive {
  const { output } = analogFeed(chain);
  const loadOhms = chain.headphones.nominalImpedanceOhms.value;
  const feedVoltsRms = output.fullScaleVoltsRms.value * 10 ** (digitalVolumeDb / 20);
  let ampOpenCircuitVoltsRms: number | null = null;
  let demandedVoltsRms: number;
  let limitVoltsRms: number;
  if (chain.amp) {
    const zOut = chain.amp.device.outputImpedanceOhms.value;
    ampOpenCircuitVoltsRms = feedVoltsRms * gain;
    demandedVoltsRms = ampOpenCircuitVoltsRms * dividerFraction(loadOhms, zOut);
    limitVoltsRms = cleanLimitVolts(chain.amp.device.ratings, zOut, loadOhms);
  } else {
    const zOut = output.outputImpedanceOhms?.value ?? 0;
    demandedVoltsRms = feedVoltsRms * dividerFraction(loadOhms, zOut);
    limitVoltsRms = cleanLimitVolts(output.ratings, zOut, loadOhms);
  }
  return { feedVoltsRms, ampOpenCircuitVoltsRms, demandedVoltsRms, limitVoltsRms, deliveredVoltsRms: Math.min(demandedVoltsRms, limitVoltsRms) };
}

function headphoneSensitivityDbPerVolt(headphones: CatalogueHeadphone): number {
  const { value, unit } = headphones.sensitivity.value;
  return sensitivityDbPerVolt(value, unit, headphones.nominalImpedanceOhms.value);
}

const headphoneName = (h: CatalogueHeadphone): string => `${h.maker} ${h.model}`;

/** The lowest amp gain that delivers `neededVoltsRms` cleanly at full digital volume; null if none does. */
function lowestGainReaching(chain: Chain, neededVoltsRms: number): AmpGain | null {
  if (!chain.amp) return null;
  const sorted = [...chain.amp.device.gains].sort((a, b) => a.gain - b.gain);
  return sorted.find((g) => drive(chain, 0, g.gain).deliveredVoltsRms >= neededVoltsRms) ?? null;
}

// ---- findings -----------------------------------------------------------------------------------------------------

/** A headphone output (already amplified) feeding a further amp. */
function doubleAmplification(chain: Chain, amp: AmpDevice, feed: Feed, gain: AmpGain, neededVoltsRms: number, sensitivity: number): Finding {
  const firstVolts = feed.output.fullScaleVoltsRms.value;
  const harmless = firstVolts <= LINE_LEVEL_LIKE_MAX_VOLTS_RMS && gain.gain <= LOW_GAIN_MAX;
  const loadOhms = chain.headphones.nominalImpedanceOhms.value;
  let noise: string;
  const hiss = feed.output.noiseVoltsRms;
  if (hiss) {
    const amplified = hiss.value * gain.gain;
    const atEar = splFromVoltsRms(sensitivity, amplified * dividerFraction(loadOhms, amp.outputImpedanceOhms.value));
    noise =
      `Its hiss, about ${microvolts(hiss.value)}${hiss.estimate ? ' (an estimate)' : ''}, leaves the amp as ${microvolts(amplified)} ` +
      `before the amp adds its own: about ${fixed(atEar, 0)} dB SPL in the ${headphoneName(chain.headphones)}` +
      `${atEar < 10 ? ' — below hearing with these headphones, not with sensitive in-ears' : ''}.`;
  } else {
    noise = `Its hiss (not published) is multiplied by ${times(gain.gain)} before the amp adds its own.`;
  }
  const lowest = lowestGainReaching(chain, neededVoltsRms);
  const lowerSuffices = lowest !== null && lowest.gain < gain.gain;
  const cause =
    firstVolts > LINE_LEVEL_LIKE_MAX_VOLTS_RMS
      ? `the first output is hotter than a line output (${volts(firstVolts)} at full scale)`
      : `the amp runs at a high ${times(gain.gain)}`;
  const verdict = harmless
    ? `Here the first output is line-level-ish (${volts(firstVolts)} at full scale) and the amp runs at a low ${times(gain.gain)}: ` +
      `mostly harmless, as long as the first volume stays at maximum and the amp's knob does the rest.`
    : `Here ${cause}: whatever the first stage adds comes out ${decibels(toDb(gain.gain))} louder.` +
      (lowerSuffices && lowest ? ` ${times(lowest.gain)} would still reach ${TARGET_MAX_SPL_DB} dB SPL.` : '');
  return {
    id: 'double-amplification',
    severity: harmless ? 'info' : 'warning',
    title: 'Double amplification: a headphone output feeds another amp',
    explanation:
      `${capitalized(feed.name)}'s ${feed.output.label} is already an amplifier's output, and it feeds ${amp.name} at ${times(gain.gain)}: ` +
      `two amplifiers in series and two volume controls. Each adds noise and distortion, and the second multiplies the first one's by its gain. ` +
      `${noise} Double amplification is mostly harmless when the first output behaves like a line output — about 2 V or less at full scale, ` +
      `its volume at maximum — and the second amp runs at low gain; it hurts when a hot or noisy headphone output meets a high gain. ` +
      `${verdict} Better still, feed the amp from a line output (a DAC's RCA or XLR outputs).`,
    sourceIds: uniqueIds([feed.output.fullScaleVoltsRms.sourceId, ...(hiss ? [hiss.sourceId] : []), ...amp.ratings.map((r) => r.sourceId)]),
  };
}

/** Full-scale peaks asking the stage that drives the headphones for more than it can give. */
function clipping(chain: Chain, d: Drive, overDb: number, feed: Feed, neededVoltsRms: number): Finding {
  const loadOhms = chain.headphones.nominalImpedanceOhms.value;
  const volume = chain.digitalVolumeDb;
  const volumeText = volume === 0 ? 'full digital volume' : `${decibels(volume)} digital volume`;
  const demandPeak = d.demandedVoltsRms * Math.SQRT2;
  const limitPeak = d.limitVoltsRms * Math.SQRT2;
  if (chain.amp) {
    const gain = ampGain(chain.amp);
    const clean = [...chain.amp.device.gains]
      .filter((g) => g.gain < gain.gain && drive(chain, volume, g.gain).demandedVoltsRms <= d.limitVoltsRms)
      .sort((a, b) => b.gain - a.gain);
    const better = clean.find((g) => drive(chain, 0, g.gain).deliveredVoltsRms >= neededVoltsRms) ?? clean[0];
    let gainFix = '';
    if (better) {
      const peak = drive(chain, volume, better.gain).demandedVoltsRms * Math.SQRT2;
      gainFix = `lower the gain to ${times(better.gain)} (the peak is then ${volts(peak)}, ${decibels(toDb(limitPeak / peak))} under the clip point) or `;
    }
    return {
      id: 'clipping',
      severity: 'problem',
      title: `The amp clips: full-scale peaks overshoot it by ${decibels(overDb)}`,
      explanation:
        `At ${volumeText} a full-scale peak leaves ${feed.name} at ${volts(d.feedVoltsRms * Math.SQRT2)} (${volts(d.feedVoltsRms)} rms × √2). ` +
        `At ${times(gain.gain)} gain ${chain.amp.device.name} would have to swing ${volts(demandPeak)} peak across the ${ohms(loadOhms)} headphones, ` +
        `but the most it delivers cleanly into this load is ${volts(limitPeak)} peak (${volts(d.limitVoltsRms)} rms). ` +
        `Every peak within ${decibels(overDb)} of full scale is flattened: audible distortion on loud passages. ` +
        `Fix: ${gainFix}turn the digital volume down by at least ${decibels(overDb)}. ` +
        `On amps whose gain stage comes before the volume knob, turning the knob down does not help.`,
      sourceIds: uniqueIds([feed.output.fullScaleVoltsRms.sourceId, ...chain.amp.device.ratings.map((r) => r.sourceId)]),
    };
  }
  return {
    id: 'clipping',
    severity: 'problem',
    title: `The headphone output clips: full-scale peaks overshoot it by ${decibels(overDb)}`,
    explanation:
      `At ${volumeText} a full-scale sine asks ${feed.name} for ${volts(demandPeak)} peak across the ${ohms(loadOhms)} headphones, ` +
      `but it delivers ${volts(limitPeak)} peak cleanly into this load. Peaks within ${decibels(overDb)} of full scale are flattened. ` +
      `Fix: keep the digital volume at least ${decibels(overDb)} below maximum.`,
    sourceIds: uniqueIds([feed.output.fullScaleVoltsRms.sourceId, ...feed.output.ratings.map((r) => r.sourceId)]),
  };
}

type GroundLink = DigitalLink | 'analog-unbalanced' | 'analog-balanced';

const carriesGround = (link: GroundLink): boolean => link !== 'usb-isolated' && link !== 'optical';

const LINK_TEXT: Readonly<Record<GroundLink, string>> = {
  usb: 'USB cable',
  'usb-isolated': 'isolated USB link',
  optical: 'optical cable',
  'analog-unbalanced': 'unbalanced analog cable',
  'analog-balanced': 'balanced analog cable',
};

/**
 * A ground loop: two devices earthed through their mains plugs whose grounds are joined again through the cables
 * between them, one of them unbalanced, whose shield is the signal's return. A balanced link rejects the shield
 * current; an optical or isolated USB link carries no ground (RaneNote 110; Harris, Altium 2024).
 */
function groundLoop(chain: Chain): Finding | null {
  const nodes: Powered[] = [chain.source];
  const links: GroundLink[] = [];
  if (chain.converter && chain.sourceOutput !== 'analog') {
    nodes.push(chain.converter);
    links.push(chain.sourceOutput);
  }
  if (chain.amp) {
    nodes.push(chain.amp.device);
    links.push(chain.ampInputCable === 'balanced' ? 'analog-balanced' : 'analog-unbalanced');
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (!a || !b || a.power !== 'mains-earthed' || b.power !== 'mains-earthed') continue;
      const between = links.slice(i, j);
      if (!between.every(carriesGround) || !between.includes('analog-unbalanced')) continue;
      const path = between.map((l) => LINK_TEXT[l]).join(' and the ');
      return {
        id: 'ground-loop',
        severity: 'warning',
        title: 'Ground-loop risk: hum at the mains frequency',
        explanation:
          `${capitalized(a.name)} and ${b.name} are both earthed through their mains plugs, and their grounds are joined a second time through the ${path}. ` +
          `That closes a loop. Small voltage differences between the two earth connections drive a current round it, through the unbalanced cable's shield — ` +
          `which is also the signal's return — so it adds to the music as hum at 50 or 60 Hz and its harmonics, often with buzz from the computer. ` +
          `How loud depends on the installation; this model gives no level. ` +
          `Fixes: a balanced connection (XLR or TRS) between them; only one earthed device (a laptop on battery, a battery-powered amp); ` +
          `a USB isolator between the computer and the DAC; or an optical (Toslink) link, which carries no ground. Never remove the safety earth from a mains plug.`,
        sourceIds: GROUND_LOOP_SOURCE_IDS,
      };
    }
  }
  return null;
}

/** A line output (made for ≥ 1 kΩ) with headphones straight on it. */
function lineOutputDrivingHeadphones(chain: Chain, feed: Feed, d: Drive): Finding | null {
  const minimum = feed.output.minimumLoadOhms;
  if (chain.amp || feed.output.kind !== 'line' || !minimum) return null;
  const loadOhms = chain.headphones.nominalImpedanceOhms.value;
  if (loadOhms >= minimum.value) return null;
  const milliamps = (d.demandedVoltsRms / loadOhms) * 1000;
  return {
    id: 'line-output-driving-headphones',
    severity: 'problem',
    title: 'A line output is driving headphones',
    explanation:
      `${capitalized(feed.name)}'s ${feed.output.label} is made for loads of ${ohms(minimum.value)} or more; the ${headphoneName(chain.headphones)} ` +
      `is ${ohms(loadOhms)}, ${fixed(minimum.value / loadOhms, 0)} times lower, and would ask it for ${fixed(milliamps, 0)} mA rms at full scale. ` +
      `A line driver is built to hold a voltage across a high impedance, not to deliver current into a low one: into this load it may distort, ` +
      `limit or lose level, and the ${volts(d.demandedVoltsRms)} shown here assumes it does not. ` +
      `Put a headphone amp after it, or use a DAC with a headphone output rated for ${ohms(loadOhms)}.`,
    sourceIds: uniqueIds([minimum.sourceId, feed.output.fullScaleVoltsRms.sourceId]),
  };
}

/** The loudest clean level at full digital volume falls short of TARGET_MAX_SPL_DB. */
function levelTooLow(chain: Chain, maxCleanVoltsRms: number, maxCleanSplDb: number, neededVoltsRms: number, sensitivity: number): Finding | null {
  if (maxCleanSplDb >= TARGET_MAX_SPL_DB) return null;
  let fix: string;
  if (chain.amp) {
    const gain = ampGain(chain.amp);
    const lowest = lowestGainReaching(chain, neededVoltsRms);
    const limit = drive(chain, 0, gain.gain).limitVoltsRms;
    if (limit < neededVoltsRms) {
      fix = `${capitalized(chain.amp.device.name)} itself tops out at ${volts(limit)} rms into this load: these headphones need a more powerful amp.`;
    } else if (lowest && lowest.gain > gain.gain) {
      fix = `Switch ${chain.amp.device.name} to ${times(lowest.gain)}.`;
    } else {
      const total = neededVoltsRms / drive(chain, 0, 1).demandedVoltsRms;
      fix = `Even the highest gain falls short: the chain would need at least ${atLeastTimes(total)} of gain in all.`;
    }
  } else {
    fix = `Add a headphone amp with a gain of at least ${atLeastTimes(neededVoltsRms / maxCleanVoltsRms)}, or choose more sensitive headphones.`;
  }
  return {
    id: 'level-too-low',
    severity: 'warning',
    title: `Too quiet: the chain tops out at ${fixed(maxCleanSplDb, 1)} dB SPL`,
    explanation:
      `For full-scale peaks at ${TARGET_MAX_SPL_DB} dB SPL — the loudest most listeners need — the ${headphoneName(chain.headphones)} ` +
      `(${fixed(sensitivity, 1)} dB SPL per volt) needs ${volts(neededVoltsRms)} rms. At full digital volume this chain delivers ` +
      `${volts(maxCleanVoltsRms)} rms, ${decibels(TARGET_MAX_SPL_DB - maxCleanSplDb)} short: quiet recordings will not get loud enough. ${fix}`,
    sourceIds: uniqueIds([...TARGET_SOURCE_IDS, chain.headphones.sensitivity.sourceId, analogFeed(chain).output.fullScaleVoltsRms.sourceId]),
  };
}

// ---- the analysis -------------------------------------------------------------------------------------------------

function stageLevels(chain: Chain, feed: Feed, gain: AmpGain | null, d: Drive, clips: boolean, splDb: number, sensitivity: number): StageLevel[] {
  const loadOhms = chain.headphones.nominalImpedanceOhms.value;
  const peak = (rms: number): number => rms * Math.SQRT2;
  const stages: StageLevel[] = [];
  if (chain.sourceOutput === 'analog') {
    stages.push({
      id: 'source',
      label: chain.source.label,
      voltsRms: d.feedVoltsRms,
      voltsPeak: peak(d.feedVoltsRms),
      levelDbfs: null,
      splDb: null,
      description: `Its own DAC and ${feed.output.label}: ${volts(d.feedVoltsRms)} rms open-circuit at ${decibels(chain.digitalVolumeDb)} digital volume.`,
    });
  } else {
    stages.push({
      id: 'source',
      label: chain.source.label,
      voltsRms: null,
      voltsPeak: null,
      levelDbfs: chain.digitalVolumeDb,
      splDb: null,
      description: `A full-scale sine at ${decibels(chain.digitalVolumeDb)} digital volume, sent over a ${LINK_TEXT[chain.sourceOutput]}.`,
    });
    stages.push({
      id: 'dac',
      label: feed.label,
      voltsRms: d.feedVoltsRms,
      voltsPeak: peak(d.feedVoltsRms),
      levelDbfs: null,
      splDb: null,
      description: `${capitalized(feed.output.label)}: ${volts(d.feedVoltsRms)} rms, ${volts(peak(d.feedVoltsRms))} peak, open-circuit.`,
    });
  }
  if (chain.amp && gain && d.ampOpenCircuitVoltsRms !== null) {
    stages.push({
      id: 'amp',
      label: chain.amp.device.label,
      voltsRms: d.ampOpenCircuitVoltsRms,
      voltsPeak: peak(d.ampOpenCircuitVoltsRms),
      levelDbfs: null,
      splDb: null,
      description:
        `Gain ${times(gain.gain)}: ${volts(d.ampOpenCircuitVoltsRms)} rms, ${volts(peak(d.ampOpenCircuitVoltsRms))} peak asked for; ` +
        `clean limit into ${ohms(loadOhms)}: ${volts(peak(d.limitVoltsRms))} peak${clips ? ', so it clips' : ''}.`,
    });
  }
  stages.push({
    id: 'headphones',
    label: headphoneName(chain.headphones),
    voltsRms: d.deliveredVoltsRms,
    voltsPeak: peak(d.deliveredVoltsRms),
    levelDbfs: null,
    splDb,
    description: `${volts(d.deliveredVoltsRms)} rms across ${ohms(loadOhms)}: ${fixed(splDb, 1)} dB SPL at ${fixed(sensitivity, 1)} dB SPL per volt.`,
  });
  return stages;
}

/** Stage voltages of a full-scale sine at the chain's digital volume, and the chain's problems with their numbers. */
export function analyzeChain(chain: Chain): ChainAnalysis {
  validate(chain);
  const feed = analogFeed(chain);
  const gain = chain.amp ? ampGain(chain.amp) : null;
  const gainFactor = gain ? gain.gain : 1;
  const sensitivity = headphoneSensitivityDbPerVolt(chain.headphones);
  const neededVoltsRms = voltsRmsForSpl(sensitivity, TARGET_MAX_SPL_DB);

  const d = drive(chain, chain.digitalVolumeDb, gainFactor);
  const overLimitDb = Number.isFinite(d.limitVoltsRms) ? toDb(d.demandedVoltsRms / d.limitVoltsRms) : null;
  const clips = overLimitDb !== null && overLimitDb > CLIP_TOLERANCE_DB;
  const maxCleanVoltsRms = drive(chain, 0, gainFactor).deliveredVoltsRms;
  const maxCleanSplDb = splFromVoltsRms(sensitivity, maxCleanVoltsRms);
  const splDb = splFromVoltsRms(sensitivity, d.deliveredVoltsRms);

  const findings: Finding[] = [];
  if (chain.amp && gain && feed.output.kind === 'headphone') {
    findings.push(doubleAmplification(chain, chain.amp.device, feed, gain, neededVoltsRms, sensitivity));
  }
  if (clips && overLimitDb !== null) findings.push(clipping(chain, d, overLimitDb, feed, neededVoltsRms));
  const loop = groundLoop(chain);
  if (loop) findings.push(loop);
  const lineOut = lineOutputDrivingHeadphones(chain, feed, d);
  if (lineOut) findings.push(lineOut);
  const tooLow = levelTooLow(chain, maxCleanVoltsRms, maxCleanSplDb, neededVoltsRms, sensitivity);
  if (tooLow) findings.push(tooLow);

  return {
    stages: stageLevels(chain, feed, gain, d, clips, splDb, sensitivity),
    headphoneVoltsRms: d.deliveredVoltsRms,
    splDb,
    overLimitDb,
    maxCleanSplDb,
    neededVoltsRms,
    findings,
  };
}

// ---- presets --------------------------------------------------------------------------------------------------------

export type PresetId =
  | 'standalone-amp'
  | 'interface-or-combo'
  | 'audio-interface'
  | 'phone-dongle'
  | 'double-amplification'
  | 'line-into-high-gain'
  | 'ground-loop'
  | 'line-out-into-headphones'
  | 'too-quiet';

export interface ChainPreset {
  readonly id: PresetId;
  readonly title: string;
  readonly description: string;
  /** The one finding this setup is here to show; null for a setup that works. */
  readonly problem: FindingId | null;
  readonly chain: Chain;
}

const HD650 = catalogueHeadphone('sennheiser-hd650');

export const CHAIN_PRESETS: readonly ChainPreset[] = [
  {
    id: 'standalone-amp',
    title: 'Standalone amp',
    description: 'Laptop → USB DAC (line out) → O2 on its AC adapter at 2.5× → Sennheiser HD 650.',
    problem: null,
    chain: {
      source: SOURCE_DEVICES.laptop,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.usbDac,
      amp: { device: AMP_DEVICES.o2, gainId: 'low' },
      ampInputCable: 'unbalanced',
      headphones: HD650,
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'interface-or-combo',
    title: 'DAC/amp combo',
    description: 'Laptop → FiiO K13 R2R combo (its DAC and headphone amp in one box) → Sennheiser HD 650.',
    problem: null,
    chain: {
      source: SOURCE_DEVICES.laptop,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.fiioK13,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: HD650,
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'audio-interface',
    title: 'Audio interface',
    description: 'Laptop → Focusrite Scarlett 2i2 headphone output → Audio-Technica ATH-ADX5000.',
    problem: null,
    chain: {
      source: SOURCE_DEVICES.laptop,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.scarlett2i2,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: catalogueHeadphone('audio-technica-ath-adx5000'),
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'phone-dongle',
    title: 'Phone dongle',
    description: 'Phone → Apple USB-C adapter → AKG K371.',
    problem: null,
    chain: {
      source: SOURCE_DEVICES.phone,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.appleDongle,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: catalogueHeadphone('akg-k371'),
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'double-amplification',
    title: 'Double amplification',
    description: 'Phone → Apple USB-C adapter’s headphone output → O2 on its AC adapter at 6.5× → Sennheiser HD 650.',
    problem: 'double-amplification',
    chain: {
      source: SOURCE_DEVICES.phone,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.appleDongle,
      amp: { device: AMP_DEVICES.o2, gainId: 'high' },
      ampInputCable: 'unbalanced',
      headphones: HD650,
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'line-into-high-gain',
    title: 'Full-scale line output into high gain',
    description: 'Laptop → USB DAC (2.1 Vrms line out) at full digital volume → O2 on its AC adapter at 6.5× → Sennheiser HD 650.',
    problem: 'clipping',
    chain: {
      source: SOURCE_DEVICES.laptop,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.usbDac,
      amp: { device: AMP_DEVICES.o2, gainId: 'high' },
      ampInputCable: 'unbalanced',
      headphones: HD650,
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'ground-loop',
    title: 'Ground loop',
    description: 'Desktop PC → USB DAC → RCA → mains-powered, earthed desktop amp at 2.5× → Sennheiser HD 650.',
    problem: 'ground-loop',
    chain: {
      source: SOURCE_DEVICES.desktopPc,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.usbDac,
      amp: { device: AMP_DEVICES.earthedDesktopAmp, gainId: 'low' },
      ampInputCable: 'unbalanced',
      headphones: HD650,
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'line-out-into-headphones',
    title: 'Line output into headphones',
    description: 'Laptop → USB DAC’s RCA line output → adapter → AKG K371, with no amp.',
    problem: 'line-output-driving-headphones',
    chain: {
      source: SOURCE_DEVICES.laptop,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.usbDac,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: catalogueHeadphone('akg-k371'),
      digitalVolumeDb: 0,
    },
  },
  {
    id: 'too-quiet',
    title: 'Source too weak',
    description: 'Phone → Apple USB-C adapter → Sennheiser HD 600.',
    problem: 'level-too-low',
    chain: {
      source: SOURCE_DEVICES.phone,
      sourceOutput: 'usb',
      converter: CONVERTER_DEVICES.appleDongle,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: catalogueHeadphone('sennheiser-hd600'),
      digitalVolumeDb: 0,
    },
  },
];

export function presetById(id: PresetId): ChainPreset {
  const found = CHAIN_PRESETS.find((p) => p.id === id);
  if (!found) throw new RangeError(`no preset ${id}`);
  return found;
}
