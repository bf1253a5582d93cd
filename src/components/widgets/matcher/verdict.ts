// The matcher's plain-language verdict: one finding per question a reader asks (loud enough? clean? hiss? tonal
// change? where's the knob? how long is safe?), each with its reason in numbers, and a headline from the worst.
import { HISS_INAUDIBLE_BELOW_DB_SPL, HISS_PLAIN_FROM_DB_SPL, POT_IMBALANCE_BELOW_DB } from '../../../dsp/matching/audibility';
import { NIOSH_REFERENCE_LEVEL_DBA } from '../../../dsp/matching/exposure';
import type { MatchResult, SourceOutputModel } from '../../../dsp/matching/match';
import { formatDb, formatDuration, formatFixed, formatHz, formatOhms, formatVolts, formatWatts } from '../../format';

/** 'unknown': a question the published figures can't answer; said plainly, and it doesn't sway the headline. */
export type Severity = 'unknown' | 'good' | 'caution' | 'problem';

export interface Finding {
  topic: 'level' | 'rating' | 'hiss' | 'impedance' | 'volume' | 'exposure';
  severity: Severity;
  text: string;
}

/** The headline's severity: a finding the figures can't decide never sets it. */
export type VerdictSeverity = Exclude<Severity, 'unknown'>;

export interface Verdict {
  severity: VerdictSeverity;
  headline: string;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { unknown: 0, good: 0, caution: 1, problem: 2 };
/** Less headroom than this is a caution: a louder passage or a more dynamic recording clips. */
export const SMALL_HEADROOM_DB = 3;
/** NwAvGuy's 1/8 rule (REFERENCES §1): a damping factor of at least 8. */
export const EIGHTH_RULE_DAMPING = 8;

const LIMIT_WORDS = {
  voltage: 'its voltage swing',
  current: 'the current it can deliver',
  gain: 'its gain (full volume with a full-scale track)',
} as const;

function levelFinding(r: MatchResult): Finding {
  const peakLimitVolts = Math.SQRT2 * r.clean.voltsRms;
  const limit = LIMIT_WORDS[r.clean.limitedBy];
  if (r.headroomDb < 0) {
    return {
      topic: 'level',
      severity: 'problem',
      text: `Music peaks clip: they need ${formatVolts(r.listening.peakVolts)} peak, and ${limit} stops at ${formatVolts(peakLimitVolts)} peak — ${formatFixed(-r.headroomDb, 1)} dB short.`,
    };
  }
  if (r.headroomDb < SMALL_HEADROOM_DB) {
    return {
      topic: 'level',
      severity: 'caution',
      text: `Only ${formatFixed(r.headroomDb, 1)} dB of headroom: peaks need ${formatVolts(r.listening.peakVolts)}, ${limit} stops at ${formatVolts(peakLimitVolts)}. A louder passage will clip.`,
    };
  }
  return {
    topic: 'level',
    severity: 'good',
    text: `Clean: ${formatFixed(r.headroomDb, 1)} dB of headroom above your music's peaks (${formatVolts(r.listening.peakVolts)} needed, ${formatVolts(peakLimitVolts)} available before ${limit} runs out).`,
  };
}

/** The chosen level against the headphone's rated maximum input (the maker's figure, where one is published). */
function ratingFinding(r: MatchResult): Finding {
  const rating = r.ratedInput;
  const needs = formatWatts(r.listening.powerWatts);
  if (rating === null) {
    return {
      topic: 'rating',
      severity: 'unknown',
      text: `Your level needs ${needs}. No rated maximum input is known for this headphone (none published, or not entered), so how far below it you are can’t be said.`,
    };
  }
  const rated = formatWatts(rating.powerWatts);
  if (rating.marginDb < 0) {
    return {
      topic: 'rating',
      severity: 'problem',
      text: `Your level needs ${needs}: this exceeds the headphone's rated maximum input of ${rated} by ${formatFixed(-rating.marginDb, 1)} dB. Turn it down; a bass boost asks for more still.`,
    };
  }
  return {
    topic: 'rating',
    severity: 'good',
    text: `Your level needs ${needs}, ${formatFixed(rating.marginDb, 1)} dB below the headphone's rated maximum input of ${rated}.`,
  };
}

function hissFinding(r: MatchResult): Finding {
  if (r.noise === null) {
    return { topic: 'hiss', severity: 'caution', text: 'No noise figure is published for this source, so its hiss can’t be judged.' };
  }
  const level = `${formatFixed(r.noise.splDb, 0)} dB SPL`;
  if (r.noise.splDb < HISS_INAUDIBLE_BELOW_DB_SPL) {
    return { topic: 'hiss', severity: 'good', text: `Hiss reaches ${level}: below the threshold of hearing.` };
  }
  if (r.noise.splDb < HISS_PLAIN_FROM_DB_SPL) {
    return { topic: 'hiss', severity: 'caution', text: `Hiss reaches ${level}: above the threshold of hearing, so faintly audible in silent passages in a quiet room.` };
  }
  return {
    topic: 'hiss',
    severity: 'problem',
    text: `Hiss reaches ${level}: as loud as a quiet studio's background, plainly audible in quiet passages. A quieter source or lower gain would help.`,
  };
}

function impedanceFinding(r: MatchResult, output: SourceOutputModel): Finding {
  const zout = formatOhms(output.outputImpedanceOhms);
  const lowest = formatOhms(r.load.minimumOhms);
  const change = r.response ? `${formatDb(r.response.deviationDb)} at ${formatHz(r.response.atHz)}` : 'unknown';
  if (r.dampingFactor === null || r.dampingFactor >= EIGHTH_RULE_DAMPING) {
    return {
      topic: 'impedance',
      severity: 'good',
      text: `Output impedance ${zout} is within 1/8 of the headphone's lowest impedance (${lowest}): the response changes by at most ${change}.`,
    };
  }
  return {
    topic: 'impedance',
    severity: 'caution',
    text: `Output impedance ${zout} is more than 1/8 of the headphone's lowest impedance (${lowest}): the response changes by up to ${change} relative to 1 kHz.`,
  };
}

function volumeFinding(r: MatchResult, output: SourceOutputModel): Finding {
  const setting = r.volume.settingDb;
  if (setting > 0) {
    return {
      topic: 'volume',
      severity: 'problem',
      text: `Even at full volume a track peaking at 0 dBFS falls ${formatFixed(setting, 1)} dB short of your level: more gain is needed.`,
    };
  }
  const clip = r.volume.clipsAboveDb;
  const clipText = clip !== null && clip < 0 ? ` Above ${formatDb(clip)}, peaks clip.` : '';
  if (output.volumeControl === 'analog' && setting < POT_IMBALANCE_BELOW_DB) {
    return {
      topic: 'volume',
      severity: 'caution',
      text: `The volume sits at ${formatDb(setting)}, below −40 dB on an analog potentiometer, where its two channels are no longer guaranteed to match. A lower gain setting would let you turn it up.${clipText}`,
    };
  }
  return { topic: 'volume', severity: 'good', text: `The volume sits at ${formatDb(setting)} (0 dB is full volume) for a track peaking at 0 dBFS.${clipText}` };
}

function exposureFinding(r: MatchResult, levelDbSpl: number): Finding {
  const time = formatDuration(r.exposure.allowedHours);
  if (levelDbSpl > NIOSH_REFERENCE_LEVEL_DBA) {
    return { topic: 'exposure', severity: 'caution', text: `At ${levelDbSpl} dB SPL the NIOSH limit allows ${time} a day.` };
  }
  return { topic: 'exposure', severity: 'good', text: `At ${levelDbSpl} dB SPL the NIOSH limit allows ${time} a day.` };
}

const HEADLINES: Record<VerdictSeverity, string> = {
  good: 'Yes: this source drives these headphones cleanly at your level.',
  caution: 'Yes, with caveats: see the notes below.',
  problem: 'Not at this level: see why below.',
};

export function verdictFor(r: MatchResult, output: SourceOutputModel, levelDbSpl: number): Verdict {
  const findings = [levelFinding(r), ratingFinding(r), volumeFinding(r, output), hissFinding(r), impedanceFinding(r, output), exposureFinding(r, levelDbSpl)];
  const severity = findings.reduce<VerdictSeverity>((worst, f) => (f.severity !== 'unknown' && RANK[f.severity] > RANK[worst] ? f.severity : worst), 'good');
  return { severity, headline: HEADLINES[severity], findings };
}

/** What the matcher says instead of a verdict while fields are invalid: no judgement, only what to fill in. */
export interface MissingVerdict {
  headline: string;
  /** "Group: Label" of each field to fix, as the reader sees them. */
  fields: string[];
}

export function missingVerdict(fields: readonly { group: string; label: string }[]): MissingVerdict {
  const count = fields.length === 1 ? 'this field needs' : `these ${fields.length} fields need`;
  return {
    headline: `No verdict yet: ${count} a valid value. Each says what it takes.`,
    fields: fields.map((f) => `${f.group}: ${f.label}`),
  };
}
