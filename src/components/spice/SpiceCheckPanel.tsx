// The "Check with SPICE" strip under a widget's plots: the button, progress, ngspice's own error text in a box, what
// the comparison found (the widget's sentences), the decks that ran to download, and a note when the reader's
// values have moved on since. The engine itself (5.7 MB) loads only when the button is pressed.
import type { ComponentChildren } from 'preact';
import type { SpiceCheckState } from './useSpiceCheck';
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

const deckHref = (deck: string) => `data:text/plain;charset=utf-8,${encodeURIComponent(deck)}`;

export function SpiceCheckPanel<R>({ idPrefix, state, stale, onCheck, children }: SpiceCheckPanelProps<R>) {
  const busy = state.phase === 'loading' || state.phase === 'simulating';
  const fresh = !stale;
  return (
    <section class="spice-check" aria-labelledby={`${idPrefix}-spice-title`} data-spice-phase={stale ? 'stale' : state.phase}>
      <h3 class="spice-check-title" id={`${idPrefix}-spice-title`}>Check with SPICE</h3>
      <p class="spice-check-intro">
        Run this circuit, with your values, in ngspice (a circuit simulator, here compiled for the browser) and draw its curves
        dashed over the model's.
      </p>
      <button type="button" class="spice-check-button" onClick={onCheck} disabled={busy} aria-describedby={`${idPrefix}-spice-status`}>
        {state.phase === 'idle' ? 'Check with SPICE' : 'Check again with SPICE'}
      </button>
      <p class="spice-check-status" id={`${idPrefix}-spice-status`} role="status" data-spice="status">
        {busy ? PROGRESS_TEXT[state.phase] : stale ? 'You changed the circuit since SPICE ran, so its curves are cleared. Press the button to check these values.' : state.phase === 'done' ? state.outcome.timing : ''}
      </p>
      {state.phase === 'failed' && fresh && (
        <div class="spice-check-error" role="alert" data-spice="error">
          <p>{state.message}</p>
          {state.log.length > 0 && (
            <>
              <p>ngspice said:</p>
              <pre tabindex={0}>{state.log}</pre>
            </>
          )}
        </div>
      )}
      {state.phase === 'done' && fresh && (
        <>
          <div class="spice-check-findings" data-spice="findings">{children}</div>
          <ul class="spice-check-downloads">
            {state.outcome.decks.map((deck) => (
              <li key={deck.fileName}>
                <a href={deckHref(deck.deck)} download={deck.fileName}>
                  Download netlist (.cir): {deck.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
