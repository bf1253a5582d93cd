// The circuit lab's decks in ngspice (WebAssembly): the `.ac`/`.op` deck lines, and the lab's four analyses of its
// stages against closed forms — a triode stage's gain at 1 kHz against µ·R/(R + rp + (µ + 1)·Rk) with µ and rp from
// Koren's equation at ngspice's own operating point, the coupling capacitor's corner against 1/(2π·C·(RL + Rout)),
// its harmonics against the memoryless model's, a follower's and an op-amp stage's gain against theirs.
import { beforeAll, describe, expect, it } from 'vitest';
import { predictedHarmonicLevels } from '../../src/dsp/analysis/harmonics';
import { KOREN_12AU7, KOREN_12AX7, korenOperatingPoint } from '../../src/dsp/circuits/koren';
import { transferVolts } from '../../src/dsp/circuits/triodeStage';
import { acSweepLine, analysisLine, inputSourceValue } from '../../src/spice/deck';
import { SpiceSimulator } from '../../src/spice/simulator';
import { LabNetlistError, capacitorsHeld, operatingPointDeck } from '../../src/components/lab/circuit/labDecks';
import { LAB_SAMPLE_RATE_HZ, type LabRunResult, type RunDeck, gainAt, runLab, simulationFromRuns } from '../../src/components/lab/circuit/labRun';
import { LAB_STAGES, type PartValues } from '../../src/components/lab/circuit/stages';
import { stageCircuit } from '../../src/components/lab/circuit/stageNetlists';
import type { KorenTriodeName } from '../../src/dsp/circuits/koren';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

/** An ngspice test's allowance: the four analyses take about a second alone, several on a busy machine. */
const SPICE_TEST_MS = 60_000;

const runDeck: RunDeck = async (deck) => ({ ...(await spice.run(deck.deck)), runMs: 0 });

const OP = { sourceName: 'Vin', operatingPoint: true } as const;

async function labRun(stageId: keyof typeof LAB_STAGES, values: PartValues, tube: KorenTriodeName, drivePeakVolts: number): Promise<LabRunResult> {
  const circuit = stageCircuit(stageId, { ...LAB_STAGES[stageId].defaults, ...values }, tube);
  return runLab({ circuit, drivePeakVolts }, runDeck);
}

const magnitude = (g: { re: number; im: number }) => Math.hypot(g.re, g.im);

describe('deck lines for the AC sweep and the operating point', () => {
  it('an AC sweep reads ".ac dec N from to" and drives its input with a 1 V small signal', () => {
    const spec = { sourceName: 'Vin', pointsPerDecade: 20, fromHz: 1, toHz: 100_000 };
    expect(acSweepLine(spec)).toBe('.ac dec 20 1 100000');
    expect(analysisLine(spec)).toBe('.ac dec 20 1 100000');
    expect(inputSourceValue(spec)).toBe('DC 0 AC 1');
  });
  it('an operating point reads ".op" with the input at 0 V', () => {
    expect(analysisLine(OP)).toBe('.op');
    expect(inputSourceValue(OP)).toBe('DC 0');
  });
  it('an AC sweep with no points or a backwards range is refused', () => {
    expect(() => acSweepLine({ sourceName: 'Vin', pointsPerDecade: 0, fromHz: 1, toHz: 10 })).toThrow();
    expect(() => acSweepLine({ sourceName: 'Vin', pointsPerDecade: 10, fromHz: 10, toHz: 1 })).toThrow();
  });
});

describe('the lab decks', () => {
  it('a capacitor is held at the voltage across it in the operating point', () => {
    const op = new Map([['v(p)', 170], ['v(k)', 1.2]]);
    expect(capacitorsHeld('Cout p out 2.2e-8\nCk k 0 1e-5\nRa bplus p 1e5', new Map([...op, ['v(out)', 0]]))).toBe(
      'VCout p out DC 170\nVCk k 0 DC 1.2\nRa bplus p 1e5',
    );
  });
  it('a netlist without an input source named Vin is refused in plain words', () => {
    expect(() => operatingPointDeck({ circuit: '* t\nR1 a 0 1k\n.end\n', drivePeakVolts: 1 })).toThrow(LabNetlistError);
  });
  it("a netlist ngspice can't parse fails with ngspice's own words", async () => {
    const circuit = '* broken\nVin in 0 DC 0\nR1 in out 1k\nQ1 out nowhere\n.end\n';
    await expect(runLab({ circuit, drivePeakVolts: 1 }, runDeck)).rejects.toThrow(/ngspice failed[\s\S]*q1/i);
  }, SPICE_TEST_MS);
});

