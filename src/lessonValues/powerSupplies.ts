// Figures the power-supplies lesson quotes, computed from the supply models (rectifier, LM317 regulator, batteries)
// and the catalogue, so the prose, the widget and other lessons can't disagree. Each is a plain number in the unit
// its name says.
import { BATTERY_MODELS } from '../dsp/circuits/batterySupply';
import { rectifierSupply, rippleEstimateVoltsPeakToPeak, RECTIFIER_SUPPLY_DEFAULTS, type RectifierSupplyParams } from '../dsp/circuits/rectifierSupply';
import { LM317_RIPPLE_REJECTION_DB } from '../dsp/circuits/regulator';
import { splFromVoltsRms } from '../dsp/matching/sensitivity';
import { hd650, headphoneFigures, NIMH_EMPTY_VOLTS, NIMH_FULL_VOLTS, o2ShortOfRailVolts, twoNineVoltRailVolts } from './portableVsDesktop';

/** The worked example: 100 mA from 2200 µF, full-wave on 50 Hz mains (the widget's defaults). */
export const example: RectifierSupplyParams = RECTIFIER_SUPPLY_DEFAULTS;
export const exampleMilliamps = example.loadAmps * 1000;
export const exampleMicrofarads = example.capacitanceFarads * 1e6;
export const rippleFullWave50 = rippleEstimateVoltsPeakToPeak(example);
export const rippleFullWave60 = rippleEstimateVoltsPeakToPeak({ ...example, mainsHz: 60 });
export const rippleHalfWave50 = rippleEstimateVoltsPeakToPeak({ ...example, rectifier: 'half-wave' });
export const rippleDoubledC = rippleEstimateVoltsPeakToPeak({ ...example, capacitanceFarads: 2 * example.capacitanceFarads });
export const rippleDoubledI = rippleEstimateVoltsPeakToPeak({ ...example, loadAmps: 2 * example.loadAmps });
export const mains60ChangeDb = 20 * Math.log10(rippleFullWave60 / rippleFullWave50);

/** The simulated rail of the worked example (what the widget's Rail readout shows for it). */
const simulated = rectifierSupply(example, { periods: 2 });
export const simulatedRippleVoltsPeakToPeak = simulated.rippleVoltsPeakToPeak;
export const simulatedRailPoints = Array.from(simulated.railVolts, (v, n) => ({ x: (1000 * n) / simulated.sampleRateHz, y: v })).filter((_, n) => n % 4 === 0);
export const simulatedDcVolts = simulated.dcVolts;

/** An ideal sawtooth's nth harmonic is 1/n of the fundamental. */
export const sawtoothHarmonicDb = (n: number): number => 20 * Math.log10(1 / n);

/** After an LM317 with and without its 10 µF adjust capacitor. */
export const rrWithCap = LM317_RIPPLE_REJECTION_DB.withAdjustCapacitor10uF;
export const rrWithoutCap = LM317_RIPPLE_REJECTION_DB.withoutAdjustCapacitor;
export const afterRegulator = (ripplePp: number, rejectionDb: number): number => ripplePp * 10 ** (-rejectionDb / 20);
export const regulatedWithCapPp = afterRegulator(rippleFullWave50, rrWithCap);
export const regulatedWithoutCapPp = afterRegulator(rippleFullWave50, rrWithoutCap);

/** A sawtooth's rms is its peak-to-peak over 2√3. */
export const sawtoothRms = (pp: number): number => pp / (2 * Math.sqrt(3));

export const andromeda = headphoneFigures('campfire-andromeda');
export const MUSIC_DB_SPL = 85;
/** Hum in a headphone from a rail's ripple passed unreduced to the output (no supply rejection in the amplifier). */
export const humSpl = (ripplePp: number, sensitivityDbPerVolt: number): number => splFromVoltsRms(sensitivityDbPerVolt, sawtoothRms(ripplePp));
export const humRows = [
  { name: 'Unregulated', pp: rippleFullWave50 },
  { name: `LM317, no adjust capacitor (${rrWithoutCap} dB)`, pp: regulatedWithoutCapPp },
  { name: `LM317, 10 µF adjust capacitor (${rrWithCap} dB)`, pp: regulatedWithCapPp },
].map((row) => ({ ...row, rms: sawtoothRms(row.pp), hd650: humSpl(row.pp, hd650.sensitivityDbPerVolt), andromeda: humSpl(row.pp, andromeda.sensitivityDbPerVolt) }));
export const sensitivityGapDb = andromeda.sensitivityDbPerVolt - hd650.sensitivityDbPerVolt;
export const regulatedHd650Spl = humSpl(regulatedWithCapPp, hd650.sensitivityDbPerVolt);
export const regulatedAndromedaSpl = humSpl(regulatedWithCapPp, andromeda.sensitivityDbPerVolt);

/** USB 2.0: 5 V at up to 500 mA once configured. */
export const USB_VOLTS = 5;
export const USB_CONFIGURED_AMPS = 0.5;
export const usbWatts = USB_VOLTS * USB_CONFIGURED_AMPS;

/** A bass hit of 5 V peak into 32 Ω from ±9 V alkaline batteries, each 1.7 Ω inside. */
export const alkalineOhms = BATTERY_MODELS['alkaline-9v'].internalOhms;
export const BASS_HIT_VOLTS_PEAK = 5;
export const BASS_HIT_LOAD_OHMS = 32;
export const bassHitAmps = BASS_HIT_VOLTS_PEAK / BASS_HIT_LOAD_OHMS;
export const alkalineSagVolts = bassHitAmps * alkalineOhms;
export const alkalineSagDb = 20 * Math.log10((twoNineVoltRailVolts - alkalineSagVolts - o2ShortOfRailVolts) / (twoNineVoltRailVolts - o2ShortOfRailVolts));
export const liIonSagVolts = bassHitAmps * BATTERY_MODELS['li-ion-18650'].internalOhms;
export const nimhRunDownDb = 20 * Math.log10(NIMH_EMPTY_VOLTS / NIMH_FULL_VOLTS);

/** The DC-blocking capacitor's high-pass corner into a low-impedance headphone: 1/(2πRC). */
export const blockingCornerHz = (ohms: number, farads: number): number => 1 / (2 * Math.PI * ohms * farads);
export const blockingExampleHz = blockingCornerHz(16, 220e-6);
