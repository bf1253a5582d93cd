// Figures the protection-and-turn-on lesson quotes, computed from the protection models (src/dsp/protection) and the
// headphone catalogue, so the prose, the tables, the widget and the questions can't disagree. Each is a plain number
// in the unit its name says.
import { couplingCapacitanceFor, couplingCornerHz, dcCurrentAmps, dcPowerWatts, equivalentBassSplDb, powerDbReMilliwatt } from '../dsp/protection/dcOffset';
import { bleedTimeConstantSeconds, connectedTimeConstantSeconds, relayDelayFor, relayReductionDb, stepAtConnectionVolts, TURN_ON_DEFAULTS, turnOnSummary, withoutRelay } from '../dsp/protection/turnOn';
import { cleanPeakVolts, cleanSinePowerWatts, crossoverOhms, limitedSine, NE5532_OUTPUT, shortCircuitDissipationWatts } from '../dsp/protection/currentLimit';
import { splFromVoltsRms } from '../dsp/matching/sensitivity';
import { headphoneFigures, k371 } from './portableVsDesktop';

/** The closed headphone the lesson uses (AKG K371), its nominal impedance taken as the coil's DC resistance. */
export const K371 = k371;
/** A sensitive multi-driver IEM (Campfire Andromeda). */
export const ANDROMEDA = headphoneFigures('campfire-andromeda');

/** Offsets the table lists, V: a good amplifier's few millivolts up to a failed one's volts. */
export const OFFSET_ROWS_VOLTS = [0.001, 0.01, 0.02, 0.05, 0.1, 0.5, 2] as const;
export const offsetRows = OFFSET_ROWS_VOLTS.map((volts) => ({
  volts,
  amps: dcCurrentAmps(volts, K371.loadOhms),
  watts: dcPowerWatts(volts, K371.loadOhms),
  dbReMilliwatt: powerDbReMilliwatt(dcPowerWatts(volts, K371.loadOhms)),
  bassSplDb: equivalentBassSplDb(volts, K371.sensitivityDbPerVolt),
}));

/** The builder's guide's limit (rockgrotto-dc-offset) and the forum's worked example (headfi-low-dc-offset). */
export const GOOD_OFFSET_VOLTS = 0.02;
export const FORUM_OFFSET_VOLTS = 0.1;
export const FORUM_LOAD_OHMS = 32;
export const forumWatts = dcPowerWatts(FORUM_OFFSET_VOLTS, FORUM_LOAD_OHMS);
/** A uPC1237 module's trip level (diyfan-upc1237): what a protection circuit lets through before it acts. */
export const PROTECTION_TRIP_VOLTS = 2;
export const tripWattsK371 = dcPowerWatts(PROTECTION_TRIP_VOLTS, K371.loadOhms);
export const goodOffsetBassSpl = equivalentBassSplDb(GOOD_OFFSET_VOLTS, K371.sensitivityDbPerVolt);
export const tripBassSpl = equivalentBassSplDb(PROTECTION_TRIP_VOLTS, K371.sensitivityDbPerVolt);

/** Coupling capacitors: the builder's 470 µF and a portable's 220 µF, into 32 Ω and 16 Ω. */
export const corner220At32 = couplingCornerHz(220e-6, 32);
export const corner220At16 = couplingCornerHz(220e-6, 16);
export const corner470At32 = couplingCornerHz(470e-6, 32);
/** The capacitor that keeps the corner at 5 Hz into 16 Ω, µF. */
export const BASS_CORNER_TARGET_HZ = 5;
export const microfaradsFor5HzAt16 = couplingCapacitanceFor(BASS_CORNER_TARGET_HZ, 16) * 1e6;

/** The turn-on example (the widget's defaults). */
export const turnOn = TURN_ON_DEFAULTS;
export const turnOnMicrofarads = turnOn.capacitanceFarads * 1e6;
export const noRelay = turnOnSummary(withoutRelay(turnOn));
export const withRelay = turnOnSummary(turnOn);
export const tauMs = connectedTimeConstantSeconds(turnOn) * 1000;
export const tauBleedSeconds = bleedTimeConstantSeconds(turnOn);
export const relayDb = relayReductionDb(turnOn);
export const delayFor1mV = relayDelayFor(turnOn, 1e-3);
export const tenKBleedLeftVolts = stepAtConnectionVolts({ ...turnOn, bleedOhms: 10_000 });
export const thumpBassSplK371 = equivalentBassSplDb(noRelay.peakVolts, K371.sensitivityDbPerVolt);

/** An NE5532 driving headphones directly: its typical short-circuit current and swing. */
export const ne5532 = NE5532_OUTPUT;
export const ne5532Milliamps = NE5532_OUTPUT.currentLimitAmps * 1000;
export const ne5532Crossover = crossoverOhms(NE5532_OUTPUT);
export const ne5532ShortWatts = shortCircuitDissipationWatts(NE5532_OUTPUT, 15);
export const peakInto16 = cleanPeakVolts(NE5532_OUTPUT, 16);
export const peakInto300 = cleanPeakVolts(NE5532_OUTPUT, 300);
export const wattsInto16 = cleanSinePowerWatts(NE5532_OUTPUT, 16);
export const andromedaPeak = cleanPeakVolts(NE5532_OUTPUT, ANDROMEDA.loadOhms);
export const andromedaMaxSpl = splFromVoltsRms(ANDROMEDA.sensitivityDbPerVolt, andromedaPeak / Math.SQRT2);
export const k371Peak = cleanPeakVolts(NE5532_OUTPUT, K371.loadOhms);
export const k371MaxSpl = splFromVoltsRms(K371.sensitivityDbPerVolt, k371Peak / Math.SQRT2);

/** Figure: a 1 V peak, 1 kHz sine asked of an NE5532 into 16 Ω, 2 ms. */
export const CLIP_DEMAND_VOLTS = 1;
const clipped = limitedSine(NE5532_OUTPUT, 16, CLIP_DEMAND_VOLTS, 1000, 48_000, 0.002);
export const clipDemandPoints = Array.from(clipped.demand, (y, n) => ({ x: n / 48, y }));
export const clipLoadPoints = Array.from(clipped.load, (y, n) => ({ x: n / 48, y }));

/** Figure: the turn-on thump with and without the relay, in dBV, over six time constants after connection. */
const dbv = (v: number) => Math.max(-80, 20 * Math.log10(v));
export const thumpPoints = (peakVolts: number) =>
  Array.from({ length: 61 }, (_, i) => {
    const ms = (6 * tauMs * i) / 60;
    return { x: ms, y: dbv(peakVolts * Math.exp(-ms / tauMs)) };
  });
