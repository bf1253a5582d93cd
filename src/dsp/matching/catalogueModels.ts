/**
 * Turns catalogue entries (published figures as published) into the matcher's models: sensitivity in dB/V at the
 * nominal impedance, the impedance curve as Z(s), ratings as voltages, and one output at one gain setting.
 * Leaves out: nothing of the model; which figures are estimates stays with the catalogue entry.
 */
import type { CatalogueHeadphone, CatalogueSource, GainSetting, ImpedanceModelSpec, OutputRating, RatedMaximumInput, SourceOutput } from '../../data/catalogue/types';
import { balancedArmatureCrossoverImpedance, dynamicDriverImpedance } from '../headphones';
import type { Rational } from '../impedance';
import type { HeadphoneLoad, SourceOutputModel } from './match';
import type { VoltageRating } from './outputLimits';
import { sensitivityDbPerVolt, voltsRmsFromPower } from './sensitivity';

export function impedanceFromSpec(spec: ImpedanceModelSpec): Rational {
  return spec.kind === 'driver' ? dynamicDriverImpedance(spec.driver) : balancedArmatureCrossoverImpedance(spec.crossover);
}

const loads = new WeakMap<CatalogueHeadphone, HeadphoneLoad>();

/** The headphone's load model, made once per catalogue entry (so its impedance curve is one object to cache against). */
export function headphoneLoad(headphone: CatalogueHeadphone): HeadphoneLoad {
  const cached = loads.get(headphone);
  if (cached) return cached;
  const load = makeHeadphoneLoad(headphone);
  loads.set(headphone, load);
  return load;
}

/** A rated maximum input as published (power or voltage) as an rms voltage at the nominal impedance: V = √(P·Z). */
export function ratedMaximumInputVoltsRms(rating: RatedMaximumInput, nominalImpedanceOhms: number): number {
  return rating.kind === 'voltage' ? rating.voltsRms : voltsRmsFromPower(rating.watts, nominalImpedanceOhms);
}

function makeHeadphoneLoad(headphone: CatalogueHeadphone): HeadphoneLoad {
  const nominalImpedanceOhms = headphone.nominalImpedanceOhms.value;
  const { value, unit } = headphone.sensitivity.value;
  return {
    nominalImpedanceOhms,
    sensitivityDbPerVolt: sensitivityDbPerVolt(value, unit, nominalImpedanceOhms),
    impedance: impedanceFromSpec(headphone.impedance.model),
    ratedMaximumInputVoltsRms: headphone.ratedMaximumInput ? ratedMaximumInputVoltsRms(headphone.ratedMaximumInput.value, nominalImpedanceOhms) : null,
  };
}

/** A rating as published (volts or watts into a load) as a voltage: V = √(P·R) for a power rating. */
export function ratingVolts(rating: OutputRating): VoltageRating {
  if (rating.voltsRms !== undefined) return { loadOhms: rating.loadOhms, voltsRms: rating.voltsRms };
  if (rating.watts !== undefined) return { loadOhms: rating.loadOhms, voltsRms: voltsRmsFromPower(rating.watts, rating.loadOhms) };
  throw new RangeError(`a rating at ${rating.loadOhms} Ω gives neither volts nor watts`);
}

export function outputById(source: CatalogueSource, outputId: string): SourceOutput {
  return source.outputs.find((o) => o.id === outputId) ?? (source.outputs[0] as SourceOutput);
}

export function gainById(output: SourceOutput, gainId: string): GainSetting {
  return output.gains.find((g) => g.id === gainId) ?? (output.gains.at(-1) as GainSetting);
}

/** One output of a catalogue source at one gain setting (unknown ids fall back to the first output, highest gain). */
export function sourceOutputModel(source: CatalogueSource, outputId: string, gainId: string): SourceOutputModel {
  const output = outputById(source, outputId);
  const gain = gainById(output, gainId);
  const noise = gain.noise ?? output.noise;
  return {
    outputImpedanceOhms: output.outputImpedanceOhms.value,
    limit: { kind: 'ratings', ratings: output.ratings.map((r) => ratingVolts(r.value)) },
    fullVolumeVoltsRms: source.inputFullScaleVoltsRms.value * gain.gain,
    noiseVoltsRms: noise ? noise.value.voltsRms : null,
    noiseWeighting: noise ? noise.value.weighting : 'unweighted',
    volumeControl: source.volumeControl ?? 'digital',
  };
}
