// Whether a figure's data table writes its rows: on the server always (readers without JavaScript open the static
// table), in the browser once the reader opens its <details>. A closed table then costs a widget's redraw nothing:
// no values read off the curves, formatted or diffed on every control step.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

export function useTableOpen(): { rowsShown: boolean; onToggle: (event: JSX.TargetedEvent<HTMLDetailsElement>) => void } {
  const [open, setOpen] = useState(false);
  return {
    rowsShown: typeof window === 'undefined' || open,
    onToggle: (event) => setOpen(event.currentTarget.open),
  };
}
