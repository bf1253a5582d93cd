// What a finished "Check with SPICE" shows: ngspice's error text in a box, or the widget's findings and the decks
// that ran to download. Loaded by SpiceCheckPanel when the reader presses its button.
import type { ComponentChildren, FunctionComponent } from 'preact';
import type { SpiceCheckState } from './useSpiceCheck';

const deckHref = (deck: string) => `data:text/plain;charset=utf-8,${encodeURIComponent(deck)}`;

export interface SpiceCheckResultsProps {
  state: SpiceCheckState<unknown>;
  children?: ComponentChildren;
}

export type SpiceCheckResultsComponent = FunctionComponent<SpiceCheckResultsProps>;

export function SpiceCheckResults({ state, children }: SpiceCheckResultsProps) {
  return (
    <>
      {state.phase === 'failed' && (
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
      {state.phase === 'done' && (
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
    </>
  );
}
