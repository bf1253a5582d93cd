// The class D output filter's ngspice decks (test/spice/classDLc*.cir: 22 µH, 0.68 µF into 32 Ω, and into 32 Ω in
// series with 1 mH) run by eecircuit-engine, against the model (src/dsp/classD/lcFilter.ts) and the closed form
// 1/(1 − ω²LC + jωL/R) written out here.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lcFilterResponseDbAtHz } from '../../src/dsp/classD/lcFilter';
import { inductor, resistor, series } from '../../src/dsp/impedance';
import { acVectors } from '../../src/spice/results';
import { SpiceSimulator } from '../../src/spice/simulator';

const FILTER = { inductanceHenries: 22e-6, capacitanceFarads: 0.68e-6 };

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

async function runDeck(name: string) {
  const deck = readFileSync(new URL(`../spice/${name}.cir`, import.meta.url), 'utf8');
  const { result, messages } = await spice.run(deck);
  const run = acVectors(result, ['v(load)'], messages);
  const db = (run.vectors['v(load)'] ?? []).map((v) => 20 * Math.log10(Math.hypot(v.re, v.im)));
  return { deck, frequenciesHz: run.frequenciesHz, db };
}

describe('class D LC filter in ngspice', () => {
  it('into 32 Ω: ngspice, the closed form and the model agree within 0.001 dB from 20 Hz to 1 MHz', async () => {
    const { deck, frequenciesHz, db } = await runDeck('classDLcIntoResistor');
    expect(deck).toMatch(/^Lf sw load 22u$/m);
    expect(frequenciesHz.length).toBeGreaterThan(180);
    frequenciesHz.forEach((f, i) => {
      const w = 2 * Math.PI * f;
      const closedDb = -10 * Math.log10((1 - w * w * 22e-6 * 0.68e-6) ** 2 + ((w * 22e-6) / 32) ** 2);
      expect(Math.abs((db[i] ?? NaN) - closedDb)).toBeLessThan(0.001);
      expect(Math.abs((db[i] ?? NaN) - lcFilterResponseDbAtHz(resistor(32), FILTER, f))).toBeLessThan(0.001);
    });
    // the resonant peak Q = R·√(C/L) ≈ 5.63 (15 dB) near f₀ ≈ 41.1 kHz
    const peak = Math.max(...db);
    expect(Math.abs(peak - 20 * Math.log10(32 * Math.sqrt(0.68e-6 / 22e-6)))).toBeLessThan(0.2);
  });

  it('into 32 Ω + 1 mH (a voice coil): ngspice and the model agree within 0.001 dB from 20 Hz to 1 MHz', async () => {
    const { frequenciesHz, db } = await runDeck('classDLcIntoRL');
    const load = series(resistor(32), inductor(1e-3));
    frequenciesHz.forEach((f, i) => {
      expect(Math.abs((db[i] ?? NaN) - lcFilterResponseDbAtHz(load, FILTER, f))).toBeLessThan(0.001);
    });
  });
});
