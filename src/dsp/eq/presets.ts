/**
 * EQ presets named for what they do to the frequency response, built from RBJ cookbook sections.
 * Leaves out: matching any product's or target curve's EQ, preamp gain to avoid clipping.
 */
import { type Biquad, cascadeResponseAtHz } from '../biquad';
import { abs } from '../complex';
import { highShelf, lowShelf, peaking } from './rbj';

export type EqPresetId = 'flat' | 'bass-boost' | 'treble-boost' | 'bright-tilt' | 'dark-tilt';

/** One EQ band: a cookbook section with its corner or centre frequency, gain and Q. */
export interface EqBand {
  kind: 'low-shelf' | 'high-shelf' | 'peaking';
  frequencyHz: number;
  gainDb: number;
  q: number;
}

export interface EqPreset {
  id: EqPresetId;
  label: string;
  description: string;
  bands: readonly EqBand[];
}

/** Shelf Q for the boosts: the steepest shelf that still rises monotonically (the cookbook's slope S = 1). */
const SHELF_Q = Math.SQRT1_2;
/** Gentler shelves for the tilts, so the two halves blend into one slope across the band. */
const TILT_Q = 0.5;
const TILT_PIVOT_HZ = 1000;
const TILT_HALF_SPAN_DB = 3;

export const EQ_PRESETS: readonly EqPreset[] = [
  { id: 'flat', label: 'Flat', description: 'No EQ: 0 dB at every frequency.', bands: [] },
  {
    id: 'bass-boost',
    label: 'Bass boost',
    description: 'Raises the bass: +3 dB at 100 Hz, rising to +6 dB in the deep bass; mids and treble unchanged.',
    bands: [{ kind: 'low-shelf', frequencyHz: 100, gainDb: 6, q: SHELF_Q }],
  },
  {
    id: 'treble-boost',
    label: 'Treble boost',
    description: 'Raises the treble: +3 dB at 6 kHz, rising to +6 dB at the top of the band; bass and mids unchanged.',
    bands: [{ kind: 'high-shelf', frequencyHz: 6000, gainDb: 6, q: SHELF_Q }],
  },
  {
    id: 'bright-tilt',
    label: 'Bright tilt',
    description:
      'Tilts the response up towards the treble: −3 dB below about 200 Hz, sloping through 0 dB at 1 kHz to +3 dB above about 5 kHz.',
    bands: [
      { kind: 'low-shelf', frequencyHz: TILT_PIVOT_HZ, gainDb: -TILT_HALF_SPAN_DB, q: TILT_Q },
      { kind: 'high-shelf', frequencyHz: TILT_PIVOT_HZ, gainDb: TILT_HALF_SPAN_DB, q: TILT_Q },
    ],
  },
  {
    id: 'dark-tilt',
    label: 'Dark tilt',
    description:
      'Tilts the response down towards the treble: +3 dB below about 200 Hz, sloping through 0 dB at 1 kHz to −3 dB above about 5 kHz.',
    bands: [
      { kind: 'low-shelf', frequencyHz: TILT_PIVOT_HZ, gainDb: TILT_HALF_SPAN_DB, q: TILT_Q },
      { kind: 'high-shelf', frequencyHz: TILT_PIVOT_HZ, gainDb: -TILT_HALF_SPAN_DB, q: TILT_Q },
    ],
  },
];

/** The preset with this id. */
export function eqPreset(id: EqPresetId): EqPreset {
  const preset = EQ_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new RangeError(`eqPreset: no preset '${id}'`);
  return preset;
}

/** One cookbook biquad per band, in band order, for this sample rate (see rbj.ts for the valid ranges). */
export function eqSections(bands: readonly EqBand[], sampleRateHz: number): Biquad[] {
  return bands.map((band) => {
    switch (band.kind) {
      case 'low-shelf':
        return lowShelf(band.frequencyHz, band.gainDb, band.q, sampleRateHz);
      case 'high-shelf':
        return highShelf(band.frequencyHz, band.gainDb, band.q, sampleRateHz);
      case 'peaking':
        return peaking(band.frequencyHz, band.gainDb, band.q, sampleRateHz);
    }
  });
}

/** The bands' combined gain at one frequency, dB: 20·log10 of the product of the sections' |H|. */
export function eqResponseDb(bands: readonly EqBand[], frequencyHz: number, sampleRateHz: number): number {
  return 20 * Math.log10(abs(cascadeResponseAtHz(eqSections(bands, sampleRateHz), frequencyHz, sampleRateHz)));
}
