import { describe, expect, it } from 'vitest';
import { resistor } from '../../src/dsp/impedance';
import { evaluateMatch, type HeadphoneLoad, type SourceOutputModel } from '../../src/dsp/matching/match';
import { formatDuration } from '../../src/components/format';
import { verdictFor } from '../../src/components/widgets/matcher/verdict';

const HD650: HeadphoneLoad = { nominalImpedanceOhms: 300, sensitivityDbPerVolt: 103, impedance: resistor(300) };
/** Andromeda as REFERENCES §2 gives it: 112.8 dB/mW at 12.8 Ω, i.e. 131.7 dB/V. */
const IEM: HeadphoneLoad = { nominalImpedanceOhms: 12.8, sensitivityDbPerVolt: 112.8 + 10 * Math.log10(1000 / 12.8), impedance: resistor(12.8) };
const source = (over: Partial<SourceOutputModel>): SourceOutputModel => ({
  outputImpedanceOhms: 0.5,
  limit: { kind: 'voltage-current', openCircuitVoltsRms: 7, currentLimitAmpsRms: 0.15 },
  fullVolumeVoltsRms: 13,
  noiseVoltsRms: 2.75e-6,
  noiseWeighting: 'A',
  volumeControl: 'analog',
  ...over,
});
const topic = (v: ReturnType<typeof verdictFor>, name: string) => v.findings.find((f) => f.topic === name);

describe('the matcher’s verdict', () => {
  it('HD650 on an O2-class amp at 80 dB: clean, silent, flat — yes', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 80, crestFactorDb: 15 }), out, 80);
    expect(v.severity).toBe('good');
    expect(topic(v, 'level')?.severity).toBe('good');
    expect(topic(v, 'hiss')?.severity).toBe('good');
  });

  it('a 1 V source can’t give HD650 peaks at 100 dB average (needs 10^((100+15−3.01−103)/20) ≈ 2.8 V rms of sine)', () => {
    const out = source({ limit: { kind: 'voltage-current', openCircuitVoltsRms: 1, currentLimitAmpsRms: 0.1 }, fullVolumeVoltsRms: 1, volumeControl: 'digital' });
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 100, crestFactorDb: 15 }), out, 100);
    expect(v.severity).toBe('problem');
    expect(topic(v, 'level')?.severity).toBe('problem');
  });

  it('10 µV of noise into the Andromeda is 32 dB SPL: plain hiss (REFERENCES §2)', () => {
    const out = source({ noiseVoltsRms: 10e-6 });
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'hiss')?.severity).toBe('problem');
  });

  it('the same IEM on 13 V of full-volume swing sits below −40 dB on an analog pot: a caution', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'volume')?.severity).toBe('caution');
  });

  it('a 10 Ω source on a 12.8 Ω IEM breaks the 1/8 rule', () => {
    const out = source({ outputImpedanceOhms: 10 });
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'impedance')?.severity).toBe('caution');
  });

  it('above 85 dB the exposure finding is a caution: 91 dB allows 2.0 hours', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 91, crestFactorDb: 15 }), out, 91);
    expect(topic(v, 'exposure')?.severity).toBe('caution');
    expect(topic(v, 'exposure')?.text).toContain('2.0 hours');
  });

  it('durations read naturally', () => {
    expect(formatDuration(25.4)).toBe('more than 24 hours');
    expect(formatDuration(0.25)).toBe('15 minutes');
    expect(formatDuration(0.001)).toBe('under a minute');
  });
});
