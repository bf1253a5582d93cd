// The measurement bench's controls: pick an amp and a load (and a second setup to compare), then Measure. The
// measuring code and the figures load only on Measure (./BenchResults), so the page starts light. The setup lives in
// the URL.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Checkbox } from '../../controls/Checkbox';
import type { BenchLoad } from '../../../dsp/bench/benchAmps';
import { type BenchUrlState, loadFromParam, loadToParam, stateFromQuery, stateToQuery } from './setupUrl';
import type { BenchOutcome } from './BenchResults';
import './bench.css';

export interface BenchOption {
  readonly id: string;
  readonly label: string;
}

export interface BenchLabProps {
  readonly amps: readonly BenchOption[];
  readonly headphones: readonly BenchOption[];
  readonly resistorsOhms: readonly number[];
  readonly initial: BenchUrlState;
}

type ResultsModule = typeof import('./BenchResults');

function loadOptions(resistorsOhms: readonly number[], headphones: readonly BenchOption[]) {
  return [
    ...resistorsOhms.map((ohms) => ({ value: String(ohms), label: `${ohms} Ω resistor` })),
    ...headphones.map((h) => ({ value: `hp-${h.id}`, label: `${h.label} (impedance model)` })),
  ];
}

interface SetupControlsProps {
  readonly which: 'a' | 'b';
  readonly title: string;
  readonly ampId: string;
  readonly load: BenchLoad;
  readonly props: BenchLabProps;
  readonly onChange: (ampId: string, load: BenchLoad) => void;
}

function SetupControls({ which, title, ampId, load, props, onChange }: SetupControlsProps): JSX.Element {
  const ampOptions = props.amps.map((a) => ({ value: a.id, label: a.label }));
  const headphoneIds = props.headphones.map((h) => h.id);
  return (
    <fieldset class="bench-setup">
      <legend>{title}</legend>
      <Select id={`bench-${which}-amp`} label="Amplifier" value={ampId} options={ampOptions} onChange={(id) => onChange(id, load)} />
      <Select
        id={`bench-${which}-load`}
        label="Load"
        value={loadToParam(load)}
        options={loadOptions(props.resistorsOhms, props.headphones)}
        onChange={(text) => onChange(ampId, loadFromParam(text, props.resistorsOhms, headphoneIds) ?? load)}
      />
    </fieldset>
  );
}

export default function BenchLab(props: BenchLabProps): JSX.Element {
  const [state, setState] = useState<BenchUrlState>(props.initial);
  const [compare, setCompare] = useState(props.initial.b !== null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<{ module: ResultsModule; outcome: BenchOutcome } | null>(null);

  useEffect(() => {
    const fromUrl = stateFromQuery(window.location.search, props.initial, props.amps.map((a) => a.id), props.resistorsOhms, props.headphones.map((h) => h.id));
    setState(fromUrl);
    setCompare(fromUrl.b !== null);
  }, []);

  const shown: BenchUrlState = { a: state.a, b: compare ? (state.b ?? state.a) : null };
  useEffect(() => {
    const query = stateToQuery(shown);
    if (query !== window.location.search) window.history.replaceState(null, '', query + window.location.hash);
  }, [shown.a.ampId, loadToParam(shown.a.load), shown.b?.ampId, shown.b ? loadToParam(shown.b.load) : '']);

  const measure = async (): Promise<void> => {
    setBusy(true);
    setStatus('Loading the bench…');
    try {
      const module = await import('./BenchResults');
      const outcome = await module.measureBench(shown, (text) => setStatus(text));
      setResults({ module, outcome });
      setStatus(`Measured ${outcome.a.ampLabel} into ${outcome.a.loadLabel}${outcome.b ? `, and ${outcome.b.ampLabel} into ${outcome.b.loadLabel}` : ''}.`);
    } catch (error) {
      setStatus(`The measurement failed (${error instanceof Error ? error.message : String(error)}). Reload the page and press Measure again; if it fails again, try another amplifier or load.`);
    } finally {
      setBusy(false);
    }
  };

  const Results = results?.module.BenchResults;
  return (
    <div class="bench" data-widget="bench">
      <div class="bench-setups">
        <SetupControls which="a" title="Setup A" ampId={shown.a.ampId} load={shown.a.load} props={props} onChange={(ampId, load) => setState({ ...state, a: { ampId, load } })} />
        {shown.b && (
          <SetupControls which="b" title="Setup B (dashed)" ampId={shown.b.ampId} load={shown.b.load} props={props} onChange={(ampId, load) => setState({ ...state, b: { ampId, load } })} />
        )}
      </div>
      <Checkbox id="bench-compare" label="Compare with a second setup" checked={compare} onChange={(on) => { setCompare(on); if (on && !state.b) setState({ ...state, b: state.a }); }} />
      <p>
        <button type="button" class="bench-measure" onClick={() => void measure()} disabled={busy}>
          {busy ? 'Measuring…' : 'Measure'}
        </button>
      </p>
      <p class="bench-status" role="status" aria-live="polite">{status}</p>
      {Results && results && <Results outcome={results.outcome} />}
    </div>
  );
}
