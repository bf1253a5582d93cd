// The circuit lab's "Hear it": the unedited stage (A) and the reader's (B), each heard through its approximation —
// the DC transfer curve as a waveshaper, then the AC response fitted as a filter — loudness-matched, with ABX and
// downloads from the shared Listen panel; a drive control; and what the approximation leaves out, shown as the
// harmonics of a 1 kHz sine through it beside SPICE's full transient. The fit and the tables load on first use.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Slider } from '../../controls/Slider';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { formatDb, formatFixed, formatHz, formatSigned, formatVolts } from '../../format';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { CHUNK_LOAD_MESSAGE, retryingImport } from '../../../lib/retryImport';
import { focusableWhenScrolling } from '../../../lib/scrollableFocus';
import type { CircuitSimulation } from './simulation';
import './circuitListen.css';

export interface CircuitListenProps {
  original: CircuitSimulation;
  edited: CircuitSimulation;
  /** Prefix for element ids (one panel per page needs none). */
  idPrefix?: string;
}

type CircuitAudio = typeof import('./audio');
const loadCircuitAudio = retryingImport((): Promise<CircuitAudio> => import('./audio'));

/** The drive control, dB relative to the largest drive both DC sweeps cover. */
export const DRIVE_RANGE_DB = { min: -40, max: 0, step: 0.5 } as const;
/** The drive when neither simulation has a transient to start from, dB re the largest. */
const DRIVE_FALLBACK_DB = -12;
/** Harmonics below this are beneath what the simulations resolve: shown as such, their difference not stated. */
export const HARMONIC_FLOOR_DB = -120;
const HARMONIC_NAMES = ['2nd', '3rd', '4th', '5th'] as const;

/** The largest input both DC sweeps cover, volts (the same as the audio module's, without loading it). */
function sweepHalfWidthVolts(simulation: CircuitSimulation): number {
  const inputs = simulation.transfer.input_V;
  return Math.min(-(inputs[0] ?? 0), inputs[inputs.length - 1] ?? 0);
}

/** A small number per simulation object, so the panel's settings key changes whenever a simulation does. */
const simulationIds = new WeakMap<CircuitSimulation, number>();
let nextSimulationId = 1;
function simulationId(simulation: CircuitSimulation): number {
  let id = simulationIds.get(simulation);
  if (id === undefined) {
    id = nextSimulationId++;
    simulationIds.set(simulation, id);
  }
  return id;
}

/** The drive to start at: the level of SPICE's transient of the original stage, so what is heard is what is compared. */
function defaultDriveDb(original: CircuitSimulation, maxDriveVolts: number): number {
  const peak = original.transient?.inputPeak_V;
  if (!(peak !== undefined && peak > 0 && maxDriveVolts > 0)) return DRIVE_FALLBACK_DB;
  const db = Math.round((20 * Math.log10(peak / maxDriveVolts)) / DRIVE_RANGE_DB.step) * DRIVE_RANGE_DB.step;
  return Math.min(DRIVE_RANGE_DB.max, Math.max(DRIVE_RANGE_DB.min, db));
}

interface Comparison {
  readonly inputPeakVolts: number;
  readonly frequencyHz: number;
  readonly approximationDb: readonly number[] | null;
  readonly spiceDb: readonly number[];
  readonly fitText: string;
  readonly hasShelf: boolean;
}

const levelText = (db: number | undefined): string =>
  db === undefined || !Number.isFinite(db) ? '—' : db < HARMONIC_FLOOR_DB ? `below ${formatFixed(HARMONIC_FLOOR_DB, 0)} dB` : formatDb(db);

function differenceText(approximationDb: number | undefined, spiceDb: number | undefined): string {
  if (approximationDb === undefined || spiceDb === undefined || !Number.isFinite(approximationDb) || !Number.isFinite(spiceDb)) return '—';
  if (approximationDb < HARMONIC_FLOOR_DB && spiceDb < HARMONIC_FLOOR_DB) return 'both below the floor';
  return `${formatSigned(approximationDb - spiceDb, 1)} dB`;
}

/** One sentence on memory, naming only what this circuit has. */
function memoryText(simulation: CircuitSimulation, hasShelf: boolean): string {
  const memory = simulation.memory ?? {};
  const effects = [
    memory.couplingBiasShift ? 'a coupling capacitor that loud transients charge, shifting the bias for a while afterwards' : null,
    memory.bypassedBias || hasShelf ? 'a bypass capacitor that lets the bias drift with the average current' : null,
    memory.supplySag ? 'a supply that sags as the current drawn rises' : null,
  ].filter((effect): effect is string => effect !== null);
  if (effects.length === 0) {
    return 'A static curve plus a filter can’t capture how a circuit’s state depends on its recent past (a coupling capacitor’s bias shifting after loud transients, a sagging supply), but this circuit has none of that, so for steady tones the approximation is as close as the table shows.';
  }
  const list = effects.length === 1 ? effects[0] : `${effects.slice(0, -1).join(', ')} and ${effects[effects.length - 1]}`;
  return `A static curve plus a filter can’t capture how the circuit’s state depends on its recent past: this one has ${list}, so on music its distortion changes from moment to moment in ways that neither the approximation nor a steady sine shows.`;
}

