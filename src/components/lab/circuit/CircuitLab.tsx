// The circuit lab's island: pick a stage, edit its parts beside the drawing or its netlist text, press Run, and see
// what ngspice makes of it (LabResults, loaded with the engine on the first Run). The circuit lives in the URL
// (urlState.ts). The engine, the analyses and the plots load only when the reader presses Run.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NumberField } from '../../controls/NumberField';
import { Select } from '../../controls/Select';
import { Schematic } from '../../schematics/Schematic';
import type { LabRunResult } from './labRun';
import type { LabResultsProps } from './LabResults';
import { type OperatingPoint, tubeStageCircuit } from './labSchematics';
import type { Circuit } from '../../schematics/types';
import { LAB_STAGES, STAGE_IDS, TUBE_NAMES, type StageId, partProblem } from './stages';
import { DRIVE_RANGE_VOLTS, type LabState, defaultLabState, isDefaultCircuit, queryFromState, stateFromQuery } from './urlState';
import './circuitLab.css';

type RunState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' | 'simulating'; readonly step: string }
  | { readonly phase: 'done'; readonly results: LabResultsProps; readonly timing: string; readonly runKey: string }
  | { readonly phase: 'failed'; readonly message: string; readonly log: string; readonly timedOut: boolean };

type Tab = 'parts' | 'netlist';

const SIMULATOR_SIZE = '5.7 MB';

function textsOf(state: LabState): Record<string, string> {
  return Object.fromEntries(LAB_STAGES[state.stage].parts.map((part) => [part.key, String(state.values[part.key] ?? '')]));
}

type Netlists = typeof import('./stageNetlists');
type SolidStateDrawings = typeof import('./solidStateSchematics');

/** The drawing for the stage; the op-amp and push-pull drawings once their module has loaded. */
function drawingOf(state: LabState, op: OperatingPoint, solid: SolidStateDrawings | null): Circuit | null {
  if (state.stage === 'triode' || state.stage === 'follower') return tubeStageCircuit(state.stage, state.values, state.tube, op);
  return solid === null ? null : solid.solidStateCircuit(state.stage, state.values, op);
}

/** The error's words and ngspice's own text, whatever was thrown. */
function failureOf(error: unknown): { message: string; log: string; timedOut: boolean } {
  if (error instanceof Error) {
    const log = 'log' in error && typeof error.log === 'string' ? error.log : '';
    const timedOut = 'failure' in error && error.failure === 'time-limit';
    return { message: error.message, log, timedOut };
  }
  return { message: String(error), log: '', timedOut: false };
}

const ms = (value: number) => `${Math.round(value)} ms`;

export interface CircuitLabProps {
  idPrefix: string;
}

