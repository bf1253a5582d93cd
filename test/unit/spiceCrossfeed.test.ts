// bs2b's RC prototype in ngspice (src/spice/netlists/crossfeedNetwork.ts, an AC sweep) against the model's analog
// responses, against the first-order RC written out by hand, and against the 48 kHz filters the audio plays.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { biquadResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { BS2B_PRESETS, bs2bAnalogResponse, bs2bParameters, bs2bSections } from '../../src/dsp/crossfeed/bs2b';
import { acVectors } from '../../src/spice/results';
import { CROSSFEED_CROSS_VECTOR, CROSSFEED_DIRECT_VECTOR, crossfeedNetworkNetlist } from '../../src/spice/netlists/crossfeedNetwork';
import { SpiceSimulator } from '../../src/spice/simulator';

const SWEEP = { pointsPerDecade: 40, fromHz: 20, toHz: 20_000 };
const db = (v: { re: number; im: number }) => 20 * Math.log10(Math.hypot(v.re, v.im));

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

async function run(settings: { cutHz: number; feedDb: number }) {
  const deck = crossfeedNetworkNetlist(settings, SWEEP);
  const { result, messages } = await spice.run(deck);
  return { deck, ac: acVectors(result, [CROSSFEED_DIRECT_VECTOR, CROSSFEED_CROSS_VECTOR], messages) };
}

describe('the crossfeed RC network, in ngspice', () => {
  it('test/spice/crossfeed.cir is the default deck as generated, and runs as it stands', async () => {
    const stored = readFileSync(new URL('../spice/crossfeed.cir', import.meta.url), 'utf8');
    expect(stored).toBe(crossfeedNetworkNetlist(BS2B_PRESETS[0]!.settings, SWEEP));
    const { result, messages } = await spice.run(stored);
    const ac = acVectors(result, [CROSSFEED_CROSS_VECTOR], messages);
    // at 20 Hz the far ear gets the low-pass's DC gain, the feed below the near ear's
    const p = bs2bParameters(BS2B_PRESETS[0]!.settings);
    expect(db(ac.vectors[CROSSFEED_CROSS_VECTOR]![0]!)).toBeCloseTo(20 * Math.log10(p.outputGain * p.lowpassGain), 2);
  });

  for (const preset of BS2B_PRESETS) {
    it(`${preset.label}: ngspice's direct and cross paths equal the model's RC prototype within 0.001 dB, 20 Hz–20 kHz`, async () => {
      const { ac } = await run(preset.settings);
      const direct = ac.vectors[CROSSFEED_DIRECT_VECTOR] ?? [];
      const cross = ac.vectors[CROSSFEED_CROSS_VECTOR] ?? [];
      expect(ac.frequenciesHz.length).toBeGreaterThan(100);
      ac.frequenciesHz.forEach((f, i) => {
        const model = bs2bAnalogResponse(preset.settings, f);
        expect(Math.abs(db(direct[i]!) - 20 * Math.log10(abs(model.direct)))).toBeLessThan(0.001);
        expect(Math.abs(db(cross[i]!) - 20 * Math.log10(abs(model.cross)))).toBeLessThan(0.001);
      });
    });
  }

  it('the cross path is a first-order RC by hand: gain·G_lo/√(1 + (f/fc)²), 3 dB down at fc', async () => {
    const settings = BS2B_PRESETS[0]!.settings;
    const p = bs2bParameters(settings);
    const { ac } = await run(settings);
    const cross = ac.vectors[CROSSFEED_CROSS_VECTOR] ?? [];
    ac.frequenciesHz.forEach((f, i) => {
      const byHand = 20 * Math.log10((p.outputGain * p.lowpassGain) / Math.sqrt(1 + (f / settings.cutHz) ** 2));
      expect(Math.abs(db(cross[i]!) - byHand)).toBeLessThan(0.001);
    });
  });

  it('the 48 kHz filters the audio plays follow ngspice within 0.2 dB up to 5 kHz (the matched z-transform departs above)', async () => {
    const settings = BS2B_PRESETS[0]!.settings;
    const sections = bs2bSections(settings, 48_000);
    const { ac } = await run(settings);
    let worst = 0;
    ac.frequenciesHz.forEach((f, i) => {
      if (f > 5000) return;
      const d = Math.abs(db(ac.vectors[CROSSFEED_DIRECT_VECTOR]![i]!) - 20 * Math.log10(abs(biquadResponseAtHz(sections.direct, f, 48_000))));
      const c = Math.abs(db(ac.vectors[CROSSFEED_CROSS_VECTOR]![i]!) - 20 * Math.log10(abs(biquadResponseAtHz(sections.cross, f, 48_000))));
      worst = Math.max(worst, d, c);
    });
    expect(worst).toBeLessThan(0.2);
  });
});
