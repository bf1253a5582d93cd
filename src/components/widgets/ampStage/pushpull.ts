// The amplifier-stage widget's push-pull output stage: its model's view (src/dsp/circuits/pushPullStage.ts), its
// idle current, efficiency and heat (its schematic is ./pushpullSchematic). Importing this module registers it with
// ./views.
import { idealPowerBudget, pushPullPowerBudget } from '../../../dsp/circuits/classEfficiency';
import { PUSH_PULL_BIAS_CURRENT_RANGE_AMPS, PUSH_PULL_DEFAULTS, pushPullStage, quiescentCurrentAmps, type PushPullParams } from '../../../dsp/circuits/pushPullStage';
import { provideStageKit, viewOf, type AmpStageSettings, type EfficiencyCurve, type StageView } from './views';

/** Output levels (fraction of the rail) at which the efficiency figure is drawn. */
const EFFICIENCY_LEVELS = Array.from({ length: 16 }, (_, i) => 0.03 + (0.95 * i) / 15);
/**
 * Points per sine cycle of the efficiency curve's averages (the readout keeps the model's 256): over the whole range
 * of class, bias and load the curve moves by at most 0.04 percentage points, under 0.1 px on the figure.
 */
const EFFICIENCY_CYCLE_POINTS = 64;

export function pushPullParams(s: AmpStageSettings): PushPullParams {
  return { ...PUSH_PULL_DEFAULTS, outputClass: s.pushPullClass, biasCurrentAmps: s.biasCurrentAmps, loadOhms: s.loadOhms };
}

/** Full swing is ±Vcc in (the driver's own rails). */
function pushPullView(s: AmpStageSettings): StageView {
  const params = pushPullParams(s);
  return viewOf(pushPullStage(params), params.railVolts, params.railVolts, 'Voltage across the headphone', false);
}

/** How many settings' efficiency curves are kept: a reader sweeping the bias slider back and forth finds them again. */
const EFFICIENCY_CACHE_SIZE = 128;
const efficiencyCache = new Map<string, EfficiencyCurve[]>();

/** The efficiency figure's curves; they depend on the class, bias and load only, so each set is kept (oldest dropped first). */
function efficiencyCurves(s: AmpStageSettings): EfficiencyCurve[] {
  const key = `${s.pushPullClass}|${s.biasCurrentAmps}|${s.loadOhms}`;
  const known = efficiencyCache.get(key);
  if (known !== undefined) return known;
  const curves = solveEfficiencyCurves(s);
  if (efficiencyCache.size >= EFFICIENCY_CACHE_SIZE) {
    const oldest = efficiencyCache.keys().next();
    if (oldest.done !== true) efficiencyCache.delete(oldest.value);
  }
  efficiencyCache.set(key, curves);
  return curves;
}

function solveEfficiencyCurves(s: AmpStageSettings): EfficiencyCurve[] {
  const p = pushPullParams(s);
  const level = (fraction: number) => fraction * (p.railVolts - p.saturationVolts);
  const x = (fraction: number) => (100 * level(fraction)) / p.railVolts;
  return [
    { id: 'model', label: `This stage (class ${p.outputClass})`, color: 'b', points: EFFICIENCY_LEVELS.map((f) => ({ x: x(f), y: 100 * pushPullPowerBudget(p, level(f), EFFICIENCY_CYCLE_POINTS).efficiency })) },
    { id: 'b', label: 'Ideal class B', color: 'a', dashed: true, points: EFFICIENCY_LEVELS.map((f) => ({ x: x(f), y: 100 * idealPowerBudget('B', p.railVolts, p.loadOhms, level(f)).efficiency })) },
    { id: 'a', label: 'Ideal class A (push-pull)', color: 'c', dashed: true, points: EFFICIENCY_LEVELS.map((f) => ({ x: x(f), y: 100 * idealPowerBudget('A-push-pull', p.railVolts, p.loadOhms, level(f)).efficiency })) },
  ];
}

provideStageKit('pushpull', {
  view: pushPullView,
  biasRangeAmps: PUSH_PULL_BIAS_CURRENT_RANGE_AMPS,
  idleAmps: (s) => quiescentCurrentAmps(pushPullParams(s)),
  budget: (s, outputPeakVolts) => pushPullPowerBudget(pushPullParams(s), outputPeakVolts),
  efficiencyCurves,
});
