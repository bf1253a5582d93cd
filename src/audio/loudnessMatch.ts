// Measured loudness matching: renders A's and B's chains offline on the program the reader is using and
// measures ITU-R BS.1770 integrated loudness (K-weighted, gated); B gets the gain that makes the two equal.
// Each chain's loudness is remembered per (program, settings, sample rate), so replaying renders nothing, and
// a match that cannot be made says why. Leaves out: the safety stage (a match is a property of the chains,
// measured before volume and limiter).
import { ABSOLUTE_GATE_LUFS, integratedLoudnessLufs } from '../dsp/loudness';
import { buildChain, chainSettingsEqual, type ChainSettings } from './chain';
import { programBuffer, type ProgramId } from './program';
import { offlineChainInput } from './offlineDac';

/** Longest stretch of a program that is measured, seconds (a loop is measured once through). */
export const MATCH_MAX_SECONDS = 20;
/** Shortest stretch measured, seconds (BS.1770 needs at least one 400 ms block; a few seconds gate well). */
const MATCH_MIN_SECONDS = 3;
/** Chain loudnesses remembered per program (a reader moving a control back and forth finds the earlier ones). */
export const MATCH_CACHE_SIZE = 16;

export interface ChainPair {
  a: ChainSettings;
  b: ChainSettings;
}

/** Why a pair could not be fully matched: a side measured no number, measured silent, or needed more than ±MAX_MATCH_GAIN_DB. */
export interface MatchProblem {
  readonly kind: 'unmeasurable' | 'silent' | 'beyond-range';
  /** The side(s) concerned. */
  readonly sides: 'A' | 'B' | 'A and B';
}

/** A pair after matching: B's gain corrected (as far as it could be), and the problem if the match is not complete. */
export interface LoudnessMatch {
  readonly pair: ChainPair;
  /** The gain added to B, dB (0 when no match could be made). */
  readonly correctionDb: number;
  readonly problem: MatchProblem | null;
}

/** A length-1 context per sample rate, only to make a built-in program at that rate (it renders nothing, has no worklet). */
const probes = new Map<number, OfflineAudioContext>();

function programAtRate(program: ProgramId | AudioBuffer, sampleRateHz: number): Promise<AudioBuffer> {
  if (typeof program !== 'string') return Promise.resolve(program);
  let probe = probes.get(sampleRateHz);
  if (!probe) {
    probe = new OfflineAudioContext({ numberOfChannels: 2, length: 1, sampleRate: sampleRateHz });
    probes.set(sampleRateHz, probe);
  }
  return programBuffer(probe, program);
}

/**
 * BS.1770 integrated loudness (LUFS) of `program` played once through `settings` at `sampleRateHz`, rendered in an
 * OfflineAudioContext without worklet modules (a chain's DAC stages run on the main thread: offlineChainInput).
 * −∞ for a silent result, NaN if the rendered audio holds non-finite samples.
 */
export async function chainLoudnessLufs(program: ProgramId | AudioBuffer, settings: ChainSettings, sampleRateHz: number): Promise<number> {
  const buffer = await programAtRate(program, sampleRateHz);
  const seconds = Math.min(MATCH_MAX_SECONDS, Math.max(MATCH_MIN_SECONDS, buffer.duration));
  const length = Math.round(seconds * sampleRateHz);
  const input = await offlineChainInput(buffer, settings, length, sampleRateHz);
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: sampleRateHz });
  const source = new AudioBufferSourceNode(ctx, { buffer: input.buffer, loop: input.loop });
  const chain = buildChain(ctx, input.settings);
  source.connect(chain.input);
  chain.output.connect(ctx.destination);
  source.start(0);
  const rendered = await ctx.startRendering();
  return integratedLoudnessLufs([rendered.getChannelData(0), rendered.getChannelData(1)], sampleRateHz);
}

/** The most a match may change B's level, dB: a nearly silent B (a stage whose output is all but gone) is not lifted to A's loudness. */
export const MAX_MATCH_GAIN_DB = 40;

/** The correction L(A) − L(B), held within ±MAX_MATCH_GAIN_DB; 0 when either is silent (−∞ LUFS) or not a number. */
export function matchGainDb(loudnessALufs: number, loudnessBLufs: number): number {
  if (!Number.isFinite(loudnessALufs) || !Number.isFinite(loudnessBLufs)) return 0;
  return Math.max(-MAX_MATCH_GAIN_DB, Math.min(MAX_MATCH_GAIN_DB, loudnessALufs - loudnessBLufs));
}

const sidesWhere = (a: boolean, b: boolean): MatchProblem['sides'] | null => (a && b ? 'A and B' : a ? 'A' : b ? 'B' : null);

