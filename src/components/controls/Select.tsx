// Labelled native select; the visible label is the accessible name. A closed native select can't wrap its text, so
// when the chosen option's label is wider than the select's content box (less the dropdown arrow), the full label is
// shown wrapped under it.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import './controls.css';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}

/** Room the browser's dropdown arrow takes inside the select's content box, px. */
export const SELECT_ARROW_ALLOWANCE_PX = 24;

let measuringContext: CanvasRenderingContext2D | null = null;

/** Width in px of `text` in the select's own font. */
function textWidthPx(select: HTMLSelectElement, text: string): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return 0;
  const style = getComputedStyle(select);
  measuringContext.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measuringContext.measureText(text).width;
}

/** Whether the chosen label is wider than the room the closed select gives it. */
function labelIsCut(select: HTMLSelectElement, text: string): boolean {
  const style = getComputedStyle(select);
  const contentPx = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - SELECT_ARROW_ALLOWANCE_PX;
  return textWidthPx(select, text) > contentPx;
}

export function Select<T extends string>({ id, label, value, options, onChange, disabled }: SelectProps<T>) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const [cut, setCut] = useState(false);
  const chosenLabel = options.find((o) => o.value === value)?.label ?? '';

  useLayoutEffect(() => {
    const select = selectRef.current;
    if (!select) return undefined;
    const measure = () => setCut(labelIsCut(select, chosenLabel));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(select);
    return () => observer.disconnect();
  }, [chosenLabel]);

  const onInput = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const chosen = options.find((o) => o.value === event.currentTarget.value);
    if (chosen) onChange(chosen.value);
  };
  return (
    <div class="control select">
      <label for={id}>{label}</label>
      <select id={id} ref={selectRef} value={value} onChange={onInput} disabled={disabled}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>{o.label}</option>
        ))}
      </select>
      {cut && (
        <span class="select-current" data-select-current aria-hidden="true">
          {chosenLabel}
        </span>
      )}
    </div>
  );
}
