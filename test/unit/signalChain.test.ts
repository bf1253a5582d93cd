// The listening-chain model: stage voltages against hand calculations (divider, gain, sensitivity), each problem setup
// raising exactly its finding, the fixes clearing them, and no NaN or infinity anywhere a control can reach.
// Leaves out the wording beyond the numbers it carries.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AMP_DEVICES,
  analyzeChain,
  catalogueHeadphone,
  CHAIN_PRESETS,
  CLIP_TOLERANCE_DB,
  CONVERTER_DEVICES,
  DIGITAL_VOLUME_RANGE_DB,
  presetById,
  SOURCE_DEVICES,
  TARGET_MAX_SPL_DB,
  type Chain,
  type SourceDevice,
} from '../../src/dsp/connections/signalChain';
import { AMP_CLIP_VOLTS_PEAK, AMP_GAINS } from '../../src/dsp/levelChain';

const db = (ratio: number): number => 20 * Math.log10(ratio);
const divider = (loadOhms: number, outputOhms: number): number => loadOhms / (loadOhms + outputOhms);

/** HD 650: 300 Ω, 103 dB/V (catalogue); O2: 0.54 Ω, 7.24 Vrms clean into 300 Ω (SBAF); PCM5102A: 2.1 Vrms. */
const HD650_OHMS = 300;
const HD650_DB_PER_VOLT = 103;
const O2_OHMS = 0.54;
const O2_CLEAN_300_VOLTS_RMS = 7.24;
const PCM5102A_VOLTS_RMS = 2.1;

function knownSourceIds(): Set<string> {
  const files = ['src/data/sources.json', '/tmp/conn-sources.json'].filter((f) => existsSync(f));
  return new Set(files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { id: string }[]).map((s) => s.id)));
}

const findingIds = (chain: Chain) => analyzeChain(chain).findings.map((f) => f.id);
const stage = (chain: Chain, id: string) => analyzeChain(chain).stages.find((s) => s.id === id);

describe('signal chain presets', () => {
  it('the setups that work raise no finding', () => {
    const good = CHAIN_PRESETS.filter((p) => p.problem === null);
    expect(good.map((p) => p.id)).toEqual(['standalone-amp', 'interface-or-combo', 'audio-interface', 'phone-dongle']);
    for (const preset of good) expect(findingIds(preset.chain), preset.id).toEqual([]);
  });

  it('each problem setup raises exactly its own finding', () => {
    const problems = CHAIN_PRESETS.filter((p) => p.problem !== null);
    expect(problems.map((p) => p.problem).sort()).toEqual(
      ['clipping', 'double-amplification', 'ground-loop', 'level-too-low', 'line-output-driving-headphones'].sort(),
    );
    for (const preset of problems) expect(findingIds(preset.chain), preset.id).toEqual([preset.problem]);
  });

  it('every finding cites sources that exist', () => {
    const known = knownSourceIds();
    for (const preset of CHAIN_PRESETS) {
      for (const finding of analyzeChain(preset.chain).findings) {
        expect(finding.sourceIds.length, finding.id).toBeGreaterThan(0);
        for (const id of finding.sourceIds) expect(known.has(id), `${finding.id}: ${id}`).toBe(true);
      }
    }
  });
});

