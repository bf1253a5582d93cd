// Labelled native select; the visible label is the accessible name.
import type { JSX } from 'preact';
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

export function Select<T extends string>({ id, label, value, options, onChange, disabled }: SelectProps<T>) {
  const onInput = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const chosen = options.find((o) => o.value === event.currentTarget.value);
    if (chosen) onChange(chosen.value);
  };
  return (
    <div class="control select">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={onInput} disabled={disabled}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
