// Exercises drawn from the output-impedance model: the same headphone model on a low- and a high-impedance
// source, loudness-matched; which one is the high-impedance source? The feedback quotes the model's own
// largest response change.
import { headphoneById } from '../../../dsp/headphones';
import { largestDeviation } from '../../../dsp/sourceLoad';
import { formatDb, formatHz } from '../../format';
import { ListeningExercise, type ExerciseRound } from '../../listening/ListeningExercise';

interface Variant {
  id: string;
  title: string;
  headphoneId: string;
  lowOhms: number;
  lowName: string;
  highOhms: number;
  highName: string;
  question: string;
  moral: string;
}

const VARIANTS = {
  tube: {
    id: 'oi-exercise',
    title: 'Listening exercise: spot the tube amp',
    headphoneId: 'dynamic-300',
    lowOhms: 0.5,
    lowName: 'an O2-class amplifier (0.5 Ω)',
    highOhms: 100,
    highName: 'a tube OTL (≈ 100 Ω, estimated)',
    question: 'Which sound is the headphone on the tube OTL amplifier?',
    moral: 'That “warmer” tilt comes from output impedance meeting the headphone’s impedance peak, not from tubes as such.',
  },
  iem: {
    id: 'oi-iem-exercise',
    title: 'Listening exercise: which source has 100 Ω?',
    headphoneId: 'multi-ba',
    lowOhms: 1,
    lowName: 'a phone adapter (≈ 1 Ω)',
    highOhms: 100,
    highName: 'a 100 Ω source',
    question: 'Which sound is the IEM on the 100 Ω source?',
    moral: 'Wherever the IEM’s impedance dips, the 100 Ω source takes a bigger share of the voltage.',
  },
} as const satisfies Record<string, Variant>;

export interface OutputImpedanceExerciseProps {
  variant: keyof typeof VARIANTS;
}

export default function OutputImpedanceExercise({ variant }: OutputImpedanceExerciseProps) {
  const v: Variant = VARIANTS[variant];
  const headphone = headphoneById(v.headphoneId);
  const chainFor = (outputImpedanceOhms: number) => async (sampleRateHz: number) => {
    const { sourceLoadChain } = await import('../../../dsp/sourceLoadFilter');
    return sourceLoadChain(headphone.impedance, outputImpedanceOhms, sampleRateHz);
  };
  const change = largestDeviation(headphone.impedance, v.highOhms);
  const rounds: ExerciseRound[] = [
    {
      question: v.question,
      targetName: v.highName,
      target: chainFor(v.highOhms),
      other: chainFor(v.lowOhms),
      explanation: `In this model the ${v.highOhms} Ω source changes the response by up to ${formatDb(change.deviationDb)} at ${formatHz(change.atHz)}, relative to 1 kHz. ${v.moral}`,
    },
  ];
  return (
    <ListeningExercise
      id={v.id}
      title={v.title}
      intro={`The ${headphone.name} model (illustrative) on two sources: ${v.lowName} and ${v.highName}. The two are loudness-matched, so only the tonal balance differs.`}
      rounds={rounds}
      matchLoudness
    />
  );
}
