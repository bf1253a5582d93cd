// Labelled checkbox; the visible label is the accessible name.
import './controls.css';

export interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function Checkbox({ id, label, checked, onChange, hint }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="control checkbox">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
      {hint && <p class="control-hint" id={hintId}>{hint}</p>}
    </div>
  );
}
