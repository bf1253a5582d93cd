// The SPICE plumbing itself: deck text (src/spice/deck.ts) and the WebAssembly ngspice runner
// (src/spice/simulator.ts) on circuits whose answer is a closed form, and on decks that must fail loudly.
import { beforeAll, describe, expect, it } from 'vitest';
import { dcSweepLine, spiceDeck, spiceNumber, symmetricSweep } from '../../src/spice/deck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const divider = (r1Ohms: number, r2Ohms: number, sweepLine: string) =>
  spiceDeck('Divider', 'Two resistors', ['Vin in 0 DC 0', `R1 in out ${r1Ohms}`, `R2 out 0 ${r2Ohms}`, sweepLine]);

describe('deck text', () => {
  it('a sweep of n steps from -a to a steps by 2a/n', () => {
    expect(dcSweepLine(symmetricSweep('Vin', 2, 8))).toBe('.dc Vin -2 2 0.5');
  });

  it('refuses a sweep without a whole number of steps, and numbers SPICE cannot read', () => {
    expect(() => dcSweepLine({ sourceName: 'V1', fromVolts: 0, toVolts: 1, steps: 0 })).toThrow(/whole number/);
    expect(() => dcSweepLine({ sourceName: 'V1', fromVolts: 0, toVolts: 1, steps: 2.5 })).toThrow(/whole number/);
    expect(() => spiceNumber(Number.NaN)).toThrow();
    expect(() => spiceNumber(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('is plain ASCII, and says which character is not (the WebAssembly ngspice hangs on one in the title)', () => {
    expect(() => spiceDeck('2 × 12AU7', '', [])).toThrow(/"×"/);
    expect(() => spiceDeck('ok', 'Ebers–Moll', [])).toThrow(/"–"/);
    const deck = spiceDeck('ok', 'line one\nline two', ['R1 a 0 1']);
    expect(deck.split('\n')).toEqual(['* ok', '* line one', '* line two', '', 'R1 a 0 1', '.end', '']);
  });
});

describe('the WebAssembly ngspice', () => {
  it('gives a divider’s output as Vin·R2/(R1 + R2) at every point of a sweep', async () => {
    const { sweep, vectors } = await spice.dcSweep(divider(1000, 3000, '.dc Vin -4 4 0.5'), ['v(out)', 'i(vin)']);
    expect(sweep).toHaveLength(17);
    sweep.forEach((vin, i) => {
      expect(vectors['v(out)']?.[i]).toBeCloseTo((vin * 3000) / 4000, 9);
      // The current into the source's + terminal: −Vin/(R1 + R2).
      expect(vectors['i(vin)']?.[i]).toBeCloseTo(-vin / 4000, 12);
    });
  });

  it('runs one deck after another, each with its own values', async () => {
    const [a, b] = await Promise.all([
      spice.dcSweep(divider(1000, 1000, '.dc Vin 0 2 1'), ['v(out)']),
      spice.dcSweep(divider(3000, 1000, '.dc Vin 0 2 1'), ['v(out)']),
    ]);
    expect(a.vectors['v(out)']).toEqual([0, 0.5, 1].map((v) => expect.closeTo(v, 9)));
    expect(b.vectors['v(out)']).toEqual([0, 0.25, 0.5].map((v) => expect.closeTo(v, 9)));
  });

  it('fails with ngspice’s own message when the sweep names a source the deck lacks', async () => {
    await expect(spice.dcSweep(divider(1000, 1000, '.dc V9 0 1 0.5'), ['v(out)'])).rejects.toThrow(/ngspice failed[\s\S]*v9/i);
  });

  it('names the vectors it has when asked for one it lacks', async () => {
    await expect(spice.dcSweep(divider(1000, 1000, '.dc Vin 0 1 0.5'), ['v(nowhere)'])).rejects.toThrow(/no vector "v\(nowhere\)".*v\(out\)/);
  });

  it('refuses a deck without a .dc line before running it', async () => {
    await expect(spice.dcSweep(spiceDeck('x', '', ['R1 a 0 1']), ['v(a)'])).rejects.toThrow(/no \.dc line/);
  });

  it('still runs a good deck after a failed one', async () => {
    await expect(spice.dcSweep(divider(1000, 1000, '.dc V9 0 1 0.5'), ['v(out)'])).rejects.toThrow();
    const { vectors } = await spice.dcSweep(divider(1000, 1000, '.dc Vin 0 1 1'), ['v(out)']);
    expect(vectors['v(out)']?.[1]).toBeCloseTo(0.5, 9);
  });
});
