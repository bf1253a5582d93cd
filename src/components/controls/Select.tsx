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

/** What the check needs of a select's box: its font and the room for the label, px. Read once per size change. */
interface SelectBox {
  font: string;
  roomPx: number;
}

/** Reads the select's font and label room (forces style and layout: only on first use and when it resizes). */
function readSelectBox(select: HTMLSelectElement, contentWidthPx?: number): SelectBox {
  const style = getComputedStyle(select);
  const contentPx = contentWidthPx ?? select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {
    font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
    roomPx: contentPx - SELECT_ARROW_ALLOWANCE_PX,
  };
}

/** Whether the chosen label is wider than the room the closed select gives it. */
function labelIsCut(box: SelectBox, text: string): boolean {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return false;
  measuringContext.font = box.font;
  return measuringContext.measureText(text).width > box.roomPx;
}

export function Select<T extends string>({ id, label, value, options, onChange, disabled }: SelectProps<T>) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const [cut, setCut] = useState(false);
  const chosenLabel = options.find((o) => o.value === value)?.label ?? '';

  const boxRef = useRef<SelectBox | null>(null);
  const labelRef = useRef(chosenLabel);
  labelRef.current = chosenLabel;

  // A new choice is checked against the box read before, so a change forces no style or layout work.
  useLayoutEffect(() => {
    const select = selectRef.current;
    if (!select) return;
    boxRef.current ??= readSelectBox(select);
    setCut(labelIsCut(boxRef.current, chosenLabel));
  }, [chosenLabel]);

  useLayoutEffect(() => {
    const select = selectRef.current;
    if (!select || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = readSelectBox(select, entries[entries.length - 1]?.contentRect.width);
      boxRef.current = box;
      setCut(labelIsCut(box, labelRef.current));
    });
    observer.observe(select);
    return () => observer.disconnect();
  }, []);

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
