import { describe, expect, it } from 'vitest';
import {
  MAINS_FREQUENCIES_HZ,
  RECTIFIER_CAPACITANCE_RANGE_FARADS,
  RECTIFIER_DIODE_FORWARD_RANGE_VOLTS,
  RECTIFIER_DIODE_RESISTANCE_RANGE_OHMS,
  RECTIFIER_LOAD_RANGE_AMPS,
  RECTIFIER_SECONDARY_RANGE_VOLTS_RMS,
  RECTIFIER_SUPPLY_DEFAULTS,
  RECTIFIER_WINDING_RANGE_OHMS,
  harmonicVoltsRms,
  rectifierSupply,
  rippleEstimateVoltsPeakToPeak,
  type RectifierKind,
  type RectifierSupplyParams,
} from '../../src/dsp/circuits/rectifierSupply';

/** Ideal diodes apart from their fixed drop, and an ideal winding: the conditions the textbook formulas assume. */
function ideal(overrides: Partial<RectifierSupplyParams>): RectifierSupplyParams {
  return { ...RECTIFIER_SUPPLY_DEFAULTS, windingOhms: 0, diodeOhms: 0, ...overrides };
}

const pulses = (kind: RectifierKind) => (kind === 'half-wave' ? 1 : 2);
const drops = (kind: RectifierKind) => (kind === 'half-wave' ? 1 : 2);

/**
 * The ripple of an ideal peak detector worked out independently of the simulation: the capacitor follows
 * u(t) = Vpk·|sin ωt| − 2·Vd (half-wave: Vpk·sin ωt − Vd) up the rising side, leaves it after the crest where u′ = −I/C
 * (Vpk·ω·cos ωt = −I/C), ramps down at I/C, and meets u again at the next pulse; the trough is found by bisection.
 */
function idealRippleVoltsPeakToPeak(params: RectifierSupplyParams): number {
  const omega = 2 * Math.PI * params.mainsHz;
  const peakVolts = Math.SQRT2 * params.secondaryVoltsRms;
  const dropVolts = drops(params.rectifier) * params.diodeForwardVolts;
  const slope = params.loadAmps / params.capacitanceFarads;
  const sine = (t: number) => Math.sin(omega * t);
  const u = (t: number) =>
    peakVolts * (params.rectifier === 'half-wave' ? sine(t) : Math.abs(sine(t))) - dropVolts;
  const releaseSeconds = (Math.PI - Math.acos(slope / (peakVolts * omega))) / omega;
  const topVolts = u(releaseSeconds);
  const ramp = (t: number) => topVolts - slope * (t - releaseSeconds);
  // The next pulse starts at a zero of the sine (u below the ramp) and crests a quarter cycle later (u above it).
  let low = 1 / (pulses(params.rectifier) * params.mainsHz);
  let high = low + 0.25 / params.mainsHz;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (ramp(mid) > u(mid)) low = mid;
    else high = mid;
  }
  return topVolts - ramp(low);
}

/** Settings where the ripple is at most 1 % of the rail: the textbook formulas' own condition. */
function smallRippleGrid(kind: RectifierKind): RectifierSupplyParams[] {
  const grid: RectifierSupplyParams[] = [];
  for (const capacitanceFarads of [1e-3, 2.2e-3, 4.7e-3, 10e-3]) {
    for (const loadAmps of [0.01, 0.03, 0.1, 0.3, 1]) {
      for (const mainsHz of MAINS_FREQUENCIES_HZ) {
        for (const secondaryVoltsRms of [12, 24]) {
          const params = ideal({ rectifier: kind, capacitanceFarads, loadAmps, mainsHz, secondaryVoltsRms });
          const railVolts = Math.SQRT2 * secondaryVoltsRms - drops(kind) * params.diodeForwardVolts;
          if (loadAmps / (pulses(kind) * mainsHz * capacitanceFarads) <= 0.01 * railVolts) grid.push(params);
        }
      }
    }
  }
  return grid;
}

