import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { resistor } from '../../src/dsp/impedance';
import { evaluateMatch, type HeadphoneLoad, type SourceOutputModel } from '../../src/dsp/matching/match';
import { workingFormulas } from '../../src/components/widgets/matcher/workingFormulas';

const headphone: HeadphoneLoad = { nominalImpedanceOhms: 300, sensitivityDbPerVolt: 103, impedance: resistor(300) };
const output: SourceOutputModel = {
  outputImpedanceOhms: 0.54,
  limit: { kind: 'voltage-current', openCircuitVoltsRms: 7.27, currentLimitAmpsRms: 0.138 },
  fullVolumeVoltsRms: 13,
  noiseVoltsRms: 2.75e-6,
  noiseWeighting: 'A',
  volumeControl: 'analog',
};

describe('the working', () => {
  const result = evaluateMatch(headphone, output, { averageLevelDbSpl: 80, crestFactorDb: 15 });
  const formulas = workingFormulas({ result, headphone, output, levelDbSpl: 80, crestFactorDb: 15 });

  it('every formula typesets without a KaTeX error', () => {
    expect(formulas.length).toBeGreaterThanOrEqual(9);
    for (const [, tex] of formulas) expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });

  it('fills in the reader’s numbers: 80 dB on 103 dB/V is 10^((80 − 103)/20) = 70.8 mV', () => {
    const voltage = formulas.find(([what]) => what.startsWith('Voltage for your level'))?.[1] ?? '';
    expect(voltage).toContain('10^{(80 - 103.0)/20}');
    expect(voltage).toContain('70.8\\,\\text{mV}');
  });

  it('leaves the hiss out when the noise is not published', () => {
    const quiet = evaluateMatch(headphone, { ...output, noiseVoltsRms: null }, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    const without = workingFormulas({ result: quiet, headphone, output: { ...output, noiseVoltsRms: null }, levelDbSpl: 80, crestFactorDb: 15 });
    expect(without.some(([what]) => what.startsWith('Hiss'))).toBe(false);
    expect(without).toHaveLength(formulas.length - 1);
  });
});