/** What keeps A at loudnessALufs and B at loudnessBLufs from being matched exactly, or null if nothing does. */
export function matchProblem(loudnessALufs: number, loudnessBLufs: number): MatchProblem | null {
  const unmeasurable = sidesWhere(Number.isNaN(loudnessALufs), Number.isNaN(loudnessBLufs));
  if (unmeasurable) return { kind: 'unmeasurable', sides: unmeasurable };
  const silent = sidesWhere(!Number.isFinite(loudnessALufs), !Number.isFinite(loudnessBLufs));
  if (silent) return { kind: 'silent', sides: silent };
  if (Math.abs(loudnessALufs - loudnessBLufs) > MAX_MATCH_GAIN_DB) return { kind: 'beyond-range', sides: 'B' };
  return null;
}

/** The reader's sentence for a match problem, naming A and B by their labels. */
export function matchProblemText(problem: MatchProblem, labelA = 'A', labelB = 'B'): string {
  const named = problem.sides === 'A' ? `A (${labelA})` : problem.sides === 'B' ? `B (${labelB})` : 'both A and B';
  switch (problem.kind) {
    case 'unmeasurable':
      return `Loudness matching is off: the sound of ${named} couldn't be measured (it holds invalid samples), so A and B play at their own levels.`;
    case 'silent':
      return `Loudness matching is off: ${named} ${problem.sides === 'A and B' ? 'are' : 'is'} too quiet on this program to measure (below ${ABSOLUTE_GATE_LUFS} LUFS), so A and B play at their own levels.`;
    case 'beyond-range':
      return `Loudness matching is partial: A and B differ by more than ${MAX_MATCH_GAIN_DB} dB, and B's level is changed by ${MAX_MATCH_GAIN_DB} dB at most, so they still differ in loudness.`;
  }
}

interface LoudnessEntry {
  readonly settings: ChainSettings;
  readonly sampleRateHz: number;
  readonly lufs: Promise<number>;
}

/** Recent loudness measurements, newest first, per built-in program and per reader's buffer (forgotten with the buffer). */
const byProgramId = new Map<ProgramId, LoudnessEntry[]>();
const byBuffer = new WeakMap<AudioBuffer, LoudnessEntry[]>();

function entriesFor(program: ProgramId | AudioBuffer): LoudnessEntry[] {
  let entries = typeof program === 'string' ? byProgramId.get(program) : byBuffer.get(program);
  if (!entries) {
    entries = [];
    if (typeof program === 'string') byProgramId.set(program, entries);
    else byBuffer.set(program, entries);
  }
  return entries;
}

/**
 * chainLoudnessLufs, measured once per (program, chain settings, rate): asked again, or while being measured, it
 * shares the first measurement; the last MATCH_CACHE_SIZE chains per program are kept.
 */
function rememberedLoudnessLufs(program: ProgramId | AudioBuffer, settings: ChainSettings, sampleRateHz: number): Promise<number> {
  const entries = entriesFor(program);
  const index = entries.findIndex((entry) => entry.sampleRateHz === sampleRateHz && chainSettingsEqual(entry.settings, settings));
  if (index >= 0) {
    const [entry] = entries.splice(index, 1) as [LoudnessEntry];
    entries.unshift(entry);
    return entry.lufs;
  }
  const entry: LoudnessEntry = { settings, sampleRateHz, lufs: chainLoudnessLufs(program, settings, sampleRateHz) };
  entries.unshift(entry);
  entries.splice(MATCH_CACHE_SIZE);
  entry.lufs.catch(() => {
    const at = entries.indexOf(entry);
    if (at >= 0) entries.splice(at, 1);
  });
  return entry.lufs;
}

/**
 * The pair with B's gain corrected by L(A) − L(B) (within ±MAX_MATCH_GAIN_DB), so both measure the same integrated
 * loudness on this program. Loudness scales 1:1 with gain (the relative gate moves with it), so one correction
 * suffices. A pair with a side that measures silent or not at all comes back unchanged, with the problem named.
 * Each chain is measured once per program and rate (rememberedLoudnessLufs), so replaying renders nothing.
 */
export async function loudnessMatch(program: ProgramId | AudioBuffer, pair: ChainPair, sampleRateHz: number): Promise<LoudnessMatch> {
  const [loudnessA, loudnessB] = await Promise.all([
    rememberedLoudnessLufs(program, pair.a, sampleRateHz),
    rememberedLoudnessLufs(program, pair.b, sampleRateHz),
  ]);
  const correctionDb = matchGainDb(loudnessA, loudnessB);
  return {
    pair: correctionDb === 0 ? pair : { a: pair.a, b: { ...pair.b, gainDb: pair.b.gainDb + correctionDb } },
    correctionDb,
    problem: matchProblem(loudnessA, loudnessB),
  };
}

/** loudnessMatch's pair alone (for callers with nowhere to say that a match could not be made). */
export async function loudnessMatchedPair(program: ProgramId | AudioBuffer, pair: ChainPair, sampleRateHz: number): Promise<ChainPair> {
  return (await loudnessMatch(program, pair, sampleRateHz)).pair;
}