describe('rectifier supply: ripple against the closed forms', () => {
  it('REFERENCES §6 worked example: 100 mA into 2200 µF estimates 0.45 V full-wave at 50 Hz, 0.38 V at 60 Hz, 0.91 V half-wave', () => {
    const base = { ...RECTIFIER_SUPPLY_DEFAULTS, loadAmps: 0.1, capacitanceFarads: 2200e-6 };
    expect(rippleEstimateVoltsPeakToPeak({ ...base, mainsHz: 50 })).toBeCloseTo(0.1 / (2 * 50 * 2200e-6), 12);
    expect(rippleEstimateVoltsPeakToPeak({ ...base, mainsHz: 50 })).toBeCloseTo(0.45, 2);
    expect(rippleEstimateVoltsPeakToPeak({ ...base, mainsHz: 60 })).toBeCloseTo(0.38, 2);
    expect(rippleEstimateVoltsPeakToPeak({ ...base, rectifier: 'half-wave' })).toBeCloseTo(0.91, 2);
  });

  for (const kind of ['full-wave-bridge', 'half-wave'] as const) {
    const formula = kind === 'half-wave' ? 'I/(fC)' : 'I/(2fC)';
    it(`${kind}: wherever the ripple is ≤ 1 % of the rail, the simulated Vpp is within 5 % of ${formula}`, () => {
      const grid = smallRippleGrid(kind);
      expect(grid.length).toBeGreaterThan(20);
      for (const params of grid) {
        const estimate = params.loadAmps / (pulses(kind) * params.mainsHz * params.capacitanceFarads);
        const simulated = rectifierSupply(params, { periods: 1 }).rippleVoltsPeakToPeak;
        expect(Math.abs(simulated / estimate - 1)).toBeLessThan(0.05);
        expect(simulated).toBeLessThan(estimate);
      }
    });

    it(`${kind}: the simulated Vpp matches the ideal peak detector's ramp-and-catch-up solution within 0.1 %`, () => {
      for (const params of smallRippleGrid(kind)) {
        const simulated = rectifierSupply(params, { periods: 1 }).rippleVoltsPeakToPeak;
        expect(Math.abs(simulated / idealRippleVoltsPeakToPeak(params) - 1)).toBeLessThan(1e-3);
      }
    });

    it(`${kind}: the DC level is √2·Vrms − n·Vd − Vpp/2 within 1 % where the ripple is small`, () => {
      for (const params of smallRippleGrid(kind)) {
        const result = rectifierSupply(params, { periods: 1 });
        const expected =
          Math.SQRT2 * params.secondaryVoltsRms -
          drops(kind) * params.diodeForwardVolts -
          result.rippleVoltsPeakToPeak / 2;
        expect(Math.abs(result.dcVolts / expected - 1)).toBeLessThan(0.01);
      }
    });
  }
});

describe('rectifier supply: the ripple spectrum', () => {
  it('a bridge charges twice per mains cycle: the lines sit at 2f, 4f, … and nothing is left at f, 3f', () => {
    for (const mainsHz of MAINS_FREQUENCIES_HZ) {
      const result = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, mainsHz });
      expect(result.rippleFundamentalHz).toBe(2 * mainsHz);
      expect(result.rippleLines.map((line) => line.frequencyHz).slice(0, 3)).toEqual([
        2 * mainsHz,
        4 * mainsHz,
        6 * mainsHz,
      ]);
      const fundamental = result.rippleLines[0]?.voltsRms ?? 0;
      expect(harmonicVoltsRms(result.period, 1)).toBeLessThan(1e-9 * fundamental);
      expect(harmonicVoltsRms(result.period, 3)).toBeLessThan(1e-9 * fundamental);
    }
  });

  it('half-wave charges once per cycle: its largest line is at the mains frequency itself', () => {
    for (const mainsHz of MAINS_FREQUENCIES_HZ) {
      const result = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, rectifier: 'half-wave', mainsHz });
      expect(result.rippleFundamentalHz).toBe(mainsHz);
      const levels = result.rippleLines.map((line) => line.voltsRms);
      expect(result.rippleLines[0]?.frequencyHz).toBe(mainsHz);
      expect(levels[0]).toBe(Math.max(...levels));
    }
  });

  it('a small ripple is close to a sawtooth, whose k-th line is Vpp/(π·k·√2) rms: within 5 % for the first three', () => {
    const result = rectifierSupply(ideal({ capacitanceFarads: 10e-3, loadAmps: 0.1 }));
    result.rippleLines.slice(0, 3).forEach((line, index) => {
      const sawtooth = result.rippleVoltsPeakToPeak / (Math.PI * (index + 1) * Math.SQRT2);
      expect(Math.abs(line.voltsRms / sawtooth - 1)).toBeLessThan(0.05);
    });
  });

  it('the lines hold all the ripple: Σ lines² over 200 lines reaches the ripple rms² to within 0.1 %', () => {
    const result = rectifierSupply(RECTIFIER_SUPPLY_DEFAULTS, { lineCount: 200 });
    const power = result.rippleLines.reduce((sum, line) => sum + line.voltsRms ** 2, 0);
    expect(Math.abs(power / result.rippleVoltsRms ** 2 - 1)).toBeLessThan(1e-3);
  });
});

