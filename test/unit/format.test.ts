// Display formatters shared by plots, schematics and widgets: digits, SI prefixes, units, signs and missing values.
// Leaves out where each text appears (covered by the plot and schematic tests).
import { describe, expect, it } from 'vitest';
import {
  MINUS,
  NO_VALUE,
  formatDb,
  formatFarads,
  formatFixed,
  formatHenries,
  formatHz,
  formatNumber,
  formatOhms,
  formatSigned,
  formatVolts,
  formatWatts,
  formatAmps,
  formatLevelDb,
  formatPercent,
  snapToZero,
  LEVEL_FLOOR_DB,
  PERCENT_FLOOR,
} from '../../src/components/format';

const MINUS_SIGN = '\u2212';
const MICRO_SIGN = '\u00b5';
const OMEGA = '\u03a9';

describe('signs and missing values', () => {
  it('uses the typographic minus U+2212, not the hyphen-minus', () => {
    expect(MINUS).toBe(MINUS_SIGN);
    expect(formatFixed(-1.5, 1)).toBe(`${MINUS_SIGN}1.5`);
    expect(formatOhms(-47)).toBe(`${MINUS_SIGN}47 ${OMEGA}`);
    expect(formatVolts(-2.5)).toBe(`${MINUS_SIGN}2.50 V`);
    for (const text of [formatFixed(-1, 0), formatNumber(-0.5), formatDb(-3), formatHz(-50), formatVolts(-0.05)]) {
      expect(text).not.toContain('-');
    }
  });

  it('never writes a negative zero', () => {
    expect(formatFixed(-0.04, 1)).toBe('0.0');
    expect(formatSigned(-0.04, 1)).toBe('0.0');
    expect(formatFixed(-0, 2)).toBe('0.00');
  });

  it('writes an explicit plus only where asked', () => {
    expect(formatSigned(1.1, 1)).toBe('+1.1');
    expect(formatSigned(-0.4, 1)).toBe(`${MINUS_SIGN}0.4`);
    expect(formatFixed(1.1, 1)).toBe('1.1');
  });

  it('shows a dash for NaN and never prints "NaN" or "Infinity"', () => {
    const formatters = [formatOhms, formatHz, formatHenries, formatFarads, formatVolts, formatDb, formatNumber];
    for (const format of formatters) {
      expect(format(Number.NaN)).toBe(NO_VALUE);
      for (const value of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(format(value)).not.toMatch(/NaN|Infinity/);
      }
    }
    expect(formatFixed(Number.NaN, 1)).toBe(NO_VALUE);
    expect(formatSigned(Number.NaN, 1)).toBe(NO_VALUE);
  });

  it('writes an infinite resistance or level as ∞ with its unit, and unbounded component values as a dash', () => {
    expect(formatOhms(Number.POSITIVE_INFINITY)).toBe(`∞ ${OMEGA}`);
    expect(formatDb(Number.NEGATIVE_INFINITY)).toBe(`${MINUS_SIGN}∞ dB`);
    expect(formatHenries(Number.POSITIVE_INFINITY)).toBe(NO_VALUE);
    expect(formatFarads(Number.POSITIVE_INFINITY)).toBe(NO_VALUE);
    expect(formatVolts(Number.POSITIVE_INFINITY)).toBe(NO_VALUE);
  });
});

describe('formatNumber', () => {
  it('keeps the requested significant digits and drops trailing zeros', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(2349.7)).toBe('2350');
    expect(formatNumber(0.123, 2)).toBe('0.12');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatDb', () => {
  it('signs positive levels with a plus', () => {
    expect(formatDb(1.1)).toBe('+1.1 dB');
  });
  it('signs negative levels with a real minus sign (U+2212)', () => {
    const text = formatDb(-0.4);
    expect(text).toBe(`${MINUS_SIGN}0.4 dB`);
    expect(text.codePointAt(0)).toBe(0x2212);
  });
  it('writes zero, and values that round to zero, without a sign', () => {
    expect(formatDb(0)).toBe('0.0 dB');
    expect(formatDb(-0.04)).toBe('0.0 dB');
    expect(formatDb(0.04)).toBe('0.0 dB');
  });
  it('honours the number of digits', () => {
    expect(formatDb(-3.0103, 2)).toBe(`${MINUS_SIGN}3.01 dB`);
    expect(formatDb(6.0206, 0)).toBe('+6 dB');
  });
});

describe('formatHz', () => {
  it('writes frequencies from 10 Hz to 1 kHz in whole hertz', () => {
    expect(formatHz(90)).toBe('90 Hz');
    expect(formatHz(123.4)).toBe('123 Hz');
  });
  it('keeps one decimal below 10 Hz', () => {
    expect(formatHz(5.5)).toBe('5.5 Hz');
  });
  it('switches to kilohertz with one decimal below 10 kHz and none above', () => {
    expect(formatHz(1200)).toBe('1.2 kHz');
    expect(formatHz(2500)).toBe('2.5 kHz');
    expect(formatHz(1000)).toBe('1 kHz');
    expect(formatHz(12345)).toBe('12 kHz');
    expect(formatHz(20000)).toBe('20 kHz');
  });
  it('moves to kilohertz when rounding reaches 1000 Hz', () => {
    expect(formatHz(999.6)).toBe('1 kHz');
  });
});