describe('the common-cathode stage in the lab', () => {
  // Big coupling capacitors and a light load: at 1 kHz the stage is the textbook one, Ra ∥ RL on the plate.
  const wideBand = { cin: 10, cout: 10, rl: 10_000, rg: 1000, ck: 0 };
  for (const raKOhm of [47, 100, 220]) {
    it(`12AX7, Ra ${raKOhm} kΩ, Rk unbypassed: the gain at 1 kHz is µ·R/(R + rp + (µ + 1)·Rk) within 1 %`, async () => {
      const run = await labRun('triode', { ...wideBand, ra: raKOhm }, '12AX7', 0.1);
      const plate = run.operatingPoint.get('v(p)') ?? Number.NaN;
      const cathode = run.operatingPoint.get('v(k)') ?? Number.NaN;
      const { plateConductanceSiemens, transconductanceSiemens } = korenOperatingPoint(KOREN_12AX7, plate - cathode, -cathode);
      const rp = 1 / plateConductanceSiemens;
      const mu = transconductanceSiemens * rp;
      const r = 1 / (1 / (raKOhm * 1e3) + 1 / 10e6);
      const expected = (mu * r) / (r + rp + (mu + 1) * 1500);
      expect(magnitude(gainAt(run.simulation.ac, 1000)) / expected).toBeCloseTo(1, 2);
      const { input_V, output_V } = run.simulation.transfer;
      const mid = input_V.findIndex((v) => Math.abs(v) < 1e-12);
      const slope = ((output_V[mid + 1] ?? 0) - (output_V[mid - 1] ?? 0)) / ((input_V[mid + 1] ?? 0) - (input_V[mid - 1] ?? 0));
      expect(-slope / expected).toBeCloseTo(1, 2);
      expect(output_V[mid]).toBe(0);
    }, SPICE_TEST_MS);
  }
  it('Rk bypassed by 1000 µF: the gain at 1 kHz rises to µ·R/(R + rp)', async () => {
    const run = await labRun('triode', { ...wideBand, ck: 1000 }, '12AX7', 0.05);
    const plate = run.operatingPoint.get('v(p)') ?? Number.NaN;
    const cathode = run.operatingPoint.get('v(k)') ?? Number.NaN;
    const { plateConductanceSiemens, transconductanceSiemens } = korenOperatingPoint(KOREN_12AX7, plate - cathode, -cathode);
    const rp = 1 / plateConductanceSiemens;
    const mu = transconductanceSiemens * rp;
    const r = 1 / (1 / 100e3 + 1 / 10e6);
    expect(magnitude(gainAt(run.simulation.ac, 1000)) / ((mu * r) / (r + rp))).toBeCloseTo(1, 2);
  }, SPICE_TEST_MS);
  it('the output coupling capacitor sets a −3 dB corner at 1/(2π·Cout·(RL + Rout)) within 2 %', async () => {
    const coutFarads = 0.022e-6;
    const loadOhms = 220e3;
    const run = await labRun('triode', { cin: 10, rg: 1000, ck: 0, cout: coutFarads * 1e6, rl: loadOhms / 1e3 }, '12AX7', 0.1);
    const plate = run.operatingPoint.get('v(p)') ?? Number.NaN;
    const cathode = run.operatingPoint.get('v(k)') ?? Number.NaN;
    const { plateConductanceSiemens, transconductanceSiemens } = korenOperatingPoint(KOREN_12AX7, plate - cathode, -cathode);
    const rp = 1 / plateConductanceSiemens;
    const mu = transconductanceSiemens * rp;
    const rout = 1 / (1 / 100e3 + 1 / (rp + (mu + 1) * 1500));
    const cornerHz = 1 / (2 * Math.PI * coutFarads * (loadOhms + rout));
    const ac = run.simulation.ac;
    const midband = magnitude(gainAt(ac, 1000));
    expect(magnitude(gainAt(ac, cornerHz)) / midband).toBeCloseTo(Math.SQRT1_2, 2);
    expect(magnitude(gainAt(ac, cornerHz / 10)) / midband).toBeLessThan(0.11);
  }, SPICE_TEST_MS);
  it("the 1 kHz transient's 2nd and 3rd harmonics match the memoryless model's within 0.5 dB", async () => {
    const drive = 1;
    const run = await labRun('triode', wideBand, '12AX7', drive);
    const p = { tube: KOREN_12AX7, supplyVolts: 250, plateResistorOhms: 100e3, cathodeResistorOhms: 1500 };
    // RL = 10 MΩ loads the 100 kΩ plate by 1 %: the model's curve with Ra ∥ RL is the same shape to well under 0.1 dB.
    const model = predictedHarmonicLevels((x) => transferVolts(p, x), drive, 1000, LAB_SAMPLE_RATE_HZ, 2);
    const spiceDb = run.simulation.transient?.harmonics_dB ?? [];
    expect(spiceDb[0]).toBeGreaterThan(-60);
    expect(Math.abs((spiceDb[0] ?? 0) - (model.harmonicsDb[0] ?? 0))).toBeLessThan(0.5);
    expect(Math.abs((spiceDb[1] ?? 0) - (model.harmonicsDb[1] ?? 0))).toBeLessThan(0.5);
    const sim = simulationFromRuns('Your circuit', run);
    expect(sim.label).toBe('Your circuit');
    expect(sim.transient?.inputPeak_V).toBe(drive);
  }, SPICE_TEST_MS);
});

