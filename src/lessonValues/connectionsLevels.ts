// Figures the connections lesson quotes: line levels computed from their dB definitions, the chain builder's
// full-scale DAC and O2 limit, and the noise and hum sums, so the prose and the chain builder can't disagree.
// Each is a plain number in the unit its name says. Leaves out any level a maker sets above a nominal one (the
// headroom of a line input is the maker's choice, so it is not computed here).
import { AMP_CLIP_VOLTS_PEAK } from '../dsp/levelChain';
import { consumerNominalVoltsRms, proNominalVoltsRms } from './lineLevels';
import { DBU_REFERENCE_VOLTS_RMS, DBV_REFERENCE_VOLTS_RMS, levelDifferenceDb, voltsRmsFromDbu } from '../dsp/lineLevels';
import { AMP_DEVICES, CONVERTER_DEVICES, analyzeChain, catalogueHeadphone, presetById } from '../dsp/connections/signalChain';
import { sensitivityDbPerVolt, splFromVoltsRms, voltsRmsForSpl } from '../dsp/matching/sensitivity';

/** The reference levels and conversions of the line-level model (src/dsp/lineLevels.ts), under this lesson's names. */
const DBV_REFERENCE_VOLTS = DBV_REFERENCE_VOLTS_RMS;
const DBU_REFERENCE_VOLTS = DBU_REFERENCE_VOLTS_RMS;
const voltsFromDbu = voltsRmsFromDbu;
export const dbRelative = levelDifferenceDb;

/** Consumer line level: a NOMINAL operating level of −10 dBV, with headroom above it. */
export const consumerNominalVolts = consumerNominalVoltsRms;
/** Professional line level: a NOMINAL operating level of +4 dBu, with headroom above it. */
export const proNominalVolts = proNominalVoltsRms;

/** The chain builder's USB DAC: a PCM5102A line output, 2.1 Vrms at FULL SCALE (its ceiling, not a nominal level). */
export const dacFullScaleVolts = CONVERTER_DEVICES.usbDac.output.fullScaleVoltsRms.value;
export const dacFullScaleDbv = dbRelative(dacFullScaleVolts, DBV_REFERENCE_VOLTS);
export const dacFullScaleDbu = dbRelative(dacFullScaleVolts, DBU_REFERENCE_VOLTS);
/** The digital level (dBFS) at which that DAC puts out each nominal line level: where like meets like. */
export const consumerNominalOnDacDbfs = dbRelative(consumerNominalVolts, dacFullScaleVolts);
export const proNominalOnDacDbfs = dbRelative(proNominalVolts, dacFullScaleVolts);

/** The O2's gains and its 1 % THD+N limit into 300 Ω (rms), as the chain builder uses them. */
export const o2LowGain = 2.5;
export const o2HighGain = 6.5;
export const o2LimitVolts = AMP_CLIP_VOLTS_PEAK / Math.SQRT2;
export const o2LimitPeakVolts = AMP_CLIP_VOLTS_PEAK;
if (!AMP_DEVICES.o2.gains.some((g) => g.gain === o2LowGain) || !AMP_DEVICES.o2.gains.some((g) => g.gain === o2HighGain)) {
  throw new Error('connectionsLevels: the O2 gains no longer match the chain builder');
}

/** Demand of a full-scale sine at `digitalVolumeDb` through `gain`, in dB over the O2's limit (negative: to spare). */
export function overO2LimitDb(sourceVolts: number, gain: number, digitalVolumeDb = 0): number {
  return dbRelative(sourceVolts * gain * 10 ** (digitalVolumeDb / 20), o2LimitVolts);
}

export const fullScaleHighGainVolts = dacFullScaleVolts * o2HighGain;
export const fullScaleHighGainOverDb = overO2LimitDb(dacFullScaleVolts, o2HighGain);
export const fullScaleLowGainVolts = dacFullScaleVolts * o2LowGain;
export const fullScaleLowGainSpareDb = -overO2LimitDb(dacFullScaleVolts, o2LowGain);
export const DIGITAL_TRIM_DB = -6;
export const trimmedHighGainVolts = fullScaleHighGainVolts * 10 ** (DIGITAL_TRIM_DB / 20);
export const trimmedHighGainSpareDb = -overO2LimitDb(dacFullScaleVolts, o2HighGain, DIGITAL_TRIM_DB);

