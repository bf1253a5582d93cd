// Figures the Bluetooth lesson quotes: bits per sample per channel of the codecs' claimed bitrates, and what a dongle
// (Apple's USB-C adapter and FiiO's KA3, from the catalogue through the matcher's models) can do into an HD600.
import { BLUETOOTH_CODECS } from '../data/bluetoothCodecs';
import { SOURCES } from '../data/catalogue/sources';
import { HEADPHONES } from '../data/catalogue/headphones';
import { headphoneLoad, sourceOutputModel } from '../dsp/matching/catalogueModels';
import { cleanOutput } from '../dsp/matching/outputLimits';
import { powerWatts, splFromVoltsRms } from '../dsp/matching/sensitivity';
import { bitsPerSamplePerChannel, compressionRatio, pcmBitrateBitsPerSecond } from '../dsp/bluetooth/codecBits';
import { loadPowerWatts } from '../dsp/bluetooth/dongle';

function codec(id: string) {
  const found = BLUETOOTH_CODECS.find((c) => c.id === id);
  if (!found) throw new Error(`bluetooth lesson: no codec ${id}`);
  return found;
}

const bits = (id: string, sampleRateHz?: number): number => {
  const c = codec(id);
  return bitsPerSamplePerChannel(c.bitrateBitsPerSecond, sampleRateHz ?? c.sampleRateHz, 2);
};

export const cdKbps = pcmBitrateBitsPerSecond(44_100, 16, 2) / 1000;
export const sbcKbps = codec('sbc').bitrateBitsPerSecond / 1000;
export const sbcBits = bits('sbc');
export const aptxBits = bits('aptx');
export const aptxHdBits = bits('aptx-hd');
export const ldac990Bits96k = bits('ldac-990');
export const ldac990Bits48k = bits('ldac-990', 48_000);
export const ldac330Bits96k = bits('ldac-330');
export const ldac330Bits48k = bits('ldac-330', 48_000);
export const sbcRatio = compressionRatio(codec('sbc').bitrateBitsPerSecond, 44_100, 2, 16);
export const ldac990Kbps = codec('ldac-990').bitrateBitsPerSecond / 1000;
export const ldac330Kbps = codec('ldac-330').bitrateBitsPerSecond / 1000;
export const aptxKbps = codec('aptx').bitrateBitsPerSecond / 1000;
export const aptxHdKbps = codec('aptx-hd').bitrateBitsPerSecond / 1000;
export const ldac660Kbps = codec('ldac-660').bitrateBitsPerSecond / 1000;

const apple = SOURCES.find((s) => s.id === 'apple-usbc-adapter');
const ka3 = SOURCES.find((s) => s.id === 'fiio-ka3');
const hd600 = HEADPHONES.find((h) => h.id === 'sennheiser-hd600');
if (!apple || !ka3 || !hd600) throw new Error('bluetooth lesson: catalogue entries missing');

const hd600Load = headphoneLoad(hd600);
export const hd600Ohms = hd600Load.nominalImpedanceOhms;
export const hd600DbPerVolt = hd600Load.sensitivityDbPerVolt;

const appleModel = sourceOutputModel(apple, 'se', 'fixed');
const ka3Model = sourceOutputModel(ka3, 'se', 'fixed');
const ka3BalModel = sourceOutputModel(ka3, 'bal', 'fixed');

/** Clean volts, power and the loudest sine SPL of an output into the HD600 (matcher's models). */
function into(model: typeof appleModel) {
  const volts = cleanOutput(model, hd600Ohms).voltsRms;
  return { volts, milliwatts: powerWatts(volts, hd600Ohms) * 1000, sineSplDb: splFromVoltsRms(hd600DbPerVolt, volts) };
}

export const appleIntoHd600 = into(appleModel);
export const ka3IntoHd600 = into(ka3Model);
export const ka3BalIntoHd600 = into(ka3BalModel);
export const appleOutputOhms = appleModel.outputImpedanceOhms;
export const appleOpenCircuitVolts = 1.0;
/** The same dongle into a 32 Ω headphone, by closed form (1 Vrms behind its output impedance). */
export const appleInto32Milliwatts = loadPowerWatts(appleOpenCircuitVolts, appleOutputOhms, 32) * 1000;
export const appleInto300Milliwatts = loadPowerWatts(appleOpenCircuitVolts, appleOutputOhms, 300) * 1000;

/** Crest factor the lesson assumes for music (REFERENCES §2: 12–20 dB typical, disputed). */
export const crestFactorDb = 15;
export const appleMusicSplDb = appleIntoHd600.sineSplDb - crestFactorDb;
export const ka3MusicSplDb = ka3IntoHd600.sineSplDb - crestFactorDb;

/** Power against load, 16–600 Ω, for a figure: Apple's adapter and the KA3 (single-ended), from the catalogue. */
export function powerCurves(): { id: string; label: string; points: { x: number; y: number }[] }[] {
  const curve = (model: typeof appleModel) =>
    Array.from({ length: 61 }, (_, i) => {
      const loadOhms = 16 * (600 / 16) ** (i / 60);
      return { x: loadOhms, y: powerWatts(cleanOutput(model, loadOhms).voltsRms, loadOhms) * 1000 };
    });
  return [
    { id: 'apple', label: 'Apple USB-C adapter (estimate)', points: curve(appleModel) },
    { id: 'ka3', label: 'FiiO KA3, 3.5 mm', points: curve(ka3Model) },
  ];
}
