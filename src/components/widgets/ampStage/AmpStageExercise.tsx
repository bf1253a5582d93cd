// Listening exercises for the amplifier lessons, built from the same stage models and chains as the widget; the
// feedback quotes the model's THD for each sound.
import type { ChainSettings } from '../../../audio/chain';
import { predictedHarmonicLevels, thd } from '../../../dsp/analysis/harmonics';
import { formatLevelDb, formatPercent } from '../../format';
import { ListeningExercise, type ExerciseRound } from '../../listening/ListeningExercise';
import { ampStageShaper } from './audio';
import { useEffect, useState } from 'preact/hooks';
import { useHeldIsland } from './heldIsland';
import { DEFAULT_AMP_STAGE_SETTINGS, drivePeakVolts, isStageKitLoaded, loadStageKits, stageView, type AmpStageSettings, type StageKind } from './views';

// The server renders the exercise's sounds with their models, so it loads every stage's module first (the browser's
// build leaves this out: there the exercise loads its stages at hydration).
if (import.meta.env.SSR) await import('./allStages');

interface Sound {
  settings: AmpStageSettings;
  driveDb: number;
}

const settingsOf = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, ...patch });

const chainOf = (sound: Sound) => async (): Promise<ChainSettings> => ({ sections: [], gainDb: 0, shaper: ampStageShaper(sound.settings, sound.driveDb) });

/** "1.2 % (−38.4 dB)": the model's THD for a 1 kHz sine at the sound's drive. */
function thdText(sound: Sound): string {
  const view = stageView(sound.settings);
  const q = view.stage.quiescentOutputVolts;
  const levels = predictedHarmonicLevels((v) => view.stage.transferVolts(v) - q, drivePeakVolts(view, sound.driveDb), 1000, 48000);
  const distortion = thd(levels);
  return `${formatPercent(distortion.percent)} (${formatLevelDb(distortion.db)})`;
}

/** The drive (dB re full swing) that puts a given input peak into a stage. */
function driveForInput(settings: AmpStageSettings, inputVoltsPeak: number): number {
  return 20 * Math.log10(inputVoltsPeak / stageView(settings).fullSwingInputVoltsPeak);
}

function round(target: Sound, other: Sound, question: string, targetName: string, explain: (t: string, o: string) => string): ExerciseRound {
  return { question, targetName, target: chainOf(target), other: chainOf(other), explanation: explain(thdText(target), thdText(other)) };
}

interface Variant {
  id: string;
  title: string;
  intro: string;
  /** The stages whose models the exercise needs. */
  kinds: readonly StageKind[];
  round: () => ExerciseRound;
}

const VARIANTS = {
  clip: {
    id: 'ax-clip',
    kinds: ['opamp'],
    title: 'Listening exercise: which one clips?',
    intro: 'The same op-amp stage twice, once driven 3 dB past its clean swing and once 12 dB below it; loudness-matched, they change places at random.',
    round: () =>
      round(
        { settings: settingsOf({ kind: 'opamp' }), driveDb: 3 },
        { settings: settingsOf({ kind: 'opamp' }), driveDb: -12 },
        'Which sound is the stage running out of swing?',
        'the one driven 3 dB past full swing',
        (t, o) => `Driven past its rails the stage flattens every peak: THD ${t} on a sine, against ${o} below full swing. Clipping is heard on drum hits first.`,
      ),
  },
  triode: {
    id: 'ax-triode',
    kinds: ['triode', 'opamp'],
    title: 'Listening exercise: which one is the triode?',
    intro: 'A 12AX7 stage and an op-amp stage, both driven to 6 dB below their full swing and loudness-matched; they change places at random.',
    round: () =>
      round(
        { settings: settingsOf({ kind: 'triode', tube: '12AX7', plateSupplyVolts: 250 }), driveDb: -6 },
        { settings: settingsOf({ kind: 'opamp' }), driveDb: -6 },
        'Which sound went through the triode stage?',
        'the triode stage',
        (t, o) => `The triode's curve bends gently all the way, adding mostly 2nd harmonic: THD ${t} here. The op-amp stage is straight until its rails: ${o}. Whether you heard it depends on the music and the level — distortion this low is often inaudible.`,
      ),
  },
  crossover: {
    id: 'ax-crossover',
    kinds: ['pushpull'],
    title: 'Listening exercise: which one is class B?',
    intro: 'A push-pull output stage at 30 dB below full swing, a quiet passage, in class B and in class AB (20 mA bias); loudness-matched, they change places at random.',
    round: () =>
      round(
        { settings: settingsOf({ kind: 'pushpull', pushPullClass: 'B' }), driveDb: -30 },
        { settings: settingsOf({ kind: 'pushpull', pushPullClass: 'AB', biasCurrentAmps: 0.02 }), driveDb: -30 },
        'Which sound is the unbiased class B stage?',
        'the class B stage',
        (t, o) => `Without bias each transistor needs about 0.6 V before it conducts, so a quiet signal falls into the gap: THD ${t} in class B against ${o} in class AB. The quieter the passage, the worse it gets.`,
      ),
  },
  supply: {
    id: 'ax-supply',
    kinds: ['opamp'],
    title: 'Listening exercise: which supply runs out of swing?',
    intro: 'The same op-amp stage (gain 2.5, a rail-to-rail part) with the same input, 1.2 V peak, on USB power (±2.5 V) and on ±15 V from the mains; loudness-matched, they change places at random.',
    round: () => {
      const usb = settingsOf({ kind: 'opamp', opAmpSupplyId: 'usb', opAmpOutputKind: 'rail-to-rail' });
      const mains = settingsOf({ kind: 'opamp', opAmpSupplyId: 'mains-15', opAmpOutputKind: 'rail-to-rail' });
      return round(
        { settings: usb, driveDb: driveForInput(usb, 1.2) },
        { settings: mains, driveDb: driveForInput(mains, 1.2) },
        'Which sound is the stage on USB power?',
        'the USB-powered stage',
        (t, o) => `Gain 2.5 asks for 3 V peaks; ±2.5 V rails minus the output's dropout can't give them: THD ${t}, against ${o} on ±15 V.`,
      );
    },
  },
} as const satisfies Record<string, Variant>;

export interface AmpStageExerciseProps {
  variant: keyof typeof VARIANTS;
}

export default function AmpStageExercise({ variant }: AmpStageExerciseProps) {
  const v = VARIANTS[variant];
  // The stages' models load at hydration; until they are here the server's HTML stays as it is.
  const [ready, setReady] = useState(() => v.kinds.every(isStageKitLoaded));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!ready) loadStageKits(v.kinds).then(() => setReady(true), () => setFailed(true));
  }, []);
  const held = useHeldIsland(ready || failed);
  if (failed) return <p role="alert">This exercise could not be loaded. Check your connection, then reload the page.</p>;
  if (!ready) return <div class="amp-stage-exercise" ref={held} dangerouslySetInnerHTML={{ __html: '' }} />;
  return (
    <div class="amp-stage-exercise">
      <ListeningExercise id={v.id} title={v.title} intro={v.intro} rounds={[v.round()]} matchLoudness />
    </div>
  );
}
