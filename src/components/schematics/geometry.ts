// Where things sit in a schematic: terminal offsets of each part kind, symbol extents, label anchors,
// viewBox and a text size that stays legible on a phone. Pure arithmetic on grid units; no DOM.
import type { Circuit, GridPoint, LabelSide, Part, PartKind } from './types';

/** viewBox units per grid step. */
export const GRID = 40;
/** Blank margin around the drawing, in grid units. */
export const MARGIN_UNITS = 0.5;
/** Narrowest width the drawing is expected to get, in CSS px: a 360 px phone minus page and widget padding. */
export const NARROW_CONTAINER_PX = 296;
/** Smallest on-screen text size at that width, in CSS px. */
export const MIN_TEXT_PX = 11;
/** Largest on-screen text size: the drawing stops growing when its text reaches this (CSS px). */
export const MAX_TEXT_PX = 16;

const TWO_TERMINAL: ReadonlySet<PartKind> = new Set(['source', 'dc-source', 'resistor', 'capacitor', 'inductor', 'diode', 'headphone']);

export function isTwoTerminal(kind: PartKind): boolean {
  return TWO_TERMINAL.has(kind);
}

export function isVertical(part: Part): boolean {
  return isTwoTerminal(part.kind) && part.orientation === 'vertical';
}

/**
 * Terminal offsets in grid units from `at`, per kind (multi-terminal kinds are always drawn upright):
 * two-terminal: (0,0) and (2,0), or (0,2) when vertical (diode: anode first; dc-source: + first); ground: (0,0);
 * transformer: primary top (0,0), primary bottom (0,2), secondary top (2,0), secondary bottom (2,2);
 * box: in (0,0), out (2,0); opamp: inverting input (0,0), non-inverting input (0,2), output (4,1);
 * triode: grid (0,0), plate (2,−2), cathode (2,2); npn/pnp: base (0,0), collector (2,−1), emitter (2,1);
 * jack: tip (0,0), sleeve (0,1); xlr: pins 1, 2, 3 at (0,0), (0,1), (0,2).
 */
export function terminalOffsets(part: Part): readonly GridPoint[] {
  switch (part.kind) {
    case 'source':
    case 'dc-source':
    case 'resistor':
    case 'capacitor':
    case 'inductor':
    case 'diode':
    case 'headphone':
      return isVertical(part) ? [{ x: 0, y: 0 }, { x: 0, y: 2 }] : [{ x: 0, y: 0 }, { x: 2, y: 0 }];
    case 'ground':
      return [{ x: 0, y: 0 }];
    case 'transformer':
      return [{ x: 0, y: 0 }, { x: 0, y: 2 }, { x: 2, y: 0 }, { x: 2, y: 2 }];
    case 'box':
      return [{ x: 0, y: 0 }, { x: 2, y: 0 }];
    case 'opamp':
      return [{ x: 0, y: 0 }, { x: 0, y: 2 }, { x: 4, y: 1 }];
    case 'triode':
      return [{ x: 0, y: 0 }, { x: 2, y: -2 }, { x: 2, y: 2 }];
    case 'npn':
    case 'pnp':
      return [{ x: 0, y: 0 }, { x: 2, y: -1 }, { x: 2, y: 1 }];
    case 'jack':
      return [{ x: 0, y: 0 }, { x: 0, y: 1 }];
    case 'xlr':
      return [{ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 0, y: 2 }];
  }
}

/** Terminal positions of a part in grid units: where wires must end to connect to it. */
export function partTerminals(part: Part): GridPoint[] {
  return terminalOffsets(part).map((o) => ({ x: part.at.x + o.x, y: part.at.y + o.y }));
}

/** An axis-aligned box in grid units. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Half-width across a two-terminal symbol (grid units): how far it reaches to either side of its wire. */
const HALF_WIDTH: Partial<Record<PartKind, number>> = {
  source: 0.6,
  'dc-source': 0.6,
  resistor: 0.25,
  capacitor: 0.45,
  inductor: 0.2,
  diode: 0.3,
  headphone: 0.35,
};