/** Focusrite's Scarlett 2i2 (4th Gen) headphone output: maximum 10 dBu into 300 Ω (maker's figure). */
export const SCARLETT_MAX_DBU = 10;
export const scarlettMaxVolts = voltsFromDbu(SCARLETT_MAX_DBU);
export const scarlettIntoHighGainVolts = scarlettMaxVolts * o2HighGain;
export const scarlettIntoHighGainOverDb = overO2LimitDb(scarlettMaxVolts, o2HighGain);

/** Headphones the lesson quotes, sensitivity in dB SPL per volt. */
const hd650 = catalogueHeadphone('sennheiser-hd650');
const andromeda = catalogueHeadphone('campfire-andromeda');
export const hd650DbPerVolt = sensitivityDbPerVolt(hd650.sensitivity.value.value, hd650.sensitivity.value.unit, hd650.nominalImpedanceOhms.value);
export const andromedaDbPerVolt = sensitivityDbPerVolt(
  andromeda.sensitivity.value.value,
  andromeda.sensitivity.value.unit,
  andromeda.nominalImpedanceOhms.value,
);
export const hd650MusicVolts = voltsRmsForSpl(hd650DbPerVolt, 85);
export const hd650PeakVolts = voltsRmsForSpl(hd650DbPerVolt, 110);
export const andromedaPeakVolts = voltsRmsForSpl(andromedaDbPerVolt, 110);

/** Two amplifiers in a row: a first device with 10 µV of output noise (JDS Labs' "may be audible" figure) into 6.5×. */
export const FIRST_NOISE_VOLTS = 10e-6;
export const stackedNoiseVolts = FIRST_NOISE_VOLTS * o2HighGain;
export const stackedNoiseRiseDb = dbRelative(o2HighGain, 1);
export const firstNoiseAndromedaSpl = splFromVoltsRms(andromedaDbPerVolt, FIRST_NOISE_VOLTS);
export const stackedNoiseAndromedaSpl = splFromVoltsRms(andromedaDbPerVolt, stackedNoiseVolts);
export const stackedNoiseHd650Spl = splFromVoltsRms(hd650DbPerVolt, stackedNoiseVolts);

/** Output noise of two amplifiers in a row: random noises add in power, √((G·Vn1)² + Vn2²). */
export function stackedNoise(firstNoiseVolts: number, secondGain: number, secondNoiseVolts: number): number {
  return Math.hypot(firstNoiseVolts * secondGain, secondNoiseVolts);
}

/** An illustrative ground loop: 10 mA in a 0.1 Ω shield (not a measurement). */
export const LOOP_CURRENT_AMPS = 0.01;
export const SHIELD_OHMS = 0.1;
export const humVolts = LOOP_CURRENT_AMPS * SHIELD_OHMS;
export const humBelowConsumerNominalDb = dbRelative(humVolts, consumerNominalVolts);
export const humAfterHighGainVolts = humVolts * o2HighGain;
export const humAfterHighGainHd650Spl = splFromVoltsRms(hd650DbPerVolt, humAfterHighGainVolts);

/** Output of a full-scale sine through each O2 gain against digital volume, with the O2's limit, for a small figure. */
export function demandAgainstDigitalVolume(points = 49): { id: string; label: string; points: { x: number; y: number }[] }[] {
  const volumes = Array.from({ length: points }, (_, i) => -12 + (12 * i) / (points - 1));
  const curve = (gain: number) => volumes.map((x) => ({ x, y: dacFullScaleVolts * gain * 10 ** (x / 20) }));
  return [
    { id: 'high', label: `${o2HighGain}× gain`, points: curve(o2HighGain) },
    { id: 'low', label: `${o2LowGain}× gain`, points: curve(o2LowGain) },
    { id: 'limit', label: 'O2 limit', points: volumes.map((x) => ({ x, y: o2LimitVolts })) },
  ];
}

/** The chain builder's own overshoot for its "Full-scale line output into high gain" setup (through the O2's 0.54 Ω). */
export const clippingPresetOverDb = analyzeChain(presetById('line-into-high-gain').chain).overLimitDb ?? Number.NaN;
