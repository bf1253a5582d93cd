// Numeric questions for "Output impedance and your headphones": the damping factor, and the bass lift of the
// HD600-class model on a source with output impedance, from the divider model in src/dsp/sourceLoad.
import { formatNumber, formatSigned } from '../../format';
import { headphoneById } from '../../../dsp/headphones';
import { magnitudeOhmsAtHz } from '../../../dsp/impedance';
import { dampingFactor as dampingFactorOf, responseDbAtHz } from '../../../dsp/sourceLoad';
import { pick, type NumericGenerator } from './types';

const HEADPHONE_OHMS = [16, 32, 50, 80, 150, 250, 300, 600] as const;
const SOURCE_OHMS = [0.5, 1, 2, 5, 10, 33, 50, 75, 120] as const;

/** DF = Zhp/Zout for a drawn headphone and source. */
export const dampingFactor: NumericGenerator = (random) => {
  const headphoneOhms = pick(HEADPHONE_OHMS, random);
  const sourceOhms = pick(SOURCE_OHMS, random);
  const answer = dampingFactorOf(headphoneOhms, sourceOhms) ?? Number.NaN;
  return {
    prompt: `What is the damping factor of a headphone rated ${headphoneOhms} Ω on a source with ${formatNumber(sourceOhms)} Ω output impedance?`,
    answer,
    unit: '',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      'Damping factor DF = Zhp / Zout: the headphone\'s nominal impedance over the source\'s output impedance.',
      `DF = ${headphoneOhms} Ω / ${formatNumber(sourceOhms)} Ω = ${formatNumber(answer)}.`,
      answer >= 8
        ? `That meets the 1/8 rule (DF ≥ 8), so the response changes by at most 20·log10(9/8) ≈ 1 dB whatever the impedance curve.`
        : `That is short of the 1/8 rule (DF ≥ 8); how much the response actually changes depends on how far the headphone's impedance swings.`,
    ],
    mistakes: [
      {
        answer: sourceOhms / headphoneOhms,
        why: 'That is the ratio upside down: damping factor puts the headphone on top (Zhp / Zout), so a stiff source gives a large number.',
      },
    ],
  };
};

const BASS_SOURCE_OHMS = [10, 22, 33, 47, 75, 100, 120] as const;
const RESONANCE_HZ = 90;
const REFERENCE_HZ = 1000;

/** The HD600-class model's response at its 90 Hz resonance relative to 1 kHz on a drawn source. */
export const bassLift: NumericGenerator = (random) => {
  const sourceOhms = pick(BASS_SOURCE_OHMS, random);
  const load = headphoneById('dynamic-300').impedance;
  const peakOhms = magnitudeOhmsAtHz(load, RESONANCE_HZ);
  const midOhms = magnitudeOhmsAtHz(load, REFERENCE_HZ);
  const bassDb = responseDbAtHz(load, sourceOhms, RESONANCE_HZ);
  const midDb = responseDbAtHz(load, sourceOhms, REFERENCE_HZ);
  const answer = bassDb - midDb;
  return {
    prompt: `The 300 Ω HD600-class model measures about ${formatNumber(peakOhms)} Ω at its ${RESONANCE_HZ} Hz resonance and ${formatNumber(midOhms)} Ω at 1 kHz. On a source with ${sourceOhms} Ω output impedance, by how many dB does ${RESONANCE_HZ} Hz change relative to 1 kHz?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.1 },
    digits: 2,
    working: [
      'Each frequency gets the divider\'s share of the voltage: 20·log10(Zhp / (Zhp + Zout)).',
      `At ${RESONANCE_HZ} Hz: 20·log10(${formatNumber(peakOhms)} / (${formatNumber(peakOhms)} + ${sourceOhms})) = ${formatSigned(bassDb, 2)} dB.`,
      `At 1 kHz: 20·log10(${formatNumber(midOhms)} / (${formatNumber(midOhms)} + ${sourceOhms})) = ${formatSigned(midDb, 2)} dB.`,
      `Relative to 1 kHz: ${formatSigned(bassDb, 2)} − (${formatSigned(midDb, 2)}) = ${formatSigned(answer, 2)} dB. Everything gets quieter; the bass loses less, so it comes up.`,
    ],
    mistakes: [
      { answer: -answer, why: 'The sign is the tempting slip: the source costs level everywhere, but least where the headphone\'s impedance is highest, so the bass rises relative to the midrange.' },
      { answer: bassDb, why: 'That is the bass\'s own loss. Relative to 1 kHz, subtract the midrange\'s loss too: the midrange loses more.' },
    ],
  };
};
