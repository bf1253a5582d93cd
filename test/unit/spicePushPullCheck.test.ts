// "Check with SPICE" on the push-pull output stage, run in Node exactly as the page runs it (src/spice/stageCheck.ts
// on the decks the widget builds from its values, src/components/widgets/ampStage/spicePlan.ts). Expected from the
// circuit, not from our output: the two halves are mirror images, so the transfer curve is odd and every even
// harmonic is zero (the model's are exactly; ngspice's must stay below the floor its tolerances leave, −100 dB);
// the odd harmonics, set by the crossover and by the rails, agree with ngspice's Ebers–Moll transistors within
// 0.01 dB while the output stays off the rails, and within 0.5 dB when the drive reaches them (the model stops hard
// at Vcc − Vce,sat, ngspice's transistors saturate over a few Vt). Measured here: transfer curves within 0.013 % of
// the swing, harmonics above −100 dB within 0.0012 dB off the rails and 0.46 dB at full drive.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AMP_STAGE_SETTINGS, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';
import { ampStageSpicePlan } from '../../src/components/widgets/ampStage/spicePlan';
import { realVectors } from '../../src/spice/results';
import { HARMONIC_FLOOR_DB, compareStage, stageCheckDecks, type StageCheckResult } from '../../src/spice/stageCheck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const pushPull = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'pushpull', ...patch });

async function check(settings: AmpStageSettings, driveDb: number): Promise<StageCheckResult> {
  const plan = ampStageSpicePlan(settings, driveDb);
  if (plan === null) throw new Error('the push-pull stage has a deck');
  const [transferDeck, transientDeck] = stageCheckDecks(plan);
  expect(transferDeck.deck).toMatch(/^Vin in 0 DC 0$/m);
  expect(transferDeck.deck).toMatch(/^\.dc Vin -12 12 /m);
  expect(transientDeck.deck).toMatch(new RegExp(`^Vin in 0 DC 0 SIN\\(0 ${plan.drivePeakVolts} 1000\\)$`, 'm'));
  expect(transientDeck.deck).toContain(`load ${settings.loadOhms} ohm`);
  const vectors = [plan.circuit.outputVector];
  const transferRun = await spice.run(transferDeck.deck);
  const transientRun = await spice.run(transientDeck.deck);
  return compareStage(plan, realVectors(transferRun.result, vectors, transferRun.messages), realVectors(transientRun.result, vectors, transientRun.messages));
}

const evenIndices = (levels: readonly number[]) => levels.flatMap((_, index) => (index % 2 === 0 ? [index] : []));
const oddIndices = (levels: readonly number[]) => levels.flatMap((_, index) => (index % 2 === 1 ? [index] : []));

const OFF_THE_RAILS: readonly [string, AmpStageSettings, number][] = [
  ['class AB at 20 mA into 32 Ω, drive −6 dB', pushPull({}), -6],
  ['class B into 32 Ω, drive −20 dB (crossover only)', pushPull({ pushPullClass: 'B' }), -20],
  ['class AB at 5 mA into 16 Ω, drive −3 dB', pushPull({ biasCurrentAmps: 0.005, loadOhms: 16 }), -3],
];

describe('Check with SPICE on the push-pull stage', () => {
  for (const [name, settings, driveDb] of OFF_THE_RAILS) {
    it(`${name}: transfer within 0.05 % of the swing, even harmonics below the floor in both, odd ones within 0.01 dB`, async () => {
      const result = await check(settings, driveDb);
      expect(result.worstDifferenceOfSwing).toBeLessThan(5e-4);
      for (const index of evenIndices(result.modelHarmonicsDb)) {
        expect(result.modelHarmonicsDb[index]).toBeLessThan(HARMONIC_FLOOR_DB);
        expect(result.harmonicsDb[index]).toBeLessThan(HARMONIC_FLOOR_DB);
      }
      const audibleOdd = oddIndices(result.modelHarmonicsDb).filter((index) => (result.modelHarmonicsDb[index] ?? -Infinity) > HARMONIC_FLOOR_DB);
      expect(audibleOdd.length).toBeGreaterThan(0);
      for (const index of audibleOdd) {
        expect(Math.abs((result.harmonicsDb[index] ?? 0) - (result.modelHarmonicsDb[index] ?? 0)), `harmonic ${index + 2}`).toBeLessThan(0.01);
      }
      expect(result.worstHarmonicDifferenceDb).not.toBeNull();
      expect(result.worstHarmonicDifferenceDb ?? Infinity).toBeLessThan(0.01);
    }, 60_000);
  }

  it('class AB at 20 mA, drive 0 dB (the output reaches the rails): transfer within 0.05 % of the swing, harmonics within 0.5 dB', async () => {
    const result = await check(pushPull({}), 0);
    expect(result.worstDifferenceOfSwing).toBeLessThan(5e-4);
    expect(result.harmonicsDb[1] ?? 0).toBeGreaterThan(-70);
    expect(result.worstHarmonicDifferenceDb ?? Infinity).toBeLessThan(0.5);
  }, 60_000);

  it('class AB at 50 mA into 600 Ω at −6 dB is so linear that every harmonic is below the floor in both: nothing to compare', async () => {
    const result = await check(pushPull({ biasCurrentAmps: 0.05, loadOhms: 600 }), -6);
    expect(Math.max(...result.modelHarmonicsDb, ...result.harmonicsDb)).toBeLessThan(HARMONIC_FLOOR_DB);
    expect(result.worstHarmonicDifferenceDb).toBeNull();
  }, 60_000);
});
