// Exercise for "Hearing differences honestly": which of two otherwise identical sounds is louder, by 1 dB,
// then 0.5 dB, then 0.2 dB.
import { ListeningExercise, type ExerciseRound } from '../../listening/ListeningExercise';

/** Amplitude ratio of a level difference: 10^(dB/20). */
const voltageRatio = (levelDb: number) => 10 ** (levelDb / 20);
const DIFFERENCES_DB = [1, 0.5, 0.2] as const;
const EXPLANATIONS: Record<(typeof DIFFERENCES_DB)[number], string> = {
  1: `One decibel is a voltage ratio of ${voltageRatio(1).toFixed(2)}. Note how sure you felt, and compare with the next rounds.`,
  0.5: `Half a decibel is a voltage ratio of ${voltageRatio(0.5).toFixed(3)}: about ${((voltageRatio(0.5) - 1) * 100).toFixed(0)} % more voltage.`,
  0.2: 'John Atkinson (Stereophile) reports that a component playing 0.2 dB louder is not heard as louder but described as having “more detail”: one reason comparisons must be level-matched.',
};

const rounds: ExerciseRound[] = DIFFERENCES_DB.map((differenceDb) => ({
  question: 'The two sounds differ only in level. Which one is louder?',
  targetName: `the louder one, by ${differenceDb.toFixed(1)} dB`,
  target: async () => ({ sections: [], gainDb: differenceDb }),
  other: async () => ({ sections: [], gainDb: 0 }),
  explanation: EXPLANATIONS[differenceDb],
}));

export default function LoudnessExercise() {
  return (
    <ListeningExercise
      id="loudness-exercise"
      title="Listening exercise: which is louder?"
      intro="Three rounds with the music loop. In each, one sound is a little louder than the other; it changes places at random."
      rounds={rounds}
      matchLoudness={false}
    />
  );
}
