// The recorded piano program: four bars in A minor (Am – F – C – G: bass, chord and a melody note each) played from
// the Salamander Grand Piano V3 samples by Alexander Holm (CC BY 3.0), rendered once by scripts/renderPianoPhrase.mjs
// into a 57 KB Ogg Opus file that is fetched on the first Play. Leaves out: pedalling, dynamics beyond one velocity.
import pianoPhraseUrl from './assets/piano-phrase.ogg?url';
import { AudioStartError } from './context';
import { normalizePeak, wrapTail } from './loop';
import { PIANO_PEAK_DBFS } from './programLevels';

/** The phrase's length: four chords of 1.6 s (two beats each at 75 BPM), as the render script plays them. */
export const PIANO_LOOP_SECONDS = 6.4;
/** The first attack is where the recording rises above this fraction of its peak (−40 dB). */
const ONSET_FRACTION_OF_PEAK = 0.01;
/** The loop starts this long before that attack, so the attack itself is whole. */
const ONSET_PRE_ROLL_SECONDS = 0.005;

export const PIANO_LOAD_MESSAGE =
  "The piano recording didn't load (the connection may be down, and this page's sounds weren't saved for offline use yet). Pick another program, or try again when you're online.";
export const PIANO_DECODE_MESSAGE = "This browser couldn't decode the piano recording (Ogg Opus). Pick another program, or try a current Firefox, Chrome, Edge or Safari.";

/**
 * A seamless loop from a recording of the phrase: it starts ONSET_PRE_ROLL_SECONDS before the first sample whose
 * magnitude (in either channel) reaches ONSET_FRACTION_OF_PEAK of the peak, lasts round(PIANO_LOOP_SECONDS·fs)
 * samples, and everything recorded after its end (the last chord's ring-out) is added back onto its start
 * (wrapTail), as when the phrase is played again without a pause. Peak-normalised to PIANO_PEAK_DBFS.
 * Codec delay, padding and silence before the first note make no difference to the loop.
 */
export function pianoLoopFromRecording(channels: readonly [Float32Array, Float32Array], sampleRateHz: number): [Float32Array, Float32Array] {
  const [left, right] = channels;
  let peak = 0;
  for (const channel of channels) for (const sample of channel) peak = Math.max(peak, Math.abs(sample));
  const loopLength = Math.round(PIANO_LOOP_SECONDS * sampleRateHz);
  if (!(peak > 0) || left.length < loopLength) throw new AudioStartError(PIANO_DECODE_MESSAGE);
  const threshold = ONSET_FRACTION_OF_PEAK * peak;
  let onset = 0;
  while (onset < left.length && Math.abs(left[onset] as number) < threshold && Math.abs(right[onset] as number) < threshold) onset++;
  const start = Math.max(0, onset - Math.round(ONSET_PRE_ROLL_SECONDS * sampleRateHz));
  const loop: [Float32Array, Float32Array] = [wrapTail(left.subarray(start), loopLength), wrapTail(right.subarray(start), loopLength)];
  normalizePeak(loop, PIANO_PEAK_DBFS);
  return loop;
}

/** The piano phrase's file, fetched once (a failed fetch is tried again on the next call). */
let fileBytes: Promise<ArrayBuffer> | null = null;

function fetchPhrase(): Promise<ArrayBuffer> {
  if (!fileBytes) {
    fileBytes = fetch(pianoPhraseUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .catch(() => {
        fileBytes = null;
        throw new AudioStartError(PIANO_LOAD_MESSAGE);
      });
  }
  return fileBytes;
}

/**
 * The piano program at a sample rate, as [left, right] loop channels: decoded by a length-1 OfflineAudioContext at
 * that rate (decodeAudioData resamples to its context's rate; the context renders nothing and has no worklet).
 */
export async function renderPianoLoop(sampleRateHz: number): Promise<[Float32Array, Float32Array]> {
  // decodeAudioData detaches the buffer it is given: each decode gets its own copy.
  const bytes = (await fetchPhrase()).slice(0);
  const decoder = new OfflineAudioContext({ numberOfChannels: 2, length: 1, sampleRate: sampleRateHz });
  let decoded: AudioBuffer;
  try {
    decoded = await decoder.decodeAudioData(bytes);
  } catch {
    throw new AudioStartError(PIANO_DECODE_MESSAGE);
  }
  const left = decoded.getChannelData(0);
  const right = decoded.getChannelData(decoded.numberOfChannels > 1 ? 1 : 0);
  return pianoLoopFromRecording([left, right], sampleRateHz);
}