describe('stage voltages', () => {
  const standalone = presetById('standalone-amp').chain;

  it('standalone amp: 2.1 Vrms from the DAC, × 2.5 in the O2, through the 0.54 Ω / 300 Ω divider, 103 dB/V', () => {
    const a = analyzeChain(standalone);
    expect(stage(standalone, 'dac')?.voltsRms).toBeCloseTo(PCM5102A_VOLTS_RMS, 12);
    expect(stage(standalone, 'dac')?.voltsPeak).toBeCloseTo(PCM5102A_VOLTS_RMS * Math.SQRT2, 12);
    expect(stage(standalone, 'amp')?.voltsRms).toBeCloseTo(PCM5102A_VOLTS_RMS * 2.5, 12);
    const atHeadphones = PCM5102A_VOLTS_RMS * 2.5 * divider(HD650_OHMS, O2_OHMS);
    expect(a.headphoneVoltsRms).toBeCloseTo(atHeadphones, 12);
    expect(a.splDb).toBeCloseTo(HD650_DB_PER_VOLT + db(atHeadphones), 9);
    expect(a.splDb).toBeCloseTo(117.4, 1);
  });

  it('a digital stage has a level in dBFS and no voltage', () => {
    const source = stage(standalone, 'source');
    expect(source?.voltsRms).toBeNull();
    expect(source?.levelDbfs).toBe(0);
  });

  it('6 dB less digital volume is 6 dB less voltage at every analog stage', () => {
    const quieter = { ...standalone, digitalVolumeDb: -6 };
    for (const id of ['dac', 'amp', 'headphones']) {
      const ratio = (stage(quieter, id)?.voltsRms ?? 0) / (stage(standalone, id)?.voltsRms ?? 1);
      expect(db(ratio), id).toBeCloseTo(-6, 9);
    }
  });

  it('a source driving headphones from its own jack (MacBook Air, 1.25 Vrms, 1.2 Ω) into a 32 Ω AKG K371', () => {
    const chain: Chain = {
      source: SOURCE_DEVICES.macbookAir,
      sourceOutput: 'analog',
      converter: null,
      amp: null,
      ampInputCable: 'unbalanced',
      headphones: catalogueHeadphone('akg-k371'),
      digitalVolumeDb: 0,
    };
    const a = analyzeChain(chain);
    expect(a.stages.map((s) => s.id)).toEqual(['source', 'headphones']);
    expect(a.stages[0]?.voltsRms).toBeCloseTo(1.25, 12);
    expect(a.findings).toEqual([]);
    // The 1.2 V measured into 30 Ω, carried to 32 Ω through the 1.2 Ω divider, is a hair below 1.25 V × 32/33.2.
    const limit = (1.2 * divider(32, 1.2)) / divider(30, 1.2);
    expect(a.headphoneVoltsRms).toBeCloseTo(limit, 9);
    expect(a.overLimitDb ?? Number.NaN).toBeLessThan(CLIP_TOLERANCE_DB);
  });
});

describe('the amp clips: a full-scale line output into high gain', () => {
  const chain = presetById('line-into-high-gain').chain;

  it('overshoots by 20·log10(2.1·√2 × 6.5 × divider / (7.24·√2)) ≈ +5.5 dB', () => {
    const demandPeak = PCM5102A_VOLTS_RMS * Math.SQRT2 * 6.5 * divider(HD650_OHMS, O2_OHMS); // ≈ 19.3 V
    const clipPeak = O2_CLEAN_300_VOLTS_RMS * Math.SQRT2; // 10.24 V
    const a = analyzeChain(chain);
    expect(a.overLimitDb).toBeCloseTo(db(demandPeak / clipPeak), 9);
    expect(a.overLimitDb).toBeCloseTo(db((2.97 * 6.5) / 10.24), 1);
    expect(a.findings[0]?.title).toContain('5.5 dB');
    expect(a.findings[0]?.explanation).toContain('19.3 V');
  });

  it('stops at the O2 clip point the level-chain lesson uses: 10.24 V peak into 300 Ω', () => {
    const a = analyzeChain(chain);
    expect(a.headphoneVoltsRms * Math.SQRT2).toBeCloseTo(AMP_CLIP_VOLTS_PEAK, 9);
  });

  it('the O2 on its batteries (±9 V) stays clean to about 9 − 1.74 = 7.24 V peak into 300 Ω, 3·300/300.54 V below its ±12 V clip point', () => {
    const onBatteries = analyzeChain({ ...chain, amp: { device: AMP_DEVICES.o2OnBatteries, gainId: 'high' } });
    const onAc = analyzeChain(chain);
    const batteryPeak = onBatteries.headphoneVoltsRms * Math.SQRT2;
    // The O2 stops 12 − √2·7.24·300.54/300 V short of its rails (SBAF on ±12 V), so on ±9 V:
    const shortOfRailVolts = 12 - (Math.SQRT2 * 7.24 * 300.54) / 300;
    expect(batteryPeak).toBeCloseTo(((9 - shortOfRailVolts) * 300) / 300.54, 9);
    expect(batteryPeak).toBeCloseTo(7.24, 1);
    expect(onAc.headphoneVoltsRms * Math.SQRT2 - batteryPeak).toBeCloseTo((3 * 300) / 300.54, 9);
    expect(onBatteries.overLimitDb ?? Number.NaN).toBeCloseTo(db((PCM5102A_VOLTS_RMS * Math.SQRT2 * 6.5 * divider(300, O2_OHMS)) / batteryPeak), 9);
  });

  it('the O2 on its batteries is still current-limited into 33 Ω at the measured 4.24 Vrms', () => {
    const rating33 = AMP_DEVICES.o2OnBatteries.ratings.find((r) => r.value.loadOhms === 33);
    expect(rating33?.value.voltsRms).toBeCloseTo(4.24, 9);
    expect(rating33?.estimate).toBe(true);
  });

  it('the O2 offers the level-chain gains 1×, 2.5×, 6.5×', () => {
    expect(AMP_DEVICES.o2.gains.map((g) => g.gain)).toEqual([...AMP_GAINS]);
  });

  it('clears with 2.5× gain, or with the digital volume lowered by the overshoot', () => {
    const over = analyzeChain(chain).overLimitDb ?? 0;
    expect(findingIds({ ...chain, amp: { device: AMP_DEVICES.o2, gainId: 'low' } })).toEqual([]);
    expect(findingIds({ ...chain, digitalVolumeDb: -over })).toEqual([]);
    expect(findingIds({ ...chain, digitalVolumeDb: -(over - 2 * CLIP_TOLERANCE_DB) })).toEqual(['clipping']);
  });
});

