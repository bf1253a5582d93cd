// What the tube-output widget shows for one setting, from src/dsp/tubeOutput: each topology's output impedance, its
// response into the chosen headphone relative to 1 kHz, its low-frequency corner, and the largest change in the band.
// Pure and memoized per (topology, transformer, headphone), so a control step recomputes only what it changed.
import { headphoneById } from '../../../dsp/headphones';
import { magnitudeOhmsAtHz, type Rational } from '../../../dsp/impedance';
import { logFrequencies } from '../../../dsp/logFrequencies';
import {
  MEASURED_TRANSFORMER,
  type OutputTransformerParams,
  midbandOutputImpedanceOhms,
  reflectedLoadOhms,
} from '../../../dsp/tubeOutput/outputTransformer';
import {
  type Topology,
  followerTubeSmallSignal,
  lowCornerOfResponseHz,
  outputImpedanceOhmsAtHz,
  relativeResponseDbAtHz,
  responseIntoLoad,
  topologySource,
} from '../../../dsp/tubeOutput/topologies';

export const CURVE_FREQUENCIES_HZ = logFrequencies(20, 20_000, 161);

export const TOPOLOGY_LABELS: Readonly<Record<Topology, string>> = {
  otl: 'OTL cathode follower',
  transformer: 'Output transformer',
  hybrid: 'Hybrid: tube stage, solid-state buffer',
};

export interface TopologyView {
  readonly topology: Topology;
  readonly response: Rational;
  readonly points: readonly { x: number; y: number }[];
  readonly outputImpedanceAt1kOhms: number;
  readonly outputImpedanceAt20Ohms: number;
  /** null: still within 3 dB at 1 Hz. */
  readonly lowCornerHz: number | null;
  /** The largest |dB| re 1 kHz over 20 Hz–20 kHz, signed, and where. */
  readonly largestChange: { readonly db: number; readonly atHz: number };
}

export interface TransformerSettings {
  readonly turnsRatio: number;
  readonly primaryInductanceHenries: number;
}

export const transformerParams = (s: TransformerSettings): OutputTransformerParams => ({
  ...MEASURED_TRANSFORMER,
  turnsRatio: s.turnsRatio,
  primaryInductanceHenries: s.primaryInductanceHenries,
});

const cache = new Map<string, TopologyView>();
const CACHE_LIMIT = 64;

/** One topology into one headphone; the OTL and hybrid don't depend on the transformer's settings. */
export function topologyView(topology: Topology, transformer: TransformerSettings, headphoneId: string): TopologyView {
  const key = topology === 'transformer' ? `${topology}|${transformer.turnsRatio}|${transformer.primaryInductanceHenries}|${headphoneId}` : `${topology}|${headphoneId}`;
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const source = topologySource(topology, transformerParams(transformer));
  const response = responseIntoLoad(source, headphoneById(headphoneId).impedance);
  const db = CURVE_FREQUENCIES_HZ.map((f) => relativeResponseDbAtHz(response, f));
  let largestIndex = 0;
  db.forEach((value, i) => {
    if (Math.abs(value) > Math.abs(db[largestIndex] ?? 0)) largestIndex = i;
  });
  const view: TopologyView = {
    topology,
    response,
    points: CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: db[i] ?? 0 })),
    outputImpedanceAt1kOhms: outputImpedanceOhmsAtHz(source, 1000),
    outputImpedanceAt20Ohms: outputImpedanceOhmsAtHz(source, 20),
    lowCornerHz: lowCornerOfResponseHz(response),
    largestChange: { db: db[largestIndex] ?? 0, atHz: CURVE_FREQUENCIES_HZ[largestIndex] ?? 1000 },
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, view);
  return view;
}

/** The transformer's own numbers for the readouts: its mid-band output impedance and the load the tube sees. */
export function transformerFigures(transformer: TransformerSettings, headphoneId: string) {
  const params = transformerParams(transformer);
  const plateResistanceOhms = followerTubeSmallSignal().plateResistanceOhms;
  const loadAt1kOhms = magnitudeOhmsAtHz(headphoneById(headphoneId).impedance, 1000);
  return {
    plateResistanceOhms,
    midbandOutputImpedanceOhms: midbandOutputImpedanceOhms(params, plateResistanceOhms),
    loadAt1kOhms,
    reflectedLoadOhms: reflectedLoadOhms(params, loadAt1kOhms),
  };
}
