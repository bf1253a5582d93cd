// "Check with SPICE" on the op-amp stage, run in Node exactly as the page runs it. The model and the deck are both
// behavioural, so what agrees is the circuit's algebra, with expected values worked from the parameters, not from
// either's output: the small-signal gain G·RL/(RL + Rbuild); the flat top across the load, L·RL/(RL + Rbuild) with
// L = min(Vrail − dropout, Ilim·(Rbuild + RL)) (the current limit sets it into 16 and 32 Ω, the rails into 300 Ω);
// and the one thing they model differently: the model bends into L over a 0.2 V knee, k·tanh, while ngspice's loop
// stays straight up to L, so the curves differ most at G·Vin = L, by k·(1 − tanh 1) at the pin, i.e.
// k·(1 − tanh 1)/(2L) of the swing. Harmonics: below the floor in both while the drive stays below the knee; at
// +6 dB, where both clip hard, within 0.6 dB (the knee shapes the corners: measured 0.20 dB into 32 Ω, 0.04 dB into
// 300 Ω, 0.57 dB at gain 1 into 16 Ω); near 0 dB the
// model's knee makes harmonics (−58 dB) that ngspice's straight limit doesn't, which the check reports as it is.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AMP_STAGE_SETTINGS, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';
import { opAmpParams } from '../../src/components/widgets/ampStage/opamp';
import { ampStageSpicePlan } from '../../src/components/widgets/ampStage/spicePlan';
import { ngspiceFailed, realVectors } from '../../src/spice/results';
import { HARMONIC_FLOOR_DB, compareStage, stageCheckDecks, type StageCheckResult } from '../../src/spice/stageCheck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const opAmp = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'opamp', ...patch });

async function check(settings: AmpStageSettings, driveDb: number): Promise<StageCheckResult> {
  const plan = ampStageSpicePlan(settings, driveDb);
  if (plan === null) throw new Error('the op-amp stage has a deck');
  const [transferDeck, transientDeck] = stageCheckDecks(plan);
  expect(transientDeck.deck).toMatch(new RegExp(`^Vin in 0 DC 0 SIN\\(0 ${plan.drivePeakVolts} 1000\\)$`, 'm'));
  expect(transientDeck.deck).toMatch(new RegExp(`^RL out 0 ${settings.loadOhms}$`, 'm'));
  const vectors = [plan.circuit.outputVector];
  const transferRun = await spice.run(transferDeck.deck);
  const transientRun = await spice.run(transientDeck.deck);
  return compareStage(plan, realVectors(transferRun.result, vectors, transferRun.messages), realVectors(transientRun.result, vectors, transientRun.messages));
}

/** The pin's limit L, worked from the parameters: the rails less the dropout, or the current limit into the load. */
function pinLimitVolts(settings: AmpStageSettings): number {
  const p = opAmpParams(settings);
  return Math.min(p.railVolts - p.dropoutVolts, p.currentLimitAmps * (p.buildOutOhms + p.loadOhms));
}

const CASES: readonly [string, AmpStageSettings, 'current' | 'rails'][] = [
  ['the O2 into 32 Ω (current-limited)', opAmp({}), 'current'],
  ['the O2 into 300 Ω (rail-limited)', opAmp({ loadOhms: 300 }), 'rails'],
  ['the O2 at gain 1 into 16 Ω (current-limited)', opAmp({ opAmpGain: 1, loadOhms: 16 }), 'current'],
];

describe('Check with SPICE on the op-amp stage', () => {
  for (const [name, settings, limitedBy] of CASES) {
    it(`${name}: ngspice's gain, flat top and largest difference are the ones worked from the parameters`, async () => {
      const p = opAmpParams(settings);
      const L = pinLimitVolts(settings);
      expect(limitedBy === 'current' ? p.currentLimitAmps * (p.buildOutOhms + p.loadOhms) : p.railVolts - p.dropoutVolts).toBe(L);
      const share = p.loadOhms / (p.loadOhms + p.buildOutOhms);
      const result = await check(settings, 6);
      const middle = (result.transfer.length - 1) / 2;
      const [below, above] = [result.transfer[middle - 1], result.transfer[middle + 1]];
      if (below === undefined || above === undefined) throw new Error('the sweep has points either side of 0 V');
      expect((above.y - below.y) / (above.x - below.x) / (p.gain * share)).toBeCloseTo(1, 4);
      expect(Math.max(...result.transfer.map((point) => point.y)) / (L * share)).toBeCloseTo(1, 3);
      expect(Math.min(...result.transfer.map((point) => point.y)) / (-L * share)).toBeCloseTo(1, 3);
      const kneeDifference = (p.kneeVolts * (1 - Math.tanh(1))) / (2 * L);
      expect(result.worstDifferenceOfSwing).toBeLessThan(kneeDifference * 1.01);
      expect(result.worstDifferenceOfSwing).toBeGreaterThan(kneeDifference * 0.9);
      expect(result.harmonicsDb[1] ?? 0).toBeGreaterThan(-20);
      expect(result.worstHarmonicDifferenceDb ?? Infinity).toBeLessThan(0.6);
    }, 60_000);
  }

  it('the O2 into 32 Ω at −6 dB, below the knee: every harmonic below the floor in both', async () => {
    const result = await check(opAmp({}), -6);
    expect(Math.max(...result.modelHarmonicsDb, ...result.harmonicsDb)).toBeLessThan(HARMONIC_FLOOR_DB);
    expect(result.worstHarmonicDifferenceDb).toBeNull();
  }, 60_000);

  it("the O2 into 32 Ω at 0 dB, where the sine's peak just reaches L: the model's knee makes a 3rd harmonic near −58 dB, ngspice's straight limit none above the floor", async () => {
    const result = await check(opAmp({}), 0);
    expect(result.modelHarmonicsDb[1] ?? -Infinity).toBeGreaterThan(-65);
    expect(result.harmonicsDb[1] ?? 0).toBeLessThan(HARMONIC_FLOOR_DB);
  }, 60_000);
});

describe("reading ngspice's messages", () => {
  it('a transient that stopped with "Timestep too small" failed (ngspice then hands back an earlier run\'s data)', () => {
    expect(ngspiceFailed(['doAnalyses: TRAN:  Timestep too small; time = 8.112e-05, timestep = 5e-18: trouble with node "amp"'])).toBe(true);
    expect(ngspiceFailed(['Note: Starting dynamic gmin stepping', 'Note: Dynamic gmin stepping completed'])).toBe(false);
  });
});
