// Labelled number entry with its unit and, when the value is out of range, a message right under it that
// screen readers hear with the field (aria-describedby, aria-invalid). Keeps the reader's text as typed.
import type { JSX } from 'preact';
import './controls.css';

export interface NumberFieldProps {
  id: string;
  label: string;
  unit: string;
  value: string;
  /** The message for an invalid value, or null. */
  problem: string | null;
  onChange: (text: string) => void;
  hint?: string;
}

export function NumberField({ id, label, unit, value, problem, onChange, hint }: NumberFieldProps) {
  const onInput = (event: JSX.TargetedEvent<HTMLInputElement>) => onChange(event.currentTarget.value);
  const hintId = hint ? `${id}-hint` : '';
  const problemId = problem ? `${id}-problem` : '';
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="control number-field">
      <label for={id}>{label}</label>
      <div class="number-field-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={describedBy}
          onInput={onInput}
        />
        <span class="number-field-unit" aria-hidden="true">{unit}</span>
      </div>
      {hint && <p class="control-hint" id={hintId}>{hint}</p>}
      {problem && <p class="field-problem" id={problemId} role="alert">{problem}</p>}
    </div>
  );
}
