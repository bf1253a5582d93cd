// "Check with SPICE" on the OTL cathode follower, run in Node as the page runs it: the decks the amp-stage widget
// builds from its values (spicePlan.ts), the same comparison (src/spice/stageCheck.ts). The coupling capacitor's
// charge is found by ngspice itself (an unloaded replica of the stage idles at it); the transfer curve agrees within
// 2 % of the swing, the 2nd and 3rd harmonics within 0.5 dB, and the AC analysis's output impedance with the model's
// and with the closed form rp/(µ + 1) ∥ Rk at the bias point.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AMP_STAGE_SETTINGS, stageView, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';
import { ampStageSpicePlan, outputImpedancePlan } from '../../src/components/widgets/ampStage/spicePlan';
import { followerParams } from '../../src/components/widgets/ampStage/follower';
import { cathodeFollowerBiasPoint } from '../../src/dsp/circuits/cathodeFollower';
import { korenOperatingPoint } from '../../src/dsp/circuits/koren';
import { acVectors, realVectors } from '../../src/spice/results';
import { compareStage, stageCheckDecks } from '../../src/spice/stageCheck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const follower = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'follower', ...patch });

const SETTINGS: readonly [string, AmpStageSettings, number][] = [
  ['2 × 12AU7 into 300 Ω, drive −6 dB', follower({}), -6],
  ['1 × 12AU7 into 32 Ω, drive 0 dB (cut-off reached)', follower({ followerSections: 1, followerLoadOhms: 32 }), 0],
  ['4 × 12AU7 into 600 Ω, drive +3 dB (past the clean swing)', follower({ followerSections: 4, followerLoadOhms: 600 }), 3],
];

/** rp/(µ + 1) ∥ Rk with n sections' rp and gm at the idle point: the follower's textbook output impedance. */
function closedFormOutputOhms(settings: AmpStageSettings): number {
  const p = followerParams(settings);
  const bias = cathodeFollowerBiasPoint(p);
  const op = korenOperatingPoint(p.tube, bias.plateToCathodeVolts, bias.gridToCathodeVolts);
  const gp = p.parallelSections * op.plateConductanceSiemens;
  const gm = p.parallelSections * op.transconductanceSiemens;
  return 1 / (gp + gm + 1 / p.cathodeResistorOhms);
}

describe('Check with SPICE on the OTL cathode follower', () => {
  for (const [name, settings, driveDb] of SETTINGS) {
    it(`${name}: ngspice's curve within 2 % of the swing, its 2nd and 3rd harmonics within 0.5 dB, its output impedance within 0.5 %`, async () => {
      const plan = ampStageSpicePlan(settings, driveDb);
      if (plan === null) throw new Error('the follower has a deck');
      const [transferDeck, transientDeck] = stageCheckDecks(plan);
      expect(transferDeck.deck).toContain('Bcap k o V = v(k0)');
      expect(transientDeck.deck).toMatch(new RegExp(`^Vin g gb DC 0 SIN\\(0 ${plan.drivePeakVolts} 1000\\)$`, 'm'));
      const vectors = [plan.circuit.outputVector];
      const transferRun = await spice.run(transferDeck.deck);
      const transientRun = await spice.run(transientDeck.deck);
      const result = compareStage(
        plan,
        realVectors(transferRun.result, vectors, transferRun.messages),
        realVectors(transientRun.result, vectors, transientRun.messages),
      );
      // The output idles at 0 V in both: ngspice's own idle cathode voltage charges the capacitor.
      const mid = Math.floor(plan.sweepSteps / 2);
      expect(result.transfer[mid]?.x).toBeCloseTo(0, 9);
      expect(Math.abs(result.transfer[mid]?.y ?? Infinity)).toBeLessThan(1e-6);
      expect(result.worstDifferenceOfSwing).toBeLessThan(0.02);
      for (const index of [0, 1]) {
        expect(Math.abs((result.harmonicsDb[index] ?? 0) - (result.modelHarmonicsDb[index] ?? 0))).toBeLessThan(0.5);
      }

      const impedance = outputImpedancePlan(settings);
      if (impedance === null) throw new Error('the follower has an output-impedance deck');
      expect(impedance.deck).toMatch(/^\.ac lin 1 1000 1000$/m);
      const acRun = await spice.run(impedance.deck);
      const value = acVectors(acRun.result, [impedance.vector], acRun.messages).vectors[impedance.vector]?.[0];
      const spiceOhms = Math.hypot(value?.re ?? NaN, value?.im ?? NaN);
      expect(Math.abs(spiceOhms / impedance.modelOhms - 1)).toBeLessThan(0.005);
      expect(Math.abs(spiceOhms / closedFormOutputOhms(settings) - 1)).toBeLessThan(0.005);
    }, 60_000);
  }

  it('more sections in parallel lower the output impedance, as rp/n does', () => {
    const two = outputImpedancePlan(follower({ followerSections: 2 }))?.modelOhms ?? NaN;
    const four = outputImpedancePlan(follower({ followerSections: 4 }))?.modelOhms ?? NaN;
    expect(four).toBeLessThan(0.7 * two);
    expect(stageView(follower({})).invert).toBe(false);
  });
});
