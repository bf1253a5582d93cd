// Numeric questions for "Bluetooth headphones and USB dongles": bits per sample per channel from a codec's bitrate,
// and a dongle's power into a headphone, from src/dsp/bluetooth.
import { formatNumber } from '../../format';
import { bitsPerSamplePerChannel } from '../../../dsp/bluetooth/codecBits';
import { loadPowerWatts, loadVoltsRms } from '../../../dsp/bluetooth/dongle';
import { pick, type NumericGenerator } from './types';

const BITRATES_KBPS = [160, 256, 300, 328, 352, 576, 660, 990] as const;
const RATES_HZ = [44_100, 48_000, 96_000] as const;

/** bitrate / (sample rate × 2) for a drawn bitrate and rate. */
export const bitsPerSample: NumericGenerator = (random) => {
  const kbps = pick(BITRATES_KBPS, random);
  const rateHz = pick(RATES_HZ, random);
  const answer = bitsPerSamplePerChannel(kbps * 1000, rateHz, 2);
  return {
    prompt: `A Bluetooth codec sends ${kbps} kb/s of stereo audio sampled at ${formatNumber(rateHz / 1000, 3)} kHz. On average, how many bits does it spend per sample per channel?`,
    answer,
    unit: 'bits',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      'Bits per sample per channel = bitrate / (sample rate × channels).',
      `Samples per second, both channels: ${rateHz} × 2 = ${rateHz * 2}.`,
      `${kbps * 1000} / ${rateHz * 2} = ${formatNumber(answer, 3)} bits. A lossy codec does not store samples: this is an average of what it may spend.`,
    ],
    mistakes: [
      { answer: answer * 2, why: 'That forgets that the bitrate carries both channels: divide by the sample rate and by 2.' },
      { answer: (kbps * 1024) / (rateHz * 2), why: 'Bitrates use k = 1000, not 1024.' },
    ],
  };
};

const OPEN_VOLTS = [0.5, 1, 2, 4] as const;
const OUTPUT_OHMS = [0.5, 1, 2, 10] as const;
const LOADS_OHMS = [32, 80, 250, 300, 600] as const;

/** Voc²·Z/(Z + Zout)² for a drawn dongle and headphone, in mW. */
export const donglePower: NumericGenerator = (random) => {
  const volts = pick(OPEN_VOLTS, random);
  const zout = pick(OUTPUT_OHMS, random);
  const load = pick(LOADS_OHMS, random);
  const across = loadVoltsRms(volts, zout, load);
  const answer = loadPowerWatts(volts, zout, load) * 1000;
  return {
    prompt: `A USB-C dongle's output reaches ${formatNumber(volts, 3)} Vrms with nothing plugged in, behind an output impedance of ${formatNumber(zout, 3)} Ω. How much power, in mW, can it put into a ${load} Ω headphone?`,
    answer,
    unit: 'mW',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      `The output impedance and the headphone divide the voltage: V = ${formatNumber(volts, 3)} × ${load} / (${load} + ${formatNumber(zout, 3)}) = ${formatNumber(across, 4)} Vrms.`,
      `P = V² / Z = ${formatNumber(across, 4)}² / ${load} = ${formatNumber(answer / 1000, 3)} W = ${formatNumber(answer, 3)} mW.`,
    ],
    mistakes: [
      { answer: ((volts * volts) / load) * 1000, why: 'That leaves out the output impedance: part of the voltage is lost across it before it reaches the headphone (it matters most into low impedances).' },
      { answer: (volts / load) * 1000, why: 'That is the current in mA (V / Z), not the power. Power is V² / Z.' },
    ],
  };
};
