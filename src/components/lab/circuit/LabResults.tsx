// What one Run of the circuit lab found, loaded with the engine on the first Run: the gain at 1 kHz, the operating
// point, the transfer curve, the AC gain and phase, the 1 kHz waveform and its harmonics — the reader's circuit
// solid, the stage's unedited original dashed — and the decks that ran. The listening panel mounts here too.
import { formatDb, formatFixed, formatNumber } from '../../format';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { HarmonicsPlot } from '../../plots/HarmonicsPlot';
import { type PlotPoint, type Series, XYPlot } from '../../plots/XYPlot';
import { AUDIO_BAND_HZ, AUDIO_FREQUENCY_TICKS_HZ, formatFrequencyTick } from '../../plots/ticks';
import { CircuitListen } from './CircuitListen';
import type { LabRunResult } from './labRun';
import type { CircuitSimulation } from './simulation';

export interface LabGain {
  /** |output/input| at 1 kHz, V/V. */
  readonly magnitude: number;
  readonly phaseDegrees: number;
}

export interface LabResultsProps {
  readonly idPrefix: string;
  readonly edited: LabRunResult;
  readonly original: LabRunResult;
  readonly editedGain: LabGain;
  readonly originalGain: LabGain;
  /** What the listening panel takes: the reader's circuit and the unedited stage. */
  readonly simulations: { readonly original: CircuitSimulation; readonly edited: CircuitSimulation };
  readonly operatingPointNames: readonly { readonly vector: string; readonly label: string }[];
  /** The circuit has changed since this run. */
  readonly stale?: boolean;
}

type Points = readonly PlotPoint[];
/** The reader's curve and, when the circuit was edited, the original's. */
interface CurvePair {
  readonly mine: Points;
  readonly theirs: Points | null;
}

const HARMONIC_FLOOR_DB = -120;
const toDb = (magnitude: number) => 20 * Math.log10(magnitude);
const gainWords = (gain: LabGain) => `${formatDb(toDb(gain.magnitude))} (${formatNumber(gain.magnitude, 3)} V/V)`;
const inBand = (f: number) => f >= AUDIO_BAND_HZ[0] * 0.9 && f <= AUDIO_BAND_HZ[1] * 1.1;

function responsePoints(sim: CircuitSimulation, of: (re: number, im: number) => number) {
  return sim.ac.frequency_Hz.flatMap((x, i) => (inBand(x) ? [{ x, y: of(sim.ac.gainRe[i] ?? 0, sim.ac.gainIm[i] ?? 0) }] : []));
}

const levelDb = (re: number, im: number) => toDb(Math.hypot(re, im));
const phaseDegrees = (re: number, im: number) => (Math.atan2(im, re) * 180) / Math.PI;

function operatingPointRows(op: ReadonlyMap<string, number>, names: LabResultsProps['operatingPointNames']) {
  const named = new Map(names.map(({ vector, label }) => [vector, label]));
  return [...op.entries()]
    .filter(([name]) => (name.startsWith('v(') || name.startsWith('i(v')) && !name.includes('#') && name !== 'v(e1)')
    .map(([name, value]) => {
      const isCurrent = name.startsWith('i(');
      return {
        name,
        raw: value,
        label: named.get(name) ?? (isCurrent ? `Current through ${name.slice(2, -1)}` : `Node ${name.slice(2, -1)}`),
        value: isCurrent ? `${formatNumber(value * 1e3, 3)} mA` : `${formatNumber(value, 4)} V`,
      };
    });
}

/** The transfer curve's slope at 0 V in, by central difference over the sweep's points either side. */
function slopeAtZero({ input_V, output_V }: CircuitSimulation['transfer']): number {
  let mid = 0;
  for (let i = 1; i < input_V.length; i++) if (Math.abs(input_V[i] ?? Infinity) < Math.abs(input_V[mid] ?? Infinity)) mid = i;
  const lo = Math.max(0, mid - 1);
  const hi = Math.min(input_V.length - 1, mid + 1);
  return ((output_V[hi] ?? 0) - (output_V[lo] ?? 0)) / ((input_V[hi] ?? 0) - (input_V[lo] ?? 1));
}

const deckHref = (deck: string) => `data:text/plain;charset=utf-8,${encodeURIComponent(deck)}`;

