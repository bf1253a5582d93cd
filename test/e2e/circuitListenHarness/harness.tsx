// Test-only page script (built by Vite in circuitListen.spec.ts, never part of the site): mounts the circuit lab's
// "Hear it" panel on simulations from the triode model, and renders a circuit's chain offline on a sine to measure.
import { render } from 'preact';
import { buildChain } from '../../../src/audio/chain';
import { chainLoudnessLufs, loudnessMatch } from '../../../src/audio/loudnessMatch';
import { CircuitListen } from '../../../src/components/lab/circuit/CircuitListen';
import { circuitChain, circuitChains, inputVoltsPerFullScale } from '../../../src/components/lab/circuit/audio';
import { harmonicLevels } from '../../../src/dsp/analysis/harmonics';
import { pathHarmonicsDb, stagePath } from '../../../src/dsp/circuitLab/approximation';
import { SIMULATIONS, type SimulationName } from './simulations';
import '../../../src/styles/global.css';

const RATE_HZ = 48000;
const SINE_HZ = 1000;
/** Rendered, seconds; the first SETTLE_SECONDS (the coupling capacitors' high-pass settling) are not measured. */
const RENDER_SECONDS = 2;
const SETTLE_SECONDS = 1;

export interface SineCase {
  readonly simulation: SimulationName;
  /** Music peaks at the stage's input, volts (the drive control's value). */
  readonly drivePeakVolts: number;
  /** The sine's peak, relative to program full scale. */
  readonly sinePeakFullScale: number;
}

export interface SineResult {
  /** Harmonics 2–5 measured in the render, dB re the fundamental. */
  readonly measuredDb: number[];
  /** The same predicted by pathHarmonicsDb (the approximation's own path). */
  readonly predictedDb: number[];
  /** The sine's peak at the stage's input, volts. */
  readonly inputPeakVolts: number;
}

async function renderSine(sineCase: SineCase): Promise<SineResult> {
  const simulation = SIMULATIONS[sineCase.simulation];
  const length = RENDER_SECONDS * RATE_HZ;
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length, sampleRate: RATE_HZ });
  const buffer = new AudioBuffer({ numberOfChannels: 1, length, sampleRate: RATE_HZ });
  const samples = buffer.getChannelData(0);
  for (let n = 0; n < length; n++) samples[n] = sineCase.sinePeakFullScale * Math.sin((2 * Math.PI * SINE_HZ * n) / RATE_HZ);
  const source = new AudioBufferSourceNode(ctx, { buffer });
  const chain = buildChain(ctx, circuitChain(simulation, sineCase.drivePeakVolts, RATE_HZ));
  source.connect(chain.input);
  chain.output.connect(ctx.destination);
  source.start(0);
  const rendered = (await ctx.startRendering()).getChannelData(0).subarray(SETTLE_SECONDS * RATE_HZ);
  const fullScaleVolts = inputVoltsPerFullScale(sineCase.drivePeakVolts);
  const inputPeakVolts = sineCase.sinePeakFullScale * fullScaleVolts;
  return {
    measuredDb: harmonicLevels(rendered, RATE_HZ, SINE_HZ, 4).harmonicsDb,
    predictedDb: pathHarmonicsDb(stagePath(simulation, fullScaleVolts, RATE_HZ), inputPeakVolts),
    inputPeakVolts,
  };
}

/** A and B's integrated loudness (ITU-R BS.1770, LUFS) on the music loop before and after the panel's match. */
async function matchedLoudness(names: { a: SimulationName; b: SimulationName; drivePeakVolts: number }): Promise<{ a: number; b: number; unmatchedB: number }> {
  const pair = await circuitChains(SIMULATIONS[names.a], SIMULATIONS[names.b], names.drivePeakVolts, RATE_HZ);
  const matched = await loudnessMatch('music', pair, RATE_HZ);
  const [a, b, unmatchedB] = await Promise.all([
    chainLoudnessLufs('music', matched.pair.a, RATE_HZ),
    chainLoudnessLufs('music', matched.pair.b, RATE_HZ),
    chainLoudnessLufs('music', pair.b, RATE_HZ),
  ]);
  return { a, b, unmatchedB };
}

export interface CircuitHarness {
  renderSine: typeof renderSine;
  matchedLoudness: typeof matchedLoudness;
}

const panel = document.getElementById('panel');
if (panel) render(<CircuitListen original={SIMULATIONS.original} edited={SIMULATIONS.edited} />, panel);
(window as unknown as { circuitHarness: CircuitHarness }).circuitHarness = { renderSine, matchedLoudness };