describe('the other stages in the lab', () => {
  it('the op-amp stage passes G·RL/(RL + Rbo) at 1 kHz, flat from 20 Hz to 20 kHz', async () => {
    const run = await labRun('opamp', { gain: 4, rail: 12, rbo: 10, rl: 32 }, '12AX7', 0.5);
    const ac = run.simulation.ac;
    // The loop's open-loop gain is 10³ and Rf is chosen for exactly G (feedbackOhms), so the pin is G·Vin.
    expect(magnitude(gainAt(ac, 1000))).toBeCloseTo((4 * 32) / 42, 3);
    expect(magnitude(gainAt(ac, 20)) / magnitude(gainAt(ac, 20_000))).toBeCloseTo(1, 6);
  }, SPICE_TEST_MS);
  it('the cathode follower gains just under 1 into 300 Ω: µ·RL′/(rp + (µ + 1)·RL′) with RL′ = Rk ∥ RL', async () => {
    const run = await labRun('follower', {}, '12AU7', 1);
    const cathode = run.operatingPoint.get('v(k)') ?? Number.NaN;
    const grid = run.operatingPoint.get('v(g)') ?? Number.NaN;
    const sections = 2;
    const point = korenOperatingPoint(KOREN_12AU7, 250 - cathode, grid - cathode);
    const rp = 1 / (sections * point.plateConductanceSiemens);
    const mu = point.transconductanceSiemens / point.plateConductanceSiemens;
    const rl = 1 / (1 / 4700 + 1 / 300);
    expect(magnitude(gainAt(run.simulation.ac, 1000)) / ((mu * rl) / (rp + (mu + 1) * rl))).toBeCloseTo(1, 2);
  }, SPICE_TEST_MS);
});

describe('the push-pull stage in the lab', () => {
  it('class AB at 20 mA into 32 Ω gains RL/(RL + (Re + Vt/Iq)/2): both halves conduct, each with its emitter resistance', async () => {
    const run = await labRun('pushpull', { rail: 12, bias: 20, re: 1, rl: 32 }, '12AX7', 0.1);
    const thermalVolts = (1.380649e-23 * 300) / 1.602176634e-19;
    const halfOhms = 1 + thermalVolts / 0.02;
    const expected = 32 / (32 + halfOhms / 2);
    expect(magnitude(gainAt(run.simulation.ac, 1000)) / expected).toBeCloseTo(1, 3);
    const { input_V, output_V } = run.simulation.transfer;
    expect(Math.min(...input_V)).toBeCloseTo(-0.2, 9);
    expect(Math.max(...output_V)).toBeLessThan(0.2);
  }, SPICE_TEST_MS);
});