export function LabResults({ idPrefix, edited, original, editedGain, originalGain, simulations, operatingPointNames, stale }: LabResultsProps) {
  const editedSim = simulations.edited;
  const originalSim = simulations.original;
  const same = edited === original;
  const transferSeries = (sim: CircuitSimulation) => sim.transfer.input_V.map((x, i) => ({ x, y: sim.transfer.output_V[i] ?? 0 }));
  const peakIn = Math.max(...editedSim.transfer.input_V.map(Math.abs));
  const swing = Math.max(...editedSim.transfer.output_V) - Math.min(...editedSim.transfer.output_V);
  const slope = slopeAtZero(editedSim.transfer);
  const h2 = editedSim.transient?.harmonics_dB[0];
  const h3 = editedSim.transient?.harmonics_dB[1];
  const withOriginal = (mine: Points, theirs: Points): CurvePair => ({ mine, theirs: same ? null : theirs });
  const transfer = withOriginal(transferSeries(editedSim), transferSeries(originalSim));
  const level = withOriginal(responsePoints(editedSim, levelDb), responsePoints(originalSim, levelDb));
  const phase = withOriginal(responsePoints(editedSim, phaseDegrees), responsePoints(originalSim, phaseDegrees));
  const series = (pair: CurvePair): Series[] => [
    { id: 'edited', label: 'Your circuit (SPICE)', points: pair.mine, color: 'a' },
    ...(pair.theirs === null ? [] : [{ id: 'original', label: `${originalSim.label} (SPICE)`, points: pair.theirs, color: 'b', dashed: true } satisfies Series]),
  ];
  const opRows = operatingPointRows(edited.operatingPoint, operatingPointNames);
  return (
    <section class="circuit-lab-results" aria-labelledby={`${idPrefix}-results-title`} data-lab="results" data-stale={stale ? 'true' : 'false'}>
      <h2 id={`${idPrefix}-results-title`}>What SPICE found</h2>
      {stale && <p class="circuit-lab-note" data-lab="stale">You changed the circuit since this run: these are the results for the circuit as it was. Press Run again.</p>}
      <p class="circuit-lab-gain" data-lab="gain" data-gain-db={formatFixed(toDb(editedGain.magnitude), 3)} data-gain={editedGain.magnitude}>
        Gain at 1 kHz: <strong>{gainWords(editedGain)}</strong>, phase {formatFixed(editedGain.phaseDegrees, 0)}°
        {Math.abs(Math.abs(editedGain.phaseDegrees) - 180) < 45 ? ' (the stage inverts)' : ''}.
        {!same && ` The original: ${gainWords(originalGain)}.`}
      </p>

      <section class="table-scroll" tabindex={0} aria-label="Operating point">
        <table class="circuit-lab-op" data-lab="operating-point">
          <caption>Operating point (no signal), from ngspice's .op</caption>
          <thead><tr><th scope="col">Where</th><th scope="col">Vector</th><th scope="col">Value</th></tr></thead>
          <tbody>
            {opRows.map((row) => (
              <tr key={row.name} data-vector={row.name} data-value={row.raw}><th scope="row">{row.label}</th><td><code>{row.name}</code></td><td>{row.value}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <div data-lab="transfer" data-slope={slope} data-swing={swing}>
        <XYPlot
          id={`${idPrefix}-transfer`}
          title="Figure 1. Transfer curve (DC sweep, capacitors held at their idle voltages)"
          summary={`Over ±${formatNumber(peakIn, 3)} V at the input the output swings ${formatNumber(swing, 3)} V in all; at the idle point its slope is ${formatNumber(slope, 3)} V/V.`}
          series={series(transfer)}
          xLabel="Input (V)"
          yLabel="Output change (V)"
          xScale="linear"
          xDomain={[-peakIn, peakIn]}
          yInclude={[0]}
        />
      </div>
      <FrequencyResponsePlot
        id={`${idPrefix}-ac`}
        title="Figure 2. Gain against frequency (AC sweep)"
        summary={`Gain at 1 kHz ${gainWords(editedGain)}; ${formatDb(toDb(Math.hypot(editedSim.ac.gainRe[0] ?? 0, editedSim.ac.gainIm[0] ?? 0)))} at ${formatNumber(editedSim.ac.frequency_Hz[0] ?? 0, 3)} Hz.`}
        series={series(level)}
        yLabel="Gain (dB)"
      />
      <XYPlot
        id={`${idPrefix}-phase`}
        title="Figure 3. Phase against frequency (AC sweep)"
        summary={`Phase at 1 kHz ${formatFixed(editedGain.phaseDegrees, 0)}°.`}
        series={series(phase)}
        xLabel="Frequency (Hz)"
        yLabel="Phase (°)"
        xScale="log"
        xDomain={AUDIO_BAND_HZ}
        xTicks={AUDIO_FREQUENCY_TICKS_HZ}
        formatXTick={formatFrequencyTick}
        minYSpan={10}
      />
      <XYPlot
        id={`${idPrefix}-waveform`}
        title="Figure 4. The output over one period of the 1 kHz test sine (transient, last period)"
        summary={`The output's swing about its idle value over the last of ${16} periods.`}
        series={[{ id: 'edited', label: 'Your circuit (SPICE)', points: edited.waveform.timeSeconds.map((t, i) => ({ x: t * 1e3, y: edited.waveform.acVolts[i] ?? 0 })) }]}
        xLabel="Time (ms)"
        yLabel="Output change (V)"
        xScale="linear"
        xDomain={[0, 1]}
        yInclude={[0]}
      />
      <HarmonicsPlot
        id={`${idPrefix}-harmonics`}
        title="Figure 5. Harmonics of the 1 kHz test sine (transient)"
        summary={
          h2 === undefined || h3 === undefined
            ? 'No transient.'
            : `2nd harmonic ${formatDb(h2)}, 3rd ${formatDb(h3)} relative to the fundamental.`
        }
        levelsDb={(editedSim.transient?.harmonics_dB ?? []).map((db) => Math.max(db, HARMONIC_FLOOR_DB))}
        floorDb={HARMONIC_FLOOR_DB}
        {...(same || originalSim.transient === null
          ? {}
          : { comparison: { label: originalSim.label, levelsDb: originalSim.transient.harmonics_dB.map((db) => Math.max(db, HARMONIC_FLOOR_DB)), mainLabel: 'Your circuit' } })}
      />

      <div class="circuit-lab-listen">
        <CircuitListen original={originalSim} edited={editedSim} idPrefix={`${idPrefix}-listen`} />
      </div>

      <h3>The decks that ran</h3>
      <ul class="circuit-lab-decks">
        {edited.decks.map((deck) => (
          <li key={deck.id}>
            <a href={deckHref(deck.deck)} download={`amp-lab-circuit-${deck.id}.cir`}>Download netlist (.cir): {deck.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