describe('double amplification', () => {
  const chain = presetById('double-amplification').chain;

  it('a 1 Vrms dongle output into the O2 at 6.5× is a warning; at 2.5× it is harmless (info)', () => {
    expect(analyzeChain(chain).findings[0]?.severity).toBe('warning');
    const lowGain = analyzeChain({ ...chain, amp: { device: AMP_DEVICES.o2, gainId: 'low' } });
    expect(lowGain.findings.map((f) => [f.id, f.severity])).toEqual([['double-amplification', 'info']]);
  });

  it('multiplies the dongle’s hiss by the gain: 2.24 µV × 6.5 = 14.6 µV', () => {
    expect(analyzeChain(chain).findings[0]?.explanation).toContain(`${(2.24 * 6.5).toFixed(1)} µV`);
  });

  it('is not raised when the amp is fed from a line output', () => {
    expect(findingIds(presetById('standalone-amp').chain)).not.toContain('double-amplification');
  });
});

describe('ground loop', () => {
  const chain = presetById('ground-loop').chain;

  it('is raised for two earthed devices joined by USB and an unbalanced cable, and gives no hum level', () => {
    const finding = analyzeChain(chain).findings[0];
    expect(finding?.explanation).toContain('50 or 60 Hz');
    expect(finding?.explanation).not.toMatch(/\d\s?dB/);
  });

  it('clears with a balanced cable, a USB isolator, a laptop on battery or a battery-powered amp', () => {
    expect(findingIds({ ...chain, ampInputCable: 'balanced' })).toEqual([]);
    expect(findingIds({ ...chain, sourceOutput: 'usb-isolated' })).toEqual([]);
    expect(findingIds({ ...chain, source: SOURCE_DEVICES.laptop })).toEqual([]);
    // On ±9 V a full-scale 2.1 Vrms × 2.5 asks 7.41 V peak of a 7.24 V clip point: no ground loop, but it clips.
    expect(findingIds({ ...chain, amp: { device: AMP_DEVICES.o2OnBatteries, gainId: 'low' } })).toEqual(['clipping']);
    expect(findingIds({ ...chain, amp: { device: AMP_DEVICES.o2OnBatteries, gainId: 'unity' } })).not.toContain('ground-loop');
  });

  it('clears over an optical link, which carries no ground', () => {
    const earthedWithOptical: SourceDevice = { ...SOURCE_DEVICES.desktopPc, digitalOutputs: ['usb', 'optical'] };
    const usbToCombo: Chain = {
      ...chain,
      source: earthedWithOptical,
      converter: { ...CONVERTER_DEVICES.fiioK13, power: 'mains-earthed' },
      amp: { device: AMP_DEVICES.earthedDesktopAmp, gainId: 'unity' },
    };
    expect(findingIds(usbToCombo)).toContain('ground-loop');
    expect(findingIds({ ...usbToCombo, sourceOutput: 'optical' })).toContain('ground-loop');
    expect(findingIds({ ...usbToCombo, sourceOutput: 'optical', converter: CONVERTER_DEVICES.fiioK13 })).not.toContain('ground-loop');
  });
});