describe('rectifier supply: the sampled rail', () => {
  it('at 48 kHz the rail repeats every 960 samples (50 Hz) and holds the requested periods; its mean is the DC level', () => {
    const result = rectifierSupply(RECTIFIER_SUPPLY_DEFAULTS, { sampleRateHz: 48_000, periods: 4 });
    expect(result.railVolts.length).toBe(4 * 960);
    for (let n = 0; n < 960; n += 37) expect(result.railVolts[n + 960]).toBeCloseTo(result.railVolts[n] as number, 12);
    const mean = result.railVolts.reduce((sum, v) => sum + v, 0) / result.railVolts.length;
    expect(mean).toBeCloseTo(result.dcVolts, 3);
  });

  it('the sampled rail stays between the trough and the crest', () => {
    const result = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, mainsHz: 60 }, { sampleRateHz: 44_100 });
    for (const v of result.railVolts) {
      expect(v).toBeGreaterThanOrEqual(result.troughVolts - 1e-12);
      expect(v).toBeLessThanOrEqual(result.crestVolts + 1e-12);
    }
  });
});

describe('rectifier supply: resistance in the charging path', () => {
  it('winding and diode resistance lower the DC level, shrink the ripple a little and spread the charging over a longer time', () => {
    const stiff = rectifierSupply(ideal({}));
    const soft = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, windingOhms: 2 });
    expect(soft.dcVolts).toBeLessThan(stiff.dcVolts);
    expect(soft.rippleVoltsPeakToPeak).toBeLessThan(stiff.rippleVoltsPeakToPeak);
    expect(soft.conductionFraction).toBeGreaterThan(stiff.conductionFraction);
  });

  it('charge balance: the diodes deliver on average exactly the load current (mean of i_D = I)', () => {
    const params = { ...RECTIFIER_SUPPLY_DEFAULTS, windingOhms: 1 };
    const result = rectifierSupply(params);
    const volts = result.period.volts;
    const seriesOhms = params.windingOhms + 2 * params.diodeOhms;
    let sum = 0;
    for (let k = 0; k < volts.length; k++) {
      const u = Math.SQRT2 * params.secondaryVoltsRms * Math.abs(Math.sin((2 * Math.PI * k) / volts.length)) - 2 * params.diodeForwardVolts;
      sum += Math.max(0, u - (volts[k] as number)) / seriesOhms;
    }
    expect(sum / volts.length / params.loadAmps).toBeCloseTo(1, 3);
  });
});

describe('rectifier supply: every setting in range', () => {
  it('gives finite numbers and a rail ≥ 0 at every corner of the ranges, in a few ms each', () => {
    const started = performance.now();
    let runs = 0;
    for (const rectifier of ['half-wave', 'full-wave-bridge'] as const) {
      for (const secondaryVoltsRms of [RECTIFIER_SECONDARY_RANGE_VOLTS_RMS.min, RECTIFIER_SECONDARY_RANGE_VOLTS_RMS.max]) {
        for (const windingOhms of [RECTIFIER_WINDING_RANGE_OHMS.min, RECTIFIER_WINDING_RANGE_OHMS.max]) {
          for (const capacitanceFarads of [RECTIFIER_CAPACITANCE_RANGE_FARADS.min, RECTIFIER_CAPACITANCE_RANGE_FARADS.max]) {
            for (const loadAmps of [RECTIFIER_LOAD_RANGE_AMPS.min, RECTIFIER_LOAD_RANGE_AMPS.max]) {
              for (const mainsHz of MAINS_FREQUENCIES_HZ) {
                for (const diodeForwardVolts of [RECTIFIER_DIODE_FORWARD_RANGE_VOLTS.min, RECTIFIER_DIODE_FORWARD_RANGE_VOLTS.max]) {
                  const diodeOhms = RECTIFIER_DIODE_RESISTANCE_RANGE_OHMS.max;
                  const result = rectifierSupply(
                    { secondaryVoltsRms, windingOhms, rectifier, diodeForwardVolts, diodeOhms, capacitanceFarads, loadAmps, mainsHz },
                    { periods: 1, sampleRateHz: 8_000 },
                  );
                  runs++;
                  const numbers = [
                    result.dcVolts,
                    result.rippleVoltsPeakToPeak,
                    result.rippleVoltsRms,
                    result.conductionFraction,
                    result.peakDiodeAmps,
                    ...result.rippleLines.map((line) => line.voltsRms),
                  ];
                  for (const value of numbers) expect(Number.isFinite(value)).toBe(true);
                  expect(result.troughVolts).toBeGreaterThanOrEqual(0);
                  for (const v of result.railVolts) expect(Number.isFinite(v) && v >= 0).toBe(true);
                }
              }
            }
          }
        }
      }
    }
    expect((performance.now() - started) / runs).toBeLessThan(50);
  });

  it('rejects a non-positive capacitance or a negative load', () => {
    expect(() => rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, capacitanceFarads: 0 })).toThrow(RangeError);
    expect(() => rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, loadAmps: -0.1 })).toThrow(RangeError);
  });
});