describe('formatOhms', () => {
  it('writes zero as a plain 0', () => {
    expect(formatOhms(0)).toBe(`0 ${OMEGA}`);
  });
  it('writes resistances below 1 Ω with two significant digits', () => {
    expect(formatOhms(0.5)).toBe(`0.5 ${OMEGA}`);
    expect(formatOhms(0.05)).toBe(`0.05 ${OMEGA}`);
    expect(formatOhms(0.123)).toBe(`0.12 ${OMEGA}`);
  });
  it('keeps one decimal below 100 Ω, so half-ohm settings read as set, and no needless zero', () => {
    expect(formatOhms(4.7)).toBe(`4.7 ${OMEGA}`);
    expect(formatOhms(33)).toBe(`33 ${OMEGA}`);
    expect(formatOhms(32.5)).toBe(`32.5 ${OMEGA}`);
    expect(formatOhms(33.5)).toBe(`33.5 ${OMEGA}`);
    expect(formatOhms(47.26)).toBe(`47.3 ${OMEGA}`);
  });
  it('writes hundreds of ohms as whole numbers', () => {
    expect(formatOhms(520.4)).toBe(`520 ${OMEGA}`);
    expect(formatOhms(120)).toBe(`120 ${OMEGA}`);
  });
  it('uses kilo- and megaohms from 1000 Ω, also when rounding reaches 1000', () => {
    expect(formatOhms(1200)).toBe(`1.2 k${OMEGA}`);
    expect(formatOhms(1500)).toBe(`1.5 k${OMEGA}`);
    expect(formatOhms(47000)).toBe(`47 k${OMEGA}`);
    expect(formatOhms(999.7)).toBe(`1 k${OMEGA}`);
    expect(formatOhms(1e6)).toBe(`1 M${OMEGA}`);
    expect(formatOhms(2.2e6)).toBe(`2.2 M${OMEGA}`);
  });
  it('uses the Greek capital omega', () => {
    expect(formatOhms(33).endsWith('\u03A9')).toBe(true);
  });
});

describe('component values', () => {
  it('write inductances with three significant digits and the micro sign (U+00B5)', () => {
    expect(formatHenries(2e-4)).toBe('0.20 mH');
    expect(formatHenries(0.0123)).toBe('12.3 mH');
    expect(formatHenries(5e-5)).toBe(`50 ${MICRO_SIGN}H`);
    expect(formatHenries(1.2)).toBe('1.2 H');
    expect(formatHenries(0.9996)).toBe('1 H');
  });
  it('write capacitances from picofarads to millifarads', () => {
    expect(formatFarads(3.3e-4)).toBe(`330 ${MICRO_SIGN}F`);
    expect(formatFarads(4.7e-9)).toBe('4.7 nF');
    expect(formatFarads(2.2e-3)).toBe('2.2 mF');
    expect(formatFarads(100e-12)).toBe('100 pF');
  });
  it('write voltages with two decimals from 0.1 V and in millivolts below', () => {
    expect(formatVolts(1)).toBe('1.00 V');
    expect(formatVolts(490 / 523)).toBe('0.94 V');
    expect(formatVolts(0.05)).toBe('50 mV');
    expect(formatVolts(0)).toBe('0 V');
  });
});

describe('formatWatts and formatAmps', () => {
  it('write powers with prefixes and three significant digits', () => {
    expect(formatWatts(0.0167)).toBe('16.7 mW');
    expect(formatWatts(1.31)).toBe('1.31 W');
    expect(formatWatts(1.67e-5)).toBe('16.7 \u00b5W');
    expect(formatWatts(0.9996)).toBe('1 W');
  });

  it('write currents with prefixes and three significant digits', () => {
    expect(formatAmps(0.1655)).toBe('166 mA');
    expect(formatAmps(2.36e-4)).toBe('236 \u00b5A');
    expect(formatAmps(1.2)).toBe('1.2 A');
  });
});

describe('values below what the models resolve', () => {
  it('a THD of 2.1e−14 % (an empty spectrum) reads "< 0.0001 %", not "0.000000000000021 %"', () => {
    expect(PERCENT_FLOOR).toBe(1e-4);
    expect(formatPercent(2.1e-14)).toBe('< 0.0001 %');
    expect(formatPercent(0)).toBe('< 0.0001 %');
    expect(formatPercent(0.0016)).toBe('0.0016 %');
    expect(formatPercent(2.44)).toBe('2.4 %');
  });

  it('a level below −140 dB reads "below −140 dB"; above it, a signed level', () => {
    expect(LEVEL_FLOOR_DB).toBe(-140);
    expect(formatLevelDb(-300)).toBe(`below ${MINUS_SIGN}140 dB`);
    expect(formatLevelDb(Number.NEGATIVE_INFINITY)).toBe(`below ${MINUS_SIGN}140 dB`);
    expect(formatLevelDb(-62.24)).toBe(`${MINUS_SIGN}62.2 dB`);
  });

  it('−1e−14 below a 1 nA resolution is 0; 2 mA is kept', () => {
    expect(snapToZero(-1e-14, 1e-9)).toBe(0);
    expect(snapToZero(0.002, 1e-9)).toBe(0.002);
  });
});
