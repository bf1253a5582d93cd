// The amplifier-stage widget's OTL cathode follower, loaded only when a reader picks that stage: its model's view
// (src/dsp/circuits/cathodeFollower.ts) and its output impedance (its schematic is ./followerSchematic). Importing
// this module registers it with ./views.
import {
  CATHODE_FOLLOWER_DEFAULTS,
  cathodeFollower,
  cathodeFollowerBiasPoint,
  cathodeFollowerClippingPoints,
  cathodeFollowerOutputImpedanceOhms,
  FOLLOWER_OVERDRIVE_FACTOR,
  PARALLEL_SECTIONS_RANGE,
  type CathodeFollowerParams,
} from '../../../dsp/circuits/cathodeFollower';
import { provideStageKit, viewOf, type AmpStageSettings, type StageView } from './views';

export function followerParams(s: AmpStageSettings): CathodeFollowerParams {
  return { ...CATHODE_FOLLOWER_DEFAULTS, parallelSections: s.followerSections, loadOhms: s.followerLoadOhms };
}

/**
 * Full swing is the nearer clipping point: the grid reaching the cathode (grid current, which the model leaves out)
 * or the valve cutting off (the load then pulls the rest from Rk); the curve runs FOLLOWER_OVERDRIVE_FACTOR past it.
 */
function followerView(s: AmpStageSettings): StageView {
  const params = followerParams(s);
  const { inputAtGridCurrentVolts, inputAtCutoffVolts } = cathodeFollowerClippingPoints(params);
  const distances = [inputAtGridCurrentVolts, -inputAtCutoffVolts].filter((volts) => volts > 0);
  const fullSwing = distances.length > 0 ? Math.min(...distances) : 1;
  return viewOf(cathodeFollower(params), fullSwing, FOLLOWER_OVERDRIVE_FACTOR * fullSwing, 'Voltage across the headphone', false);
}

provideStageKit('follower', {
  view: followerView,
  outputImpedanceOhms: (s) => cathodeFollowerOutputImpedanceOhms(followerParams(s)),
  idleAmps: (s) => cathodeFollowerBiasPoint(followerParams(s)).cathodeCurrentAmps,
  sectionsRange: PARALLEL_SECTIONS_RANGE,
});
