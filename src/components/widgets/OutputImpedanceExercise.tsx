// Exercise for "Myths and measurements": the 300 Ω dynamic model on an O2-class (0.5 Ω) source and on a
// tube OTL (≈ 100 Ω, estimated) source, loudness-matched. Which is the tube amp?
import { headphoneById } from '../../dsp/headphones';
import { ListeningExercise, type ExerciseRound } from './ListeningExercise';

const HEADPHONE_ID = 'dynamic-300';
const O2_CLASS_OHMS = 0.5;
const TUBE_OTL_OHMS = 100;

const chainFor = (outputImpedanceOhms: number) => async (sampleRateHz: number) => {
  const { sourceLoadChain } = await import('../../dsp/sourceLoadFilter');
  return sourceLoadChain(headphoneById(HEADPHONE_ID).impedance, outputImpedanceOhms, sampleRateHz);
};

const rounds: ExerciseRound[] = [
  {
    question: 'Which sound is the 300 Ω headphone model on the tube OTL amplifier?',
    targetName: 'the tube OTL (≈ 100 Ω output impedance, estimated)',
    target: chainFor(TUBE_OTL_OHMS),
    other: chainFor(O2_CLASS_OHMS),
    explanation:
      'With about 100 Ω in series, the headphone’s 90 Hz impedance peak turns into roughly 1 dB more bass relative to the midrange in this model: a “warmer” tilt that comes from output impedance, not from tubes as such.',
  },
];

export default function OutputImpedanceExercise() {
  return (
    <ListeningExercise
      id="oi-exercise"
      title="Listening exercise: spot the tube amp"
      intro="The same 300 Ω open dynamic headphone model (HD600-class, illustrative) on two sources: an O2-class amplifier (0.5 Ω) and a tube OTL (≈ 100 Ω, estimated). The two are loudness-matched."
      rounds={rounds}
      matchLoudness
    />
  );
}
