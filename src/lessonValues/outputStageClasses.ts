// Figures the output-stage-classes lesson quotes, computed from the push-pull stage, the class-efficiency closed forms
// and the headphone catalogue, so the prose, the questions and the widget can't disagree. Each is a plain number in
// the unit its name says.
import { predictedThd } from '../dsp/analysis/harmonics';
import { classBWorstDissipationVoltsPeak, idealPowerBudget } from '../dsp/circuits/classEfficiency';
import { PUSH_PULL_DEFAULTS, pushPullStage, type PushPullParams } from '../dsp/circuits/pushPullStage';
import { sensitivityDbPerVolt, voltsRmsForSpl } from '../dsp/matching/sensitivity';
import { HEADPHONES } from '../data/catalogue/headphones';
import { LCD3_DB_PER_VOLT, LCD3_OHMS } from './sensitivityAndPower';

/** The widget's default bias current (class AB), amps. */
export const defaultBiasAmps = PUSH_PULL_DEFAULTS.biasCurrentAmps;
/** The rails of the model and the worked examples, volts (±Vcc). */
export const railVolts = PUSH_PULL_DEFAULTS.railVolts;

/**
 * In the idealised class AB picture each device carries Iq ± IL/2, so neither switches off while the load current's
 * peak stays below 2·Iq: the class-A region of a bias Iq.
 */
export function classARegionPeakAmps(biasAmps: number): number {
  return 2 * biasAmps;
}
/** The bias that keeps a load current of this peak in class A: half of it. */
export function biasForClassAAmps(peakLoadAmps: number): number {
  return peakLoadAmps / 2;
}

/** Peak current a headphone of sensitivity `dbPerVolt` and impedance `ohms` draws for a sine at `splDb`. */
export function peakAmpsForSpl(dbPerVolt: number, ohms: number, splDb: number): number {
  return (voltsRmsForSpl(dbPerVolt, splDb) * Math.SQRT2) / ohms;
}

/** The listening level the lesson compares headphones at: 110 dB SPL peaks. */
export const COMPARISON_SPL_DB = 110;

const hd650 = HEADPHONES.find((h) => h.id === 'sennheiser-hd650');
if (hd650 === undefined) throw new RangeError('The catalogue has no sennheiser-hd650');
export const hd650Ohms = hd650.nominalImpedanceOhms.value;
export const hd650DbPerVolt = sensitivityDbPerVolt(hd650.sensitivity.value.value, hd650.sensitivity.value.unit, hd650Ohms);
export const hd650PeakAmps = peakAmpsForSpl(hd650DbPerVolt, hd650Ohms, COMPARISON_SPL_DB);

/** The Audeze LCD-3 as the sensitivity lesson quotes it (xnor's measurements, REFERENCES §2), from that one place. */
export { LCD3_DB_PER_VOLT, LCD3_OHMS };
export const lcd3PeakAmps = peakAmpsForSpl(LCD3_DB_PER_VOLT, LCD3_OHMS, COMPARISON_SPL_DB);

/** The stage the widget starts with (class AB, 20 mA, 32 Ω) at its default drive of −6 dB re full swing. */
export const WIDGET_DEFAULT_DRIVE_DB = -6;
export const WIDGET_DEFAULT_LOAD_OHMS = 32;
const widgetDefault: PushPullParams = { ...PUSH_PULL_DEFAULTS, loadOhms: WIDGET_DEFAULT_LOAD_OHMS };
/** Its peak load current at that drive: the output peak over the load. */
export const widgetDefaultPeakAmps =
  pushPullStage(widgetDefault).transferVolts(railVolts * 10 ** (WIDGET_DEFAULT_DRIVE_DB / 20)) / WIDGET_DEFAULT_LOAD_OHMS;

/** THD (percent) of a 1 kHz sine through the class B stage into `loadOhms` at a drive in dB re full swing (±Vcc in). */
export function classBThdPercent(driveDb: number, loadOhms = WIDGET_DEFAULT_LOAD_OHMS): number {
  const stage = pushPullStage({ ...PUSH_PULL_DEFAULTS, outputClass: 'B', loadOhms });
  return predictedThd((x) => stage.transferVolts(x), railVolts * 10 ** (driveDb / 20), 1000).percent;
}
/** The predict question's two drives: the second 20 dB below the first. */
export const PREDICT_DRIVE_HIGH_DB = 0;
export const PREDICT_DRIVE_LOW_DB = PREDICT_DRIVE_HIGH_DB - 20;
export const classBThdHighPercent = classBThdPercent(PREDICT_DRIVE_HIGH_DB);
export const classBThdLowPercent = classBThdPercent(PREDICT_DRIVE_LOW_DB);

/** Class B on ±12 V into 300 Ω: the output peak of largest dissipation (2V/π) and that dissipation, 2V²/(π²R). */
export const HOT_EXAMPLE_LOAD_OHMS = 300;
export const classBHottestVoltsPeak = classBWorstDissipationVoltsPeak(railVolts);
export const classBHottestWatts = idealPowerBudget('B', railVolts, HOT_EXAMPLE_LOAD_OHMS, classBHottestVoltsPeak).deviceWatts;
/** Class B efficiency at full swing (π/4) and at a tenth of it. */
export const classBMaxEfficiency = idealPowerBudget('B', railVolts, HOT_EXAMPLE_LOAD_OHMS, railVolts).efficiency;
export const classBTenthEfficiency = idealPowerBudget('B', railVolts, HOT_EXAMPLE_LOAD_OHMS, railVolts / 10).efficiency;
/** Class A push-pull into 300 Ω on ±12 V: its bias V/(2R) and the idle dissipation 2·V·Iq. */
export const classAPushPullBiasAmps = railVolts / (2 * HOT_EXAMPLE_LOAD_OHMS);
export const classAPushPullIdleWatts = idealPowerBudget('A-push-pull', railVolts, HOT_EXAMPLE_LOAD_OHMS, 0).supplyWatts;

/** Device dissipation of the ideal class B stage against output peak, for a small figure. */
export function classBDissipationCurve(points = 60): { x: number; y: number }[] {
  return Array.from({ length: points + 1 }, (_, i) => {
    const vpk = (railVolts * i) / points;
    return { x: vpk, y: 1000 * idealPowerBudget('B', railVolts, HOT_EXAMPLE_LOAD_OHMS, vpk).deviceWatts };
  });
}
