// Labelled range slider that shows its value with units; keyboard steps come from the native input,
// presets are buttons that set a named value. The visible label is the accessible name.
import type { JSX } from 'preact';
import './controls.css';

export interface SliderPreset {
  label: string;
  value: number;
}

export interface SliderProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
  presets?: readonly SliderPreset[];
  hint?: string;
}

export function Slider({ id, label, value, min, max, step, format, onChange, presets, hint }: SliderProps) {
  const onInput = (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const next = Number(event.currentTarget.value);
    if (Number.isFinite(next)) onChange(Math.min(max, Math.max(min, next)));
  };
  const text = format(value);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="control slider">
      <div class="slider-head">
        <label for={id}>{label}</label>
        <output for={id} class="control-value">{text}</output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        aria-describedby={hintId}
        onInput={onInput}
      />
      {hint && <p class="control-hint" id={hintId}>{hint}</p>}
      {presets && presets.length > 0 && (
        <div class="presets" role="group" aria-label={`${label} presets`}>
          {presets.map((preset) => (
            <button
              type="button"
              class="preset"
              aria-pressed={preset.value === value}
              onClick={() => onChange(preset.value)}
            >
              {preset.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
