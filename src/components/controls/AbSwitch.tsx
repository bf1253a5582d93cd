// A/B switch: a labelled pair of radio buttons styled as a segmented control (arrow keys move between them).
import './controls.css';

export type AbSide = 'A' | 'B';

export interface AbSwitchProps {
  name: string;
  label: string;
  value: AbSide;
  labelA: string;
  labelB: string;
  onChange: (side: AbSide) => void;
}

export function AbSwitch({ name, label, value, labelA, labelB, onChange }: AbSwitchProps) {
  return (
    <fieldset class="control ab-switch">
      <legend>{label}</legend>
      <div class="segments">
        {(['A', 'B'] as const).map((side) => (
          <label class={`segment${value === side ? ' is-on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={side}
              checked={value === side}
              onChange={() => onChange(side)}
            />
            <span><strong>{side}</strong> {side === 'A' ? labelA : labelB}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
