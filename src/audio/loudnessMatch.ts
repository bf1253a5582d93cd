// Measured loudness matching: renders A's and B's chains offline on the program the reader is using and
// measures ITU-R BS.1770 integrated loudness (K-weighted, gated); B gets the gain that makes the two equal.
// Leaves out: the safety stage (a match is a property of the chains, measured before volume and limiter).
import { integratedLoudnessLufs } from '../dsp/loudness';
import { buildChain, type ChainSettings } from './chain';
import { programBuffer, type ProgramId } from './program';
import { ensureWorkletModules } from './worklets';

/** Longest stretch of a program that is measured, seconds (a loop is measured once through). */
export const MATCH_MAX_SECONDS = 20;
/** Shortest stretch measured, seconds (BS.1770 needs at least one 400 ms block; a few seconds gate well). */
const MATCH_MIN_SECONDS = 3;

export interface ChainPair {
  a: ChainSettings;
  b: ChainSettings;
}

/** BS.1770 integrated loudness (LUFS) of `program` played once through `settings` at `sampleRateHz`. */
export async function chainLoudnessLufs(program: ProgramId | AudioBuffer, settings: ChainSettings, sampleRateHz: number): Promise<number> {
  const probe = new OfflineAudioContext({ numberOfChannels: 2, length: 1, sampleRate: sampleRateHz });
  const buffer = typeof program === 'string' ? await programBuffer(probe, program) : program;
  const seconds = Math.min(MATCH_MAX_SECONDS, Math.max(MATCH_MIN_SECONDS, buffer.duration));
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(seconds * sampleRateHz), sampleRate: sampleRateHz });
  await ensureWorkletModules(ctx);
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  const chain = buildChain(ctx, settings);
  source.connect(chain.input);
  chain.output.connect(ctx.destination);
  source.start(0);
  const rendered = await ctx.startRendering();
  return integratedLoudnessLufs([rendered.getChannelData(0), rendered.getChannelData(1)], sampleRateHz);
}

/** The most a match may change B's level, dB: a nearly silent B (a stage whose output is all but gone) is not lifted to A's loudness. */
export const MAX_MATCH_GAIN_DB = 40;

/** The correction L(A) − L(B), held within ±MAX_MATCH_GAIN_DB; 0 when either is silent (−∞ LUFS). */
export function matchGainDb(loudnessALufs: number, loudnessBLufs: number): number {
  if (!Number.isFinite(loudnessALufs) || !Number.isFinite(loudnessBLufs)) return 0;
  return Math.max(-MAX_MATCH_GAIN_DB, Math.min(MAX_MATCH_GAIN_DB, loudnessALufs - loudnessBLufs));
}

/**
 * The pair with B's gain corrected by L(A) − L(B) (within ±MAX_MATCH_GAIN_DB), so both measure the same integrated
 * loudness on this program. Loudness scales 1:1 with gain (the relative gate moves with it), so one correction
 * suffices. A silent program (−∞ LUFS) has nothing to match and comes back unchanged.
 */
export async function loudnessMatchedPair(program: ProgramId | AudioBuffer, pair: ChainPair, sampleRateHz: number): Promise<ChainPair> {
  const [loudnessA, loudnessB] = await Promise.all([
    chainLoudnessLufs(program, pair.a, sampleRateHz),
    chainLoudnessLufs(program, pair.b, sampleRateHz),
  ]);
  if (!Number.isFinite(loudnessA) || !Number.isFinite(loudnessB)) return pair;
  return { a: pair.a, b: { ...pair.b, gainDb: pair.b.gainDb + matchGainDb(loudnessA, loudnessB) } };
}
