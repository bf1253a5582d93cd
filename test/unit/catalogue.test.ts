import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADPHONES } from '../../src/data/catalogue/headphones';
import { SOURCES } from '../../src/data/catalogue/sources';
import { catalogueSourceIds } from '../../src/lib/catalogueSources';
import { magnitudeOhmsAtHz } from '../../src/dsp/impedance';
import { headphoneLoad, impedanceFromSpec, sourceOutputModel } from '../../src/dsp/matching/catalogueModels';
import { evaluateMatch } from '../../src/dsp/matching/match';
import { logFrequencies, maximumImpedance, minimumImpedance } from '../../src/dsp/sourceLoad';

const sourceIds = new Set((JSON.parse(readFileSync('src/data/sources.json', 'utf8')) as { id: string }[]).map((s) => s.id));

describe('the catalogue', () => {
  it('has at least 12 headphones from 16 Ω or less to 600 Ω, of every kind', () => {
    expect(HEADPHONES.length).toBeGreaterThanOrEqual(12);
    const ohms = HEADPHONES.map((h) => h.nominalImpedanceOhms.value);
    expect(Math.min(...ohms)).toBeLessThanOrEqual(16);
    expect(Math.max(...ohms)).toBeGreaterThanOrEqual(600);
    for (const kind of ['dynamic', 'planar', 'single-ba', 'multi-ba']) expect(HEADPHONES.some((h) => h.kind === kind)).toBe(true);
  });

  it('has at least 8 sources of every kind the issue lists', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(8);
    for (const kind of ['phone-adapter', 'laptop', 'dap-dongle', 'desktop-amp', 'tube-otl', 'interface', 'combo']) {
      expect(SOURCES.some((s) => s.kind === kind)).toBe(true);
    }
    expect(SOURCES.some((s) => s.outputs.some((o) => o.id === 'bal'))).toBe(true);
  });

  it('ids are unique', () => {
    expect(new Set(HEADPHONES.map((h) => h.id)).size).toBe(HEADPHONES.length);
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
  });

  it('every figure cites an entry of src/data/sources.json', () => {
    const missing = catalogueSourceIds().filter((id) => !sourceIds.has(id));
    expect(missing).toEqual([]);
  });

  it('every rating gives volts or watts into a positive load', () => {
    for (const s of SOURCES) {
      for (const o of s.outputs) {
        expect(o.ratings.length).toBeGreaterThan(0);
        for (const r of o.ratings) {
          expect(r.value.loadOhms).toBeGreaterThan(0);
          expect((r.value.voltsRms ?? 0) > 0 || (r.value.watts ?? 0) > 0).toBe(true);
        }
        expect(o.gains.length).toBeGreaterThan(0);
        if (o.noise) expect(o.noise.value.voltsRms).toBeGreaterThan(0);
      }
    }
  });
});

describe('each headphone’s impedance model matches the published features it was chosen for', () => {
  it.each(HEADPHONES.map((h) => [h.id, h] as const))('%s', (_id, h) => {
    const z = impedanceFromSpec(h.impedance.model);
    const t = h.impedance.targets.value;
    if (t.at1kHzOhms !== undefined) expect(Math.abs(magnitudeOhmsAtHz(z, 1000) / t.at1kHzOhms - 1)).toBeLessThan(0.1);
    if (t.peakOhms !== undefined) expect(Math.abs(maximumImpedance(z).ohms / t.peakOhms - 1)).toBeLessThan(0.1);
    if (t.peakHz !== undefined) expect(Math.abs(maximumImpedance(z).atHz / t.peakHz - 1)).toBeLessThan(0.15);
    if (t.minimumOhms !== undefined) expect(Math.abs(minimumImpedance(z).ohms / t.minimumOhms - 1)).toBeLessThan(0.1);
    for (const f of logFrequencies(20, 20000, 200)) {
      const ohms = magnitudeOhmsAtHz(z, f);
      expect(ohms).toBeGreaterThan(1);
      expect(ohms).toBeLessThan(2000);
    }
  });
});

describe('every catalogue pair gives finite results', () => {
  it(`${HEADPHONES.length} headphones × every source, output and gain`, () => {
    let pairs = 0;
    for (const h of HEADPHONES) {
      const load = headphoneLoad(h);
      for (const s of SOURCES) {
        for (const o of s.outputs) {
          for (const g of o.gains) {
            const result = evaluateMatch(load, sourceOutputModel(s, o.id, g.id), { averageLevelDbSpl: 85, crestFactorDb: 15 });
            const numbers = [result.clean.splDb, result.headroomDb, result.noise?.splDb ?? 0, result.volume.settingDb, result.response?.deviationDb ?? 0];
            expect(numbers.every(Number.isFinite)).toBe(true);
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(HEADPHONES.length * SOURCES.length);
  });
});
