// The built-in music loop: 4 bars at 120 BPM in A minor (kick, snare, hi-hats, bass line, chords),
// synthesized with Tone.js offline so it has real bass, mid and treble content. Leaves out: melody, reverb.
import { loadTone } from './context';
import { normalizePeak, wrapTail } from './loop';
import { MUSIC_PEAK_DBFS } from './programLevels';

export { MUSIC_PEAK_DBFS };

export const MUSIC_TEMPO_BPM = 120;
export const MUSIC_BARS = 4;
const BEATS_PER_BAR = 4;
const BEAT_SECONDS = 60 / MUSIC_TEMPO_BPM;
const BAR_SECONDS = BEATS_PER_BAR * BEAT_SECONDS;
/** Loop length: 4 bars of 4/4 at 120 BPM = 8 s. */
export const MUSIC_LOOP_SECONDS = MUSIC_BARS * BAR_SECONDS;
/** Extra render after the loop end, folded back onto its start so every tail rings on seamlessly. */
const TAIL_SECONDS = 1;
/** One bar per chord: i – VI – III – VII in A minor (Am, F, C, G). */
const BARS = [
  { root: 'A1', fifth: 'E2', octave: 'A2', chord: ['A3', 'C4', 'E4', 'A4'] },
  { root: 'F1', fifth: 'C2', octave: 'F2', chord: ['F3', 'A3', 'C4', 'F4'] },
  { root: 'C2', fifth: 'G2', octave: 'C3', chord: ['G3', 'C4', 'E4', 'G4'] },
  { root: 'G1', fifth: 'D2', octave: 'G2', chord: ['G3', 'B3', 'D4', 'G4'] },
] as const;

/** Notes per chord (one synth voice each). */
const CHORD_SIZE = 4;

/** Bass in eighths: which note (or a rest) on each of the bar's 8 steps. */
const BASS_STEPS = ['root', null, 'root', 'octave', null, 'root', 'fifth', 'octave'] as const;
/** Chord stabs: start and length within the bar, in beats. */
const CHORD_HITS = [
  { beat: 0, beats: 0.9 },
  { beat: 1.5, beats: 0.4 },
  { beat: 2.5, beats: 0.4 },
  { beat: 3, beats: 0.8 },
] as const;

/**
 * Render the loop at a sample rate: MUSIC_LOOP_SECONDS + TAIL_SECONDS with Tone.Offline, tail
 * folded onto the start (wrapTail), peak-normalised to MUSIC_PEAK_DBFS. Returns [left, right].
 */
export async function renderMusicLoop(sampleRateHz: number): Promise<[Float32Array, Float32Array]> {
  const tone = await loadTone();
  const rendered = await tone.Offline(
    () => {
      const kick = new tone.MembraneSynth({
        pitchDecay: 0.045,
        octaves: 5,
        envelope: { attack: 0.001, decay: 0.35, sustain: 0, release: 0.05 },
        volume: 0,
      }).toDestination();
      const snareBody = new tone.MembraneSynth({
        pitchDecay: 0.02,
        octaves: 1.5,
        envelope: { attack: 0.001, decay: 0.12, sustain: 0, release: 0.03 },
        volume: -10,
      }).toDestination();
      const snareFilter = new tone.Filter({ type: 'highpass', frequency: 1200, Q: 0.7 }).toDestination();
      const snareNoise = new tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.001, decay: 0.16, sustain: 0, release: 0.04 },
        volume: -8,
      }).connect(snareFilter);
      const hatPan = new tone.Panner(0.3).toDestination();
      const hatFilter = new tone.Filter({ type: 'highpass', frequency: 7000, Q: 0.9 }).connect(hatPan);
      const closedHat = new tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.001, decay: 0.045, sustain: 0, release: 0.02 },
        volume: 0,
      }).connect(hatFilter);
      const openHat = new tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.002, decay: 0.28, sustain: 0, release: 0.08 },
        volume: -6,
      }).connect(hatFilter);
      const bass = new tone.MonoSynth({
        oscillator: { type: 'sawtooth' },
        filter: { type: 'lowpass', Q: 2, rolloff: -24 },
        envelope: { attack: 0.004, decay: 0.2, sustain: 0.6, release: 0.06 },
        filterEnvelope: { attack: 0.004, decay: 0.18, sustain: 0.25, release: 0.1, baseFrequency: 110, octaves: 3 },
        volume: -8,
      }).toDestination();
      const chordFilter = new tone.Filter({ type: 'lowpass', frequency: 3200, Q: 0.5 }).toDestination();
      const chordPan = new tone.Panner(-0.15).connect(chordFilter);
      // One voice per chord tone: four Synths render several times faster offline than a PolySynth.
      const chordVoices = Array.from({ length: CHORD_SIZE }, () =>
        new tone.Synth({
          oscillator: { type: 'fatsawtooth', count: 2, spread: 18 },
          envelope: { attack: 0.01, decay: 0.3, sustain: 0.5, release: 0.25 },
          volume: -22,
        }).connect(chordPan),
      );

      BARS.forEach((bar, barIndex) => {
        const barStart = barIndex * BAR_SECONDS;
        for (let beat = 0; beat < BEATS_PER_BAR; beat++) {
          const beatTime = barStart + beat * BEAT_SECONDS;
          kick.triggerAttackRelease('A1', 0.2, beatTime, 1);
          if (beat % 2 === 1) {
            snareBody.triggerAttackRelease('E3', 0.1, beatTime, 0.9);
            snareNoise.triggerAttackRelease(0.12, beatTime, 0.9);
          }
        }
        if (barIndex % 2 === 1) kick.triggerAttackRelease('A1', 0.15, barStart + 3.75 * BEAT_SECONDS, 0.7);
        for (let step = 0; step < 2 * BEATS_PER_BAR; step++) {
          const stepTime = barStart + (step * BEAT_SECONDS) / 2;
          if (step === 7) openHat.triggerAttackRelease(0.2, stepTime, 0.8);
          else closedHat.triggerAttackRelease(0.03, stepTime, step % 2 === 0 ? 0.55 : 1);
          const bassStep = BASS_STEPS[step];
          if (bassStep) bass.triggerAttackRelease(bar[bassStep], BEAT_SECONDS * 0.4, stepTime, 0.9);
        }
        for (const hit of CHORD_HITS) {
          chordVoices.forEach((voice, index) => {
            voice.triggerAttackRelease(bar.chord[index] as string, hit.beats * BEAT_SECONDS, barStart + hit.beat * BEAT_SECONDS, 0.7);
          });
        }
      });
    },
    MUSIC_LOOP_SECONDS + TAIL_SECONDS,
    2,
    sampleRateHz,
  );
  const loopLengthSamples = Math.round(MUSIC_LOOP_SECONDS * sampleRateHz);
  const left = wrapTail(rendered.getChannelData(0), loopLengthSamples);
  const right = wrapTail(rendered.getChannelData(rendered.numberOfChannels > 1 ? 1 : 0), loopLengthSamples);
  normalizePeak([left, right], MUSIC_PEAK_DBFS);
  return [left, right];
}