describe('line output driving headphones', () => {
  const chain = presetById('line-out-into-headphones').chain;

  it('flags a 1 kΩ-minimum line output into 32 Ω: 31× too low a load, 66 mA asked for at 2.1 V', () => {
    const explanation = analyzeChain(chain).findings[0]?.explanation ?? '';
    expect(explanation).toContain(`${(1000 / 32).toFixed(0)} times lower`);
    expect(explanation).toContain(`${((2.1 / 32) * 1000).toFixed(0)} mA`);
  });

  it('is not raised once an amp follows, or for a load at the 1 kΩ minimum', () => {
    expect(findingIds({ ...chain, amp: { device: AMP_DEVICES.o2, gainId: 'unity' } })).not.toContain('line-output-driving-headphones');
    const k371 = catalogueHeadphone('akg-k371');
    const kilohm = { ...k371, nominalImpedanceOhms: { ...k371.nominalImpedanceOhms, value: 1000 } };
    expect(findingIds({ ...chain, headphones: kilohm })).not.toContain('line-output-driving-headphones');
  });
});

describe('source too weak for the headphones', () => {
  const chain = presetById('too-quiet').chain;

  it('HD 600 at 97 dB/mW into 300 Ω is 102.2 dB/V, so 110 dB SPL needs 10^((110 − 102.2)/20) = 2.45 V', () => {
    const dbPerVolt = 97 + 10 * Math.log10(1000 / 300);
    const a = analyzeChain(chain);
    expect(a.neededVoltsRms).toBeCloseTo(10 ** ((TARGET_MAX_SPL_DB - dbPerVolt) / 20), 9);
    expect(a.findings[0]?.explanation).toContain('2.45 V');
    // 1.0 Vrms from the adapter, 0.9 Ω into 300 Ω.
    expect(a.maxCleanSplDb).toBeCloseTo(dbPerVolt + db(divider(300, 0.9)), 9);
  });

  it('an amp with enough gain clears it: the O2 at 2.5× after the adapter reaches 110 dB SPL', () => {
    const withAmp: Chain = { ...chain, amp: { device: AMP_DEVICES.o2, gainId: 'low' } };
    const a = analyzeChain(withAmp);
    expect(a.maxCleanSplDb).toBeGreaterThanOrEqual(TARGET_MAX_SPL_DB);
    expect(a.findings.map((f) => f.id)).toEqual(['double-amplification']);
  });

  it('with an amp at too low a gain, suggests the gain that reaches the target', () => {
    const unity: Chain = { ...chain, amp: { device: AMP_DEVICES.o2, gainId: 'unity' } };
    const tooLow = analyzeChain(unity).findings.find((f) => f.id === 'level-too-low');
    expect(tooLow?.explanation).toContain('2.5×');
  });
});

describe('robustness', () => {
  it('gives finite numbers for every preset across the whole digital volume range', () => {
    for (const preset of CHAIN_PRESETS) {
      for (let v = DIGITAL_VOLUME_RANGE_DB.min; v <= DIGITAL_VOLUME_RANGE_DB.max; v += 5) {
        const a = analyzeChain({ ...preset.chain, digitalVolumeDb: v });
        const numbers = [a.headphoneVoltsRms, a.splDb, a.maxCleanSplDb, a.neededVoltsRms, ...(a.overLimitDb === null ? [] : [a.overLimitDb])];
        for (const s of a.stages) numbers.push(...[s.voltsRms, s.voltsPeak, s.levelDbfs, s.splDb].filter((x): x is number => x !== null));
        expect(numbers.every(Number.isFinite), `${preset.id} at ${v} dB`).toBe(true);
      }
    }
  });

  it('refuses chains that cannot be wired: positive digital volume, optical into a USB-only DAC, a digital output with no DAC', () => {
    const base = presetById('standalone-amp').chain;
    expect(() => analyzeChain({ ...base, digitalVolumeDb: 1 })).toThrow(RangeError);
    expect(() => analyzeChain({ ...base, source: SOURCE_DEVICES.tv, sourceOutput: 'optical' })).toThrow(RangeError);
    expect(() => analyzeChain({ ...base, converter: null })).toThrow(RangeError);
    expect(() => analyzeChain({ ...base, amp: { device: AMP_DEVICES.o2, gainId: 'none' } })).toThrow(RangeError);
  });
});
