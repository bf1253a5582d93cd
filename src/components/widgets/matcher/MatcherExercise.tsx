// Listening exercises for the matching lessons, made from catalogue pairs through the matcher's own model and sound
// (clipping, hiss, balanced against single-ended) and, for hearing safety, a plain 3 dB level difference. The
// feedback quotes the model's numbers for the pair.
import type { ChainSettings } from '../../../audio/chain';
import { HEADPHONES } from '../../../data/catalogue/headphones';
import { SOURCES } from '../../../data/catalogue/sources';
import { headphoneLoad, outputById, sourceOutputModel } from '../../../dsp/matching/catalogueModels';
import { evaluateMatch, type ListeningTarget, type MatchResult } from '../../../dsp/matching/match';
import { formatFixed, formatVolts } from '../../format';
import { ListeningExercise, type ExerciseRound } from '../../listening/ListeningExercise';
import { matcherChains } from './audio';

interface Setup {
  headphoneId: string;
  sourceId: string;
  outputId: string;
  gainId: string;
}

function pair(setup: Setup, target: ListeningTarget) {
  const headphoneEntry = HEADPHONES.find((h) => h.id === setup.headphoneId);
  const sourceEntry = SOURCES.find((s) => s.id === setup.sourceId);
  if (!headphoneEntry || !sourceEntry) throw new RangeError(`unknown catalogue pair ${setup.headphoneId} / ${setup.sourceId}`);
  const headphone = headphoneLoad(headphoneEntry);
  const output = sourceOutputModel(sourceEntry, setup.outputId, setup.gainId);
  const result = evaluateMatch(headphone, output, target);
  const name = `${sourceEntry.maker} ${sourceEntry.model}`;
  const outputLabel = outputById(sourceEntry, setup.outputId).label;
  const chain = (side: 'a' | 'b') => async (sampleRateHz: number): Promise<ChainSettings> =>
    (await matcherChains(result, headphone.impedance, output.outputImpedanceOhms, sampleRateHz))[side];
  return { result, name, outputLabel, headphoneName: `${headphoneEntry.maker} ${headphoneEntry.model}`, chain };
}

const shortBy = (r: MatchResult) => formatFixed(-r.headroomDb, 1);

function clippingRound(): ExerciseRound {
  const target: ListeningTarget = { averageLevelDbSpl: 95, crestFactorDb: 15 };
  const weak = pair({ headphoneId: 'sennheiser-hd650', sourceId: 'apple-usbc-adapter', outputId: 'se', gainId: 'fixed' }, target);
  const strong = pair({ headphoneId: 'sennheiser-hd650', sourceId: 'objective2', outputId: 'se', gainId: 'high' }, target);
  return {
    question: `Both play the ${weak.headphoneName} at 95 dB SPL average. Which sound is the phone adapter, running out of voltage?`,
    targetName: `the ${weak.name}`,
    target: weak.chain('b'),
    other: strong.chain('b'),
    explanation: `At 95 dB with a 15 dB crest factor the peaks need ${formatFixed(weak.result.listening.peakVolts, 2)} V; the adapter gives ${formatFixed(Math.SQRT2 * weak.result.clean.voltsRms, 2)} V peak, ${shortBy(weak.result)} dB short, so its peaks are flattened. The O2 has ${formatFixed(strong.result.headroomDb, 1)} dB to spare. Clipping is heard on the drum hits first.`,
  };
}

function hissRound(): ExerciseRound {
  const target: ListeningTarget = { averageLevelDbSpl: 60, crestFactorDb: 15 };
  const noisy = pair({ headphoneId: 'campfire-andromeda', sourceId: 'schiit-magni-2', outputId: 'se', gainId: 'high' }, target);
  const hissDb = noisy.result.noise ? noisy.result.noise.splDb : 0;
  const hissVolts = noisy.result.noise ? formatVolts(noisy.result.noise.voltsRms) : 'unpublished';
  return {
    question: `The ${noisy.headphoneName} at a quiet 60 dB SPL. Which sound is the desktop amp with its hiss?`,
    targetName: `the ${noisy.name}`,
    target: noisy.chain('b'),
    other: noisy.chain('a'),
    explanation: `The Magni 2's noise (${hissVolts}, unweighted, from its SNR spec) reaches ${formatFixed(hissDb, 0)} dB SPL in an IEM this sensitive: only ${formatFixed(60 - hissDb, 0)} dB below the music, and audible in quiet moments. A sensitive IEM hears an amp's noise floor that a 300 Ω headphone never would.`,
  };
}

function balancedRound(): ExerciseRound {
  const target: ListeningTarget = { averageLevelDbSpl: 96, crestFactorDb: 18 };
  const se = pair({ headphoneId: 'sennheiser-hd650', sourceId: 'fiio-ka3', outputId: 'se', gainId: 'fixed' }, target);
  const bal = pair({ headphoneId: 'sennheiser-hd650', sourceId: 'fiio-ka3', outputId: 'bal', gainId: 'fixed' }, target);
  return {
    question: `The ${se.headphoneName} on the ${se.name} at 96 dB SPL average, loud and dynamic. Which sound is the single-ended output?`,
    targetName: `the ${se.outputLabel} output`,
    target: se.chain('b'),
    other: bal.chain('b'),
    explanation: `Single-ended, the dongle's ${formatFixed(se.result.clean.voltsRms, 2)} V rms leaves peaks ${shortBy(se.result)} dB short. Balanced, twice the voltage (${formatFixed(bal.result.clean.voltsRms, 2)} V) leaves ${formatFixed(bal.result.headroomDb, 1)} dB of headroom. That is all balanced changes here: more voltage.`,
  };
}

function levelRound(): ExerciseRound {
  return {
    question: 'The two differ only in level. Which one is 3 dB louder — the one that doubles the daily dose?',
    targetName: 'the louder one, by 3 dB',
    target: async () => ({ sections: [], gainDb: 3 }),
    other: async () => ({ sections: [], gainDb: 0 }),
    explanation:
      'Three decibels is twice the sound energy, so by NIOSH’s 3 dB exchange rate it halves the safe time: 85 dB allows 8 hours, 88 dB only 4. It is an easy difference to hear, and an easy one to drift into when you turn up a track.',
  };
}

const VARIANTS = {
  clipping: { id: 'mx-clipping', title: 'Listening exercise: which one runs out of voltage?', round: clippingRound, matchLoudness: true },
  hiss: { id: 'mx-hiss', title: 'Listening exercise: which one hisses?', round: hissRound, matchLoudness: false },
  balanced: { id: 'mx-balanced', title: 'Listening exercise: single-ended or balanced?', round: balancedRound, matchLoudness: true },
  level: { id: 'mx-level', title: 'Listening exercise: which one doubles the dose?', round: levelRound, matchLoudness: false },
} as const;

export interface MatcherExerciseProps {
  variant: keyof typeof VARIANTS;
}

export default function MatcherExercise({ variant }: MatcherExerciseProps) {
  const v = VARIANTS[variant];
  const rounds = [v.round()];
  return (
    <ListeningExercise
      id={v.id}
      title={v.title}
      intro={
        v.matchLoudness
          ? 'Two sounds from the matcher’s model, loudness-matched so level can’t give the answer away. They change places at random.'
          : 'Two sounds from the matcher’s model at the same playback level. They change places at random.'
      }
      rounds={rounds}
      matchLoudness={v.matchLoudness}
    />
  );
}