export function CircuitLab({ idPrefix }: CircuitLabProps) {
  const [lab, setLab] = useState<LabState>(() => defaultLabState());
  const [texts, setTexts] = useState<Record<string, string>>(() => textsOf(defaultLabState()));
  const [driveText, setDriveText] = useState(String(defaultLabState().drivePeakVolts));
  const [tab, setTab] = useState<Tab>('parts');
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [Results, setResults] = useState<((props: LabResultsProps) => JSX.Element) | null>(null);
  const loadedFromUrl = useRef(false);
  const timeLimitMs = useRef<number | undefined>(undefined);
  const originals = useRef(new Map<string, LabRunResult>());
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ parts: null, netlist: null });
  const [netlists, setNetlists] = useState<Netlists | null>(null);
  const [solid, setSolid] = useState<SolidStateDrawings | null>(null);

  useEffect(() => {
    const limitSeconds = Number(new URLSearchParams(window.location.search).get('spiceTimeLimit'));
    if (limitSeconds > 0) timeLimitMs.current = limitSeconds * 1000;
    void stateFromQuery(window.location.search).then((state) => {
      setLab(state);
      setTexts(textsOf(state));
      setDriveText(String(state.drivePeakVolts));
      if (state.netlist !== null) setTab('netlist');
      loadedFromUrl.current = true;
    });
  }, []);

  useEffect(() => {
    if (!loadedFromUrl.current) return;
    let current = true;
    void queryFromState(lab).then((query) => {
      if (current && window.location.search !== `?${query}`) window.history.replaceState(null, '', `?${query}`);
    });
    return () => {
      current = false;
    };
  }, [lab]);

  useEffect(() => {
    if (tab === 'netlist' && netlists === null) void import('./stageNetlists').then(setNetlists);
  }, [tab, netlists]);
  useEffect(() => {
    if ((lab.stage === 'opamp' || lab.stage === 'pushpull') && solid === null) void import('./solidStateSchematics').then(setSolid);
  }, [lab.stage, solid]);

  const stage = LAB_STAGES[lab.stage];
  const generated = useMemo(
    () => (netlists === null ? null : netlists.stageCircuit(lab.stage, lab.values, lab.tube)),
    [netlists, lab.stage, lab.tube, lab.values],
  );
  const circuitKey = JSON.stringify([lab.stage, lab.tube, lab.values, lab.netlist, lab.drivePeakVolts]);
  const busy = run.phase === 'loading' || run.phase === 'simulating';
  const operatingPoint = run.phase === 'done' && lab.netlist === null ? run.results.edited.operatingPoint : new Map<string, number>();
  const drawing = drawingOf(lab, operatingPoint, solid);

  const chooseStage = (id: StageId) => {
    const next = defaultLabState(id);
    setLab(next);
    setTexts(textsOf(next));
    setDriveText(String(next.drivePeakVolts));
  };
  const editPart = (key: string, text: string) => {
    setTexts((current) => ({ ...current, [key]: text }));
    const spec = stage.parts.find((part) => part.key === key);
    const value = Number(text);
    if (spec !== undefined && text.trim() !== '' && partProblem(spec, value) === null) {
      setLab((current) => ({ ...current, values: { ...current.values, [key]: value }, netlist: null }));
    }
  };
  const editDrive = (text: string) => {
    setDriveText(text);
    const value = Number(text);
    if (text.trim() !== '' && value >= DRIVE_RANGE_VOLTS.min && value <= DRIVE_RANGE_VOLTS.max) setLab((current) => ({ ...current, drivePeakVolts: value }));
  };
  const driveValue = Number(driveText);
  const driveProblem =
    driveText.trim() !== '' && driveValue >= DRIVE_RANGE_VOLTS.min && driveValue <= DRIVE_RANGE_VOLTS.max
      ? null
      : `The test sine's peak must be between ${DRIVE_RANGE_VOLTS.min} and ${DRIVE_RANGE_VOLTS.max} V.`;

  const onTabKey = (event: JSX.TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next: Tab = event.key === 'Home' ? 'parts' : event.key === 'End' ? 'netlist' : tab === 'parts' ? 'netlist' : 'parts';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const onRun = () => {
    if (busy) return;
    const runKey = circuitKey;
    const originalState = defaultLabState(lab.stage);
    const originalKey = `${lab.stage}|${lab.drivePeakVolts}`;
    const unedited = isDefaultCircuit(lab);
    const stageLabel = stage.tubes ? `${originalState.tube} ${stage.label.toLowerCase()}` : stage.label.toLowerCase();
    setRun({ phase: 'loading', step: '' });
    void (async () => {
      try {
        const [{ runLab, simulationFromRuns, gainAt }, { sharedSpiceClient }, resultsModule, netlistModule] = await Promise.all([
          import('./labRun'),
          import('../../../spice/worker/client'),
          import('./LabResults'),
          import('./stageNetlists'),
        ]);
        setResults(() => resultsModule.LabResults);
        setNetlists(netlistModule);
        const plan = { circuit: lab.netlist ?? netlistModule.stageCircuit(lab.stage, lab.values, lab.tube), drivePeakVolts: lab.drivePeakVolts };
        const client = sharedSpiceClient();
        let engineStartMs: number | null = null;
        const runDeck = async (deck: { readonly label: string; readonly deck: string }) => {
          const answer = await client.run(deck.deck, {
            timeLimitMs: timeLimitMs.current,
            onProgress: (progress) => setRun({ phase: progress, step: deck.label }),
          });
          engineStartMs ??= answer.engineStartMs;
          return answer;
        };
        const edited = await runLab(plan, runDeck);
        let original = unedited ? edited : (originals.current.get(originalKey) ?? null);
        if (original === null) {
          const originalCircuit = netlistModule.stageCircuit(originalState.stage, originalState.values, originalState.tube);
          original = await runLab({ circuit: originalCircuit, drivePeakVolts: lab.drivePeakVolts }, runDeck);
        }
        originals.current.set(originalKey, original);
        const started = engineStartMs === null ? '' : `The simulator started in ${ms(engineStartMs)}; `;
        const r = edited.runMs;
        const timing = `${started}ngspice ran the operating point in ${ms(r.op)}, the DC sweep in ${ms(r.dc)}, the AC sweep in ${ms(r.ac)} and the transient in ${ms(r.tran)}.`;
        const gain = (result: LabRunResult) => {
          const g = gainAt(result.simulation.ac, 1000);
          return { magnitude: Math.hypot(g.re, g.im), phaseDegrees: (Math.atan2(g.im, g.re) * 180) / Math.PI };
        };
        setRun({
          phase: 'done',
          timing,
          runKey,
          results: {
            idPrefix,
            edited,
            original,
            editedGain: gain(edited),
            originalGain: gain(original),
            simulations: {
              original: simulationFromRuns(`Original ${stageLabel}`, original),
              edited: simulationFromRuns(unedited ? `Your circuit (the original ${stageLabel})` : 'Your circuit', edited),
            },
            operatingPointNames: stage.operatingPointNodes,
          },
        });
      } catch (error) {
        setRun({ phase: 'failed', ...failureOf(error) });
      }
    })();
  };

  const status =
    run.phase === 'loading'
      ? `Loading the simulator (${SIMULATOR_SIZE})…`
      : run.phase === 'simulating'
        ? `Simulating: ${run.step}…`
        : run.phase === 'done'
          ? run.timing
          : '';

  return (
    <div class="circuit-lab" data-run-phase={run.phase}>
      <div class="circuit-lab-choose">
        <Select
          id={`${idPrefix}-stage`}
          label="Stage"
          value={lab.stage}
          options={STAGE_IDS.map((id) => ({ value: id, label: LAB_STAGES[id].label }))}
          onChange={chooseStage}
        />
        {stage.tubes && (
          <Select
            id={`${idPrefix}-tube`}
            label="Tube (Koren's model)"
            value={lab.tube}
            options={TUBE_NAMES.map((name) => ({ value: name, label: name }))}
            onChange={(tube) => setLab((current) => ({ ...current, tube, netlist: null }))}
          />
        )}
      </div>

      <div class="circuit-lab-tabs" role="tablist" aria-label="Edit the circuit">
        {(['parts', 'netlist'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${idPrefix}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            onClick={() => setTab(id)}
            onKeyDown={onTabKey}
          >
            {id === 'parts' ? 'Parts on the schematic' : 'Netlist'}
          </button>
        ))}
      </div>

      <div class="circuit-lab-panel" role="tabpanel" id={`${idPrefix}-panel-parts`} aria-labelledby={`${idPrefix}-tab-parts`} hidden={tab !== 'parts'}>
        {lab.netlist !== null && (
          <p class="circuit-lab-note" data-lab="netlist-note">
            Run uses your netlist text (the Netlist tab). Changing a part here goes back to the stage's own netlist with these parts.
          </p>
        )}
        <div class="circuit-lab-parts">
          <div class="circuit-lab-drawing">
            {drawing !== null && <Schematic circuit={drawing} />}
          </div>
          <fieldset class="circuit-lab-fields">
            <legend>Parts</legend>
            {stage.parts.map((part) => {
              const text = texts[part.key] ?? '';
              const value = Number(text);
              return (
                <NumberField
                  key={`${lab.stage}-${part.key}`}
                  id={`${idPrefix}-part-${part.key}`}
                  label={`${part.name}, ${part.role}`}
                  unit={part.unit}
                  value={text}
                  problem={text.trim() === '' ? `Type a number for ${part.name}.` : partProblem(part, value)}
                  onChange={(next) => editPart(part.key, next)}
                />
              );
            })}
          </fieldset>
        </div>
      </div>

      <div class="circuit-lab-panel" role="tabpanel" id={`${idPrefix}-panel-netlist`} aria-labelledby={`${idPrefix}-tab-netlist`} hidden={tab !== 'netlist'}>
        <p class="circuit-lab-note" id={`${idPrefix}-netlist-help`}>
          The circuit as ngspice reads it. Edit anything; keep an input source named <code>Vin</code> and call the output
          node <code>out</code>. Run adds its own analyses (<code>.op</code>, <code>.dc</code>, <code>.ac</code>,{' '}
          <code>.tran</code>); an <code>.ac</code> or <code>.tran</code> line of yours replaces the lab's.
        </p>
        <label class="circuit-lab-netlist-label" for={`${idPrefix}-netlist`}>Netlist (ngspice)</label>
        <textarea
          id={`${idPrefix}-netlist`}
          class="circuit-lab-netlist"
          rows={18}
          spellcheck={false}
          autoComplete="off"
          aria-describedby={`${idPrefix}-netlist-help`}
          value={lab.netlist ?? generated ?? ''}
          placeholder={generated === null ? 'Loading the netlist…' : undefined}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setLab((current) => ({ ...current, netlist: text }));
          }}
        />
        {lab.netlist !== null && (
          <button type="button" class="circuit-lab-button" onClick={() => setLab((current) => ({ ...current, netlist: null }))}>
            Undo my edits: back to the stage's netlist
          </button>
        )}
      </div>

      <div class="circuit-lab-run">
        <NumberField
          id={`${idPrefix}-drive`}
          label="Test sine peak at the input (the DC sweep covers twice it each way)"
          unit="V"
          value={driveText}
          problem={driveProblem}
          onChange={editDrive}
        />
        <button type="button" class="circuit-lab-button circuit-lab-run-button" onClick={onRun} disabled={busy} aria-describedby={`${idPrefix}-status`}>
          {run.phase === 'idle' ? 'Run' : 'Run again'}
        </button>
        <p class="circuit-lab-status" id={`${idPrefix}-status`} role="status" data-lab="status">
          {status}
        </p>
      </div>
      {run.phase === 'failed' && (
        <div class="circuit-lab-error" role="alert" data-lab="error">
          <p>{run.message}</p>
          {run.log.length > 0 && (
            <>
              <p>ngspice said:</p>
              <pre tabindex={0}>{run.log}</pre>
            </>
          )}
          <p>
            {run.timedOut
              ? 'An analysis that takes this long usually asks for too many points: a .tran with a tiny step over a long time, say. Make the step larger or the time shorter, then press Run again.'
              : 'Fix the netlist or the parts and press Run again.'}
          </p>
        </div>
      )}
      {run.phase === 'done' && Results !== null && <Results {...run.results} stale={run.runKey !== circuitKey} />}
    </div>
  );
}