/** Extent of the drawn symbol in grid units, relative to `at` (before the part's position is added). */
function localExtent(part: Part): Box {
  if (isTwoTerminal(part.kind)) {
    const half = HALF_WIDTH[part.kind] ?? 0.3;
    // The headphone's cone flares to one side only: up when horizontal, right when vertical.
    const towardLabel = part.kind === 'headphone' ? 0.65 : half;
    return isVertical(part)
      ? { left: -half, top: 0, right: towardLabel, bottom: 2 }
      : { left: 0, top: -towardLabel, right: 2, bottom: half };
  }
  switch (part.kind) {
    case 'ground':
      return { left: -0.4, top: 0, right: 0.4, bottom: 0.65 };
    case 'transformer':
      return { left: 0, top: -0.1, right: 2, bottom: 2.1 };
    case 'box':
      return { left: 0, top: -0.55, right: 2, bottom: 0.55 };
    case 'opamp':
      return { left: 0, top: -0.6, right: 4, bottom: 2.6 };
    case 'triode':
      return { left: 0, top: -2, right: 3, bottom: 2 };
    case 'npn':
    case 'pnp':
      return { left: 0, top: -1, right: 2.45, bottom: 1 };
    case 'jack':
      return { left: 0, top: -0.45, right: 1.95, bottom: 1 };
    case 'xlr':
    default:
      return { left: 0, top: -0.3, right: 3.4, bottom: 2.3 };
  }
}

/** Extent of a part's drawn symbol in grid units. */
export function partExtent(part: Part): Box {
  const e = localExtent(part);
  return { left: part.at.x + e.left, top: part.at.y + e.top, right: part.at.x + e.right, bottom: part.at.y + e.bottom };
}

export function defaultLabelSide(part: Part): LabelSide {
  if (isTwoTerminal(part.kind)) return isVertical(part) ? 'right' : 'above';
  if (part.kind === 'opamp' || part.kind === 'ground' || part.kind === 'transformer') return 'below';
  if (part.kind === 'jack' || part.kind === 'box') return 'above';
  return 'right';
}

export interface Layout {
  /** viewBox in viewBox units: min-x, min-y, width, height. */
  viewBox: readonly [number, number, number, number];
  /** Label text size in viewBox units. */
  fontSize: number;
  /** CSS max-width of the drawing in px, so that text never grows beyond MAX_TEXT_PX. */
  maxWidthPx: number;
}

/**
 * Text size in viewBox units chosen so that text is at least MIN_TEXT_PX on screen when the whole
 * drawing is NARROW_CONTAINER_PX wide: screen px = fontSize · containerPx / viewBoxWidth.
 */
export function schematicLayout(circuit: Pick<Circuit, 'width' | 'height'>): Layout {
  const width = (circuit.width + 2 * MARGIN_UNITS) * GRID;
  const height = (circuit.height + 2 * MARGIN_UNITS) * GRID;
  const fontSize = Math.max(18, Math.ceil(((MIN_TEXT_PX * width) / NARROW_CONTAINER_PX) * 2) / 2);
  return {
    viewBox: [-MARGIN_UNITS * GRID, -MARGIN_UNITS * GRID, width, height],
    fontSize,
    maxWidthPx: Math.round((width * MAX_TEXT_PX) / fontSize),
  };
}

/** Breaks text into lines of at most `maxChars` at spaces, never between a number and its unit. */
export function wrapLabel(text: string, maxChars: number): string[] {
  const words: string[] = [];
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const previous = words[words.length - 1];
    if (previous !== undefined && /\d$/.test(previous) && /^[^\d\s=|]/.test(word)) {
      words[words.length - 1] = `${previous} ${word}`;
    } else {
      words.push(word);
    }
  }
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
