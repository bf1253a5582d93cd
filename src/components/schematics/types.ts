// Data model of a circuit diagram: parts, wires, probes and junction dots placed on a grid.
// Describes the drawing only: no electrical values are simulated here (labels are text supplied by the caller).

/** A point in grid units (1 unit = one grid step); x grows rightwards, y downwards. */
export interface GridPoint {
  x: number;
  y: number;
}

export type PartKind =
  | 'source'
  | 'dc-source'
  | 'resistor'
  | 'capacitor'
  | 'inductor'
  | 'diode'
  | 'transformer'
  | 'box'
  | 'opamp'
  | 'triode'
  | 'npn'
  | 'pnp'
  | 'headphone'
  | 'ground'
  | 'jack'
  | 'xlr';

/** Where a part's name and value are written, relative to its symbol. */
export type LabelSide = 'above' | 'below' | 'left' | 'right';

export interface Part {
  id: string;
  kind: PartKind;
  /**
   * Grid position of the part's first terminal. A two-terminal part (source, dc-source, resistor,
   * capacitor, inductor, diode, headphone) spans 2 units from `at` along its orientation (a diode's anode and a
   * dc-source's + end are at `at`); the other kinds have fixed terminal offsets (see `partTerminals` in geometry.ts).
   */
  at: GridPoint;
  /** Two-terminal parts only; default 'horizontal'. Other kinds are always drawn upright. */
  orientation?: 'horizontal' | 'vertical';
  /** Short symbol name, e.g. "Zout", "Re", "Le". */
  name: string;
  /** Live value text, e.g. "33 Ω", "0.20 mH", "|Z| = 520 Ω at 90 Hz". */
  label?: string;
  /** What the part does in this circuit, one sentence (shown on hover/focus and in the parts list). */
  role: string;
  /** Optional override of where name and label are written; each kind has a sensible default. */
  labelSide?: LabelSide;
}

export interface Wire {
  /** Polyline in grid units. */
  points: readonly GridPoint[];
}

/** A live annotation at a node, e.g. the voltage there. */
export interface Probe {
  at: GridPoint;
  /** Short text drawn at the node, e.g. "1.00 V". */
  label: string;
  /** What is measured, for the parts list, e.g. "Voltage at the headphone terminals". */
  description?: string;
  /** Text above (default) or below the node, always to its right. */
  side?: 'above' | 'below';
}

/** A dashed box grouping parts, e.g. "the amplifier" or "the headphone", labelled under its bottom-left corner. */
export interface Frame {
  from: GridPoint;
  to: GridPoint;
  label: string;
}

export interface Circuit {
  title: string;
  description: string;
  /** Drawing extent in grid units; a half-unit margin is added on every side. */
  width: number;
  height: number;
  /** In the order the reader should meet them: this is the Tab order. */
  parts: readonly Part[];
  wires: readonly Wire[];
  probes?: readonly Probe[];
  /** Junction dots, where three or more conductors meet. */
  dots?: readonly GridPoint[];
  frames?: readonly Frame[];
}
