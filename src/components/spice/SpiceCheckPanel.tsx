// The "Check with SPICE" strip under a widget's plots: the button, progress, ngspice's own error text in a box, what
// the comparison found (the widget's sentences), the decks that ran to download, and a note when the reader's
// values have moved on since. The engine itself (5.7 MB) and the error and findings parts load when the button is pressed.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SpiceCheckState } from './useSpiceCheck';
import type { SpiceCheckResultsComponent } from './SpiceCheckResults';
import './spice.css';

export interface SpiceCheckPanelProps<R> {
  idPrefix: string;
  state: SpiceCheckState<R>;
  stale: boolean;
  onCheck: () => void;
  /** The widget's findings for a current result (largest difference, harmonics). */
  children?: ComponentChildren;
}

const PROGRESS_TEXT = {
  loading: 'Loading the simulator (5.7 MB)…',
  simulating: 'Simulating…',
} as const;


export function SpiceCheckPanel<R>({ idPrefix, state, stale, onCheck, children }: SpiceCheckPanelProps<R>) {
  const busy = state.phase === 'loading' || state.phase === 'simulating';
  const fresh = !stale;
  // The error box and the findings load with the button press (they are drawn only once a check has run).
  const [Results, setResults] = useState<SpiceCheckResultsComponent | null>(null);
  const check = () => {
    if (Results === null) void import('./SpiceCheckResults').then(({ SpiceCheckResults }) => setResults(() => SpiceCheckResults));
    onCheck();
  };
  return (
    <section class="spice-check" aria-labelledby={`${idPrefix}-spice-title`} data-spice-phase={stale ? 'stale' : state.phase}>
      <h3 class="spice-check-title" id={`${idPrefix}-spice-title`}>Check with SPICE</h3>
      <p class="spice-check-intro">
        Run this circuit, with your values, in ngspice (a circuit simulator, here compiled for the browser) and draw its curves
        dashed over the model's.
      </p>
      <button type="button" class="spice-check-button" onClick={check} disabled={busy} aria-describedby={`${idPrefix}-spice-status`}>
        {state.phase === 'idle' ? 'Check with SPICE' : 'Check again with SPICE'}
      </button>
      <p class="spice-check-status" id={`${idPrefix}-spice-status`} role="status" data-spice="status">
        {busy ? PROGRESS_TEXT[state.phase] : stale ? 'You changed the circuit since SPICE ran, so its curves are cleared. Press the button to check these values.' : state.phase === 'done' ? state.outcome.timing : ''}
      </p>
      {Results !== null && (state.phase === 'failed' || state.phase === 'done') && fresh && <Results state={state}>{children}</Results>}
    </section>
  );
}
