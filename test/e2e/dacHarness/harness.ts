// Test-only page script (built by Vite in dacOffline.spec.ts, never part of the site): renders a chain offline the
// way the site did before issue #16's fix, with the DAC stages as AudioWorklet nodes in the render's own context,
// and the way it does now (renderOffline, chainLoudnessLufs), and compares the two sample by sample.
import { buildChain, type ChainSettings } from '../../../src/audio/chain';
import { chainLoudnessLufs } from '../../../src/audio/loudnessMatch';
import { programBuffer, type ProgramId } from '../../../src/audio/program';
import { renderOffline, RENDER_FADE_IN_SECONDS, RENDER_FADE_OUT_SECONDS, type RenderOptions } from '../../../src/audio/render';
import { createSafetyStage, limitRendered } from '../../../src/audio/safety';
import { chainWorkletModules, ensureWorkletModules } from '../../../src/audio/worklets';
import { integratedLoudnessLufs } from '../../../src/dsp/loudness';

/** A chain and what it is rendered on; `program` 'reader' is a mono 44.1 kHz buffer (resampled and up-mixed). */
export interface HarnessCase {
  readonly settings: ChainSettings;
  readonly program: ProgramId | 'reader';
  readonly options: Required<RenderOptions>;
}

export interface Comparison {
  readonly samples: number;
  /** Samples (over both channels) where the two renders differ at all. */
  readonly differing: number;
  readonly largestDifference: number;
  /** Largest |sample| of the worklet render (to show it is not silence). */
  readonly peak: number;
  /** Root-mean-square difference between the worklet render and the program rendered through no chain (the stages act). */
  readonly changedRms: number;
}

/** A mono 44.1 kHz "reader's file": a 440 Hz + 5 kHz chord with a slow swell, 1.5 s, not a whole number of cycles. */
function readerBuffer(): AudioBuffer {
  const rate = 44100;
  const buffer = new AudioBuffer({ numberOfChannels: 1, length: Math.round(1.5 * rate), sampleRate: rate });
  const samples = buffer.getChannelData(0);
  for (let n = 0; n < samples.length; n++) {
    const t = n / rate;
    samples[n] = (0.3 + 0.2 * Math.sin(2 * Math.PI * 0.7 * t)) * (Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI * 5000 * t));
  }
  return buffer;
}

let reader: AudioBuffer | null = null;

/** The case's program as renderOffline takes it: a built-in program's id, or the reader's buffer. */
function programArgument(harnessCase: HarnessCase): ProgramId | AudioBuffer {
  if (harnessCase.program !== 'reader') return harnessCase.program;
  reader ??= readerBuffer();
  return reader;
}

/** The case's program as a buffer at ctx's rate. */
function programFor(harnessCase: HarnessCase, ctx: BaseAudioContext): Promise<AudioBuffer> {
  const program = programArgument(harnessCase);
  return typeof program === 'string' ? programBuffer(ctx, program) : Promise.resolve(program);
}

/** renderOffline as it was: the program looped through buildChain, the DAC stages as worklets, then the safety stage. */
async function renderWithWorklets(harnessCase: HarnessCase): Promise<AudioBuffer> {
  const { seconds, sampleRateHz, volumeDb } = harnessCase.options;
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * sampleRateHz), sampleRate: sampleRateHz });
  const [buffer] = await Promise.all([programFor(harnessCase, ctx), ensureWorkletModules(ctx, chainWorkletModules(harnessCase.settings))]);
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  const chain = buildChain(ctx, harnessCase.settings);
  const safety = createSafetyStage(ctx, volumeDb, 'after-render');
  source.connect(chain.input);
  chain.output.connect(safety.input);
  const fadeInSeconds = Math.min(RENDER_FADE_IN_SECONDS, seconds / 4);
  const fadeOutSeconds = Math.min(RENDER_FADE_OUT_SECONDS, seconds / 4);
  safety.fadeIn(fadeInSeconds, 0);
  void safety.fadeOut(fadeOutSeconds, Math.max(fadeInSeconds, seconds - fadeOutSeconds - safety.latencySeconds));
  source.start(0);
  const rendered = await ctx.startRendering();
  limitRendered(rendered);
  return rendered;
}

/** chainLoudnessLufs as it was: the program played once through the chain with its worklets. */
async function loudnessWithWorklets(harnessCase: HarnessCase): Promise<number> {
  const { sampleRateHz } = harnessCase.options;
  const probe = new OfflineAudioContext({ numberOfChannels: 2, length: 1, sampleRate: sampleRateHz });
  const buffer = await programFor(harnessCase, probe);
  const seconds = Math.min(20, Math.max(3, buffer.duration));
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * sampleRateHz), sampleRate: sampleRateHz });
  await ensureWorkletModules(ctx, chainWorkletModules(harnessCase.settings));
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  const chain = buildChain(ctx, harnessCase.settings);
  source.connect(chain.input);
  chain.output.connect(ctx.destination);
  source.start(0);
  const rendered = await ctx.startRendering();
  return integratedLoudnessLufs([rendered.getChannelData(0), rendered.getChannelData(1)], sampleRateHz);
}

let current: AudioBuffer | null = null;

const harness = {
  /** The site's render of the case (held for compareWithWorklets). */
  async renderNow(harnessCase: HarnessCase): Promise<number> {
    current = await renderOffline(programArgument(harnessCase), harnessCase.settings, harnessCase.options);
    return current.length;
  },
  /** The case rendered with the worklets, compared with the render renderNow holds. */
  async compareWithWorklets(harnessCase: HarnessCase): Promise<Comparison> {
    if (!current) throw new Error('renderNow first');
    const now = current;
    current = null;
    const old = await renderWithWorklets(harnessCase);
    // The program looped, faded and limited alike but through no chain, for changedRms.
    const plain = await renderOffline(programArgument(harnessCase), { sections: [], gainDb: 0 }, harnessCase.options);
    let differing = 0;
    let largestDifference = 0;
    let peak = 0;
    let changedSquares = 0;
    for (let channel = 0; channel < 2; channel++) {
      const a = now.getChannelData(channel);
      const b = old.getChannelData(channel);
      const c = plain.getChannelData(channel);
      if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
      for (let n = 0; n < a.length; n++) {
        const difference = Math.abs((a[n] as number) - (b[n] as number));
        if (difference !== 0 || Object.is(a[n], -0) !== Object.is(b[n], -0)) differing++;
        largestDifference = Math.max(largestDifference, difference);
        peak = Math.max(peak, Math.abs(b[n] as number));
        changedSquares += ((b[n] as number) - (c[n] as number)) ** 2;
      }
    }
    return { samples: 2 * now.length, differing, largestDifference, peak, changedRms: Math.sqrt(changedSquares / (2 * now.length)) };
  },
  /** The site's loudness of the case's chain (no worklets). */
  loudnessNow(harnessCase: HarnessCase): Promise<number> {
    return chainLoudnessLufs(programArgument(harnessCase), harnessCase.settings, harnessCase.options.sampleRateHz);
  },
  loudnessWithWorklets,
};

export type DacHarness = typeof harness;
(window as unknown as { dacHarness: DacHarness }).dacHarness = harness;
