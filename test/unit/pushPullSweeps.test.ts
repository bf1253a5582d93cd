// The push-pull stage's sweep helpers (warm-started solves, the solver's own gain) and the widget's efficiency figure:
// each checked against an independent calculation (finite differences, the cold solve, the class-B closed form).
import { describe, expect, it } from 'vitest';
import { PUSH_PULL_DEFAULTS, pushPullOperatingPoint, pushPullOperatingPointFrom, pushPullStage, type PushPullParams } from '../../src/dsp/circuits/pushPullStage';
import { pushPullPowerBudget } from '../../src/dsp/circuits/classEfficiency';
import { DEFAULT_AMP_STAGE_SETTINGS, loadStageKits, stageKit, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';

const CASES: PushPullParams[] = [
  PUSH_PULL_DEFAULTS,
  { ...PUSH_PULL_DEFAULTS, outputClass: 'B' },
  { ...PUSH_PULL_DEFAULTS, biasCurrentAmps: 0.05, loadOhms: 16 },
  { ...PUSH_PULL_DEFAULTS, biasCurrentAmps: 0.0005, loadOhms: 600 },
];

describe('push-pull warm-started solve', () => {
  it('finds the same output from any start inside or outside the rails', () => {
    for (const params of CASES) {
      for (const inputVolts of [-12, -3.3, -0.4, 0, 0.01, 0.7, 5, 11.9, 12]) {
        const cold = pushPullOperatingPoint(params, inputVolts).outputVolts;
        for (const start of [-50, -11.8, -1, 0, 2, 11.8, 50]) {
          expect(Math.abs(pushPullOperatingPointFrom(params, inputVolts, start).outputVolts - cold)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('reports the gain dVout/dVin a central difference of the transfer curve gives, saturated or not', () => {
    const h = 1e-6;
    for (const params of CASES) {
      const stage = pushPullStage(params);
      for (const inputVolts of [-11.9, -2, -0.3, 0, 0.05, 0.6, 4, 11.9, 14]) {
        const difference = (stage.transferVolts(inputVolts + h) - stage.transferVolts(inputVolts - h)) / (2 * h);
        expect(pushPullOperatingPointFrom(params, inputVolts, 0).gainVoltsPerVolt).toBeCloseTo(difference, 5);
      }
    }
  });
});

describe('the amp-stage widget’s efficiency figure', () => {
  const settings = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'pushpull', ...patch });

  it('draws the model within 0.04 percentage points of the readout’s 256-point average, and ideal class B as (π/4)·Vpk/Vcc', async () => {
    await loadStageKits(['pushpull']);
    for (const patch of [{}, { pushPullClass: 'B' as const }, { biasCurrentAmps: 0.05, loadOhms: 16 }, { biasCurrentAmps: 0.001, loadOhms: 300 }]) {
      const s = settings(patch);
      const params: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: s.pushPullClass, biasCurrentAmps: s.biasCurrentAmps, loadOhms: s.loadOhms };
      const [model, classB] = stageKit('pushpull').efficiencyCurves(s);
      expect(model?.points.length).toBeGreaterThan(10);
      for (const point of model?.points ?? []) {
        const outputPeak = (point.x / 100) * params.railVolts;
        expect(Math.abs(point.y - 100 * pushPullPowerBudget(params, outputPeak).efficiency)).toBeLessThan(0.04);
      }
      for (const point of classB?.points ?? []) expect(point.y).toBeCloseTo((100 * Math.PI * point.x) / 100 / 4, 9);
    }
  });

  it('gives the same curves for a setting met again, and different ones for another bias or load', async () => {
    await loadStageKits(['pushpull']);
    const kit = stageKit('pushpull');
    const ys = (s: AmpStageSettings) => kit.efficiencyCurves(s)[0]?.points.map((p) => p.y) ?? [];
    const first = ys(settings({ biasCurrentAmps: 0.0125 }));
    const otherBias = ys(settings({ biasCurrentAmps: 0.001 }));
    const otherLoad = ys(settings({ biasCurrentAmps: 0.0125, loadOhms: 300 }));
    expect(ys(settings({ biasCurrentAmps: 0.0125 }))).toEqual(first);
    expect(Math.max(...otherBias.map((y, i) => Math.abs(y - (first[i] ?? 0))))).toBeGreaterThan(0.5);
    expect(Math.max(...otherLoad.map((y, i) => Math.abs(y - (first[i] ?? 0))))).toBeGreaterThan(0.5);
  });
});
