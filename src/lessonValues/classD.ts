// Figures the class-d lesson quotes, computed from src/dsp/classD (the LC filter, the PWM and the power budgets) and
// the ideal class A/B closed forms, so the prose, the questions and the widget can't disagree. Each is a plain
// number in the unit its name says.
import { idealPowerBudget } from '../dsp/circuits/classEfficiency';
import { batteryHours, classABPowerBudget, classDPowerBudget, lossResistanceForEfficiency, voltsPeakForWatts } from '../dsp/classD/efficiency';
import { butterworthLcForLoad, cornerHz, lcFilterResponseDbAtHz, qualityFactorIntoResistor } from '../dsp/classD/lcFilter';
import { amplitudeDb, lineAmplitudes, pwmEdges, pwmLineSpectrum } from '../dsp/classD/pwm';
import { headphoneById } from '../dsp/headphones';
import { resistor } from '../dsp/impedance';
import { logFrequencies } from '../dsp/logFrequencies';

/** MAX98357A datasheet (Maxim/ADI): 92 % efficiency at 1 W into 8 Ω; 2.4 mA quiescent current; 2.5–5.5 V supply. */
export const datasheetEfficiency = 0.92;
export const datasheetWatts = 1;
export const datasheetLoadOhms = 8;
export const datasheetSupplyVolts = 5;
export const datasheetQuiescentAmps = 2.4e-3;
/** The loss resistance that makes the model meet the datasheet's point (an estimate fitted to one figure). */
export const fittedLossOhms = lossResistanceForEfficiency(datasheetEfficiency, datasheetWatts, datasheetLoadOhms, datasheetSupplyVolts, datasheetQuiescentAmps);
const classDLosses = { lossResistanceOhms: fittedLossOhms, quiescentAmps: datasheetQuiescentAmps };

/** Ideal maxima at full output (closed forms). */
export const classASingleEndedMax = idealPowerBudget('A-single-ended', 1, 1, 0.5).efficiency;
export const classAPushPullMax = idealPowerBudget('A-push-pull', 1, 1, 1).efficiency;
export const classBMax = idealPowerBudget('B', 1, 1, 1).efficiency;

/** The lesson's portable example: one 3.7 V Li-ion cell (2.2 Ah, an 18650), both channels into 32 Ω. */
export const cellVolts = 3.7;
export const cellAmpHours = 2.2;
export const cellWattHours = cellVolts * cellAmpHours;
export const headphoneOhms = 32;
export const channels = 2;
export const quietWatts = 1e-3;
export const loudWatts = 50e-3;

function perLevel(loadWatts: number) {
  const vpk = voltsPeakForWatts(loadWatts, headphoneOhms);
  const d = classDPowerBudget(cellVolts, headphoneOhms, vpk, classDLosses);
  const ab = classABPowerBudget(cellVolts, headphoneOhms, vpk, datasheetQuiescentAmps);
  return {
    classDEfficiency: d.efficiency,
    classABEfficiency: ab.efficiency,
    classDHours: batteryHours(cellWattHours, channels * d.supplyWatts),
    classABHours: batteryHours(cellWattHours, channels * ab.supplyWatts),
  };
}
export const quiet = perLevel(quietWatts);
export const loud = perLevel(loudWatts);

/** Efficiency against output power into 32 Ω from 3.7 V (Figure 1). */
const POWER_GRID_WATTS = logFrequencies(1e-4, (cellVolts * cellVolts) / (2 * headphoneOhms), 61);
export const efficiencyCurves = {
  classD: POWER_GRID_WATTS.map((w) => ({ x: 1000 * w, y: 100 * classDPowerBudget(cellVolts, headphoneOhms, voltsPeakForWatts(w, headphoneOhms), classDLosses).efficiency })),
  classAB: POWER_GRID_WATTS.map((w) => ({ x: 1000 * w, y: 100 * classABPowerBudget(cellVolts, headphoneOhms, voltsPeakForWatts(w, headphoneOhms), datasheetQuiescentAmps).efficiency })),
  classA: POWER_GRID_WATTS.map((w) => ({ x: 1000 * w, y: 100 * idealPowerBudget('A-push-pull', cellVolts, headphoneOhms, voltsPeakForWatts(w, headphoneOhms)).efficiency })),
};
export const fullPowerMilliwatts = (1000 * cellVolts * cellVolts) / (2 * headphoneOhms);

/** The PWM example: 384 kHz carrier, 6 kHz tone, 70 % modulation. */
export const carrierHz = 384_000;
export const toneHz = 6000;
export const modulation = 0.7;
const pwmAmplitudes = lineAmplitudes(pwmLineSpectrum(pwmEdges({ carrierHz, carrierPeriodsPerTone: carrierHz / toneHz, modulationIndex: modulation }), 2 * (carrierHz / toneHz) + 4));
const perTone = carrierHz / toneHz;
/** The carrier line and the first sidebands (fc ± 2·f_tone), dB relative to the tone. */
export const carrierDbReTone = amplitudeDb(pwmAmplitudes[perTone] ?? 0) - amplitudeDb(pwmAmplitudes[1] ?? 0);
export const sidebandDbReTone = amplitudeDb(pwmAmplitudes[perTone + 2] ?? 0) - amplitudeDb(pwmAmplitudes[1] ?? 0);

/** The two filters. */
export const speakerFilter = { inductanceHenries: 22e-6, capacitanceFarads: 0.68e-6 };
export const headphoneFilter = butterworthLcForLoad(32, 40_000);
export const speakerCornerHz = cornerHz(speakerFilter);
export const speakerDesignLoadOhms = Math.SQRT1_2 * Math.sqrt(speakerFilter.inductanceHenries / speakerFilter.capacitanceFarads);
export const headphoneInductanceMicrohenries = headphoneFilter.inductanceHenries * 1e6;
export const headphoneCapacitanceNanofarads = headphoneFilter.capacitanceFarads * 1e9;
export const q32 = qualityFactorIntoResistor(headphoneFilter, 32);
export const q300 = qualityFactorIntoResistor(headphoneFilter, 300);
/** The headphone design into 32 Ω and 300 Ω at 15 and 20 kHz, and into the three-way BA IEM. */
export const into32At20kDb = lcFilterResponseDbAtHz(resistor(32), headphoneFilter, 20_000);
export const into300At15kDb = lcFilterResponseDbAtHz(resistor(300), headphoneFilter, 15_000);
export const into300At20kDb = lcFilterResponseDbAtHz(resistor(300), headphoneFilter, 20_000);
const iem = headphoneById('multi-ba');
export const iemName = iem.name;
export const intoIemAt10kDb = lcFilterResponseDbAtHz(iem.impedance, headphoneFilter, 10_000);
export const intoIemAt15kDb = lcFilterResponseDbAtHz(iem.impedance, headphoneFilter, 15_000);
/** At the carrier the filter's cut hardly depends on the load: 32 Ω and 300 Ω. */
export const at384k32Db = lcFilterResponseDbAtHz(resistor(32), headphoneFilter, carrierHz);
export const at384k300Db = lcFilterResponseDbAtHz(resistor(300), headphoneFilter, carrierHz);