export function CircuitListen({ original, edited, idPrefix = 'circuit-listen' }: CircuitListenProps) {
  const maxDriveVolts = Math.min(sweepHalfWidthVolts(original), sweepHalfWidthVolts(edited)) * 10 ** (MUSIC_PEAK_DBFS / 20);
  const [driveDb, setDriveDb] = useState(() => defaultDriveDb(original, maxDriveVolts));
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparisonError, setComparisonError] = useState<string | null>(null);
  const drivePeakVolts = maxDriveVolts * 10 ** (driveDb / 20);
  const settingsKey = `${simulationId(original)}|${simulationId(edited)}|${driveDb}`;
  const tableBox = useRef<HTMLDivElement>(null);

  // The table scrolls sideways on a narrow screen; a box that scrolls must be reachable by keyboard.
  useEffect(() => {
    if (tableBox.current?.parentElement) focusableWhenScrolling('.table-scroll', tableBox.current.parentElement);
  }, [comparison]);

  useEffect(() => {
    let cancelled = false;
    setComparisonError(null);
    const transient = edited.transient;
    void loadCircuitAudio()
      .then((audio) => {
        if (cancelled) return;
        const fit = audio.stageFilterFit(edited.ac);
        const corners = [
          ...fit.highPassCornersHz.map((hz) => `high-pass ${formatHz(hz)}`),
          ...fit.lowPassCornersHz.map((hz) => `low-pass ${formatHz(hz)}`),
          ...(fit.shelf ? [`shelf ${formatHz(fit.shelf.zeroHz)}–${formatHz(fit.shelf.poleHz)}`] : []),
        ];
        const fitText = `The filter fitted to SPICE’s AC response of ${edited.label} (${corners.length > 0 ? corners.join(', ') : 'flat'}) follows it within ${formatFixed(fit.maxErrorDb, 2)} dB and ${formatFixed(fit.maxPhaseErrorDegrees, 1)}° from 20 Hz to 20 kHz.`;
        setComparison(
          transient
            ? {
                inputPeakVolts: transient.inputPeak_V,
                frequencyHz: transient.frequency_Hz,
                approximationDb: audio.approximationHarmonicsDb(edited, transient.inputPeak_V, transient.frequency_Hz, HARMONIC_NAMES.length),
                spiceDb: transient.harmonics_dB.slice(0, HARMONIC_NAMES.length),
                fitText,
                hasShelf: fit.shelf !== null,
              }
            : { inputPeakVolts: 0, frequencyHz: 0, approximationDb: null, spiceDb: [], fitText, hasShelf: fit.shelf !== null },
        );
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setComparison(null);
        setComparisonError(error instanceof RangeError ? `The approximation can’t be built from this simulation: ${error.message}. Run the analyses again.` : CHUNK_LOAD_MESSAGE);
      });
    return () => {
      cancelled = true;
    };
  }, [edited]);

  return (
    <section class="widget circuit-listen" data-widget="circuit-listen" aria-labelledby={`${idPrefix}-title`} data-circuit-listen>
      <h3 id={`${idPrefix}-title`}>Hear it</h3>
      <p>
        Each circuit plays through its approximation: the transfer curve from the DC sweep, 4× oversampled, then a filter
        fitted to the AC response. A is {original.label}; B is {edited.label}.
      </p>
      <Slider
        id={`${idPrefix}-drive`}
        label="Drive (music peaks at the input)"
        value={driveDb}
        min={DRIVE_RANGE_DB.min}
        max={DRIVE_RANGE_DB.max}
        step={DRIVE_RANGE_DB.step}
        format={(db) => `${formatVolts(maxDriveVolts * 10 ** (db / 20))} peak (${formatDb(db)})`}
        onChange={setDriveDb}
        hint="The music’s loudest peaks reach this voltage at the stage’s input. 0 dB is the widest input both DC sweeps cover."
      />
      <ListeningPanel
        idPrefix={idPrefix}
        labelA={original.label}
        labelB={edited.label}
        settingsKey={settingsKey}
        makeChains={async (sampleRateHz) => (await loadCircuitAudio()).circuitChains(original, edited, drivePeakVolts, sampleRateHz)}
        matchLoudness
        downloadStem={`amp-lab-circuit-${formatFixed(drivePeakVolts, 3).replace('.', 'p')}V`}
        levelNote="A and B each play through their circuit’s approximation at the drive you set; B is loudness-matched to A (ITU-R BS.1770), so you hear the difference in distortion and tone, not in level."
      />
      <h4 id={`${idPrefix}-leaves-out`}>What the approximation leaves out</h4>
      {comparisonError && <p role="alert">{comparisonError}</p>}
      {comparison && comparison.approximationDb && (
        <div class="table-scroll" ref={tableBox}>
          <table data-harmonics-comparison>
            <caption>
              {edited.label}: harmonics of a {formatHz(comparison.frequencyHz)} sine at {formatVolts(comparison.inputPeakVolts)} peak, relative to the
              fundamental
            </caption>
            <thead>
              <tr>
                <th scope="col">Harmonic</th>
                <th scope="col">Approximation</th>
                <th scope="col">SPICE transient</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {HARMONIC_NAMES.map((name, index) => (
                <tr>
                  <th scope="row">{name}</th>
                  <td data-approximation-db={comparison.approximationDb?.[index]}>{levelText(comparison.approximationDb?.[index])}</td>
                  <td data-spice-db={comparison.spiceDb[index]}>{levelText(comparison.spiceDb[index])}</td>
                  <td>{differenceText(comparison.approximationDb?.[index], comparison.spiceDb[index])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comparison && !comparison.approximationDb && (
        <p>
          {edited.transient
            ? `SPICE’s transient drove ${formatVolts(edited.transient.inputPeak_V)} peak, beyond the DC sweep, so the approximation can’t be compared there. Widen the sweep to compare.`
            : 'Run the transient analysis to compare the approximation’s harmonics with SPICE’s.'}
        </p>
      )}
      {comparison && <p data-fit-error>{comparison.fitText}</p>}
      {comparison && <p data-memory-note>{memoryText(edited, comparison.hasShelf)}</p>}
    </section>
  );
}
