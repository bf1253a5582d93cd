// Interactive circuit diagram: parts, wires, probes and junctions from a Circuit, drawn as SVG; each part is
// focusable and explains its role. Leaves out wire routing (wires are given), zoom, and editing.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { GRID, defaultLabelSide, partExtent, schematicLayout, wrapLabel } from './geometry';
import type { Box } from './geometry';
import { PartSymbol } from './symbols';
import type { Circuit, Frame, LabelSide, Part, Probe, Wire } from './types';
import './schematics.css';

export interface SchematicProps {
  circuit: Circuit;
  /** Part drawn in the accent colour, e.g. the one a nearby slider changes. */
  highlightId?: string;
}

export const DEFAULT_HINT = 'Hover or focus a part to see what it does.';

/** Accessible name of a part: "Zout, 33 Ω: the amplifier's output impedance …". */
export function partAccessibleName(part: Part): string {
  return part.label ? `${part.name}, ${part.label}: ${part.role}` : `${part.name}: ${part.role}`;
}

/** The description-panel sentence for a part: "Zout (33 Ω): the amplifier's output impedance …". */
export function partDescription(part: Part): string {
  return part.label ? `${part.name} (${part.label}): ${part.role}` : `${part.name}: ${part.role}`;
}

/** Two decimals are plenty in viewBox units. */
const round = (v: number): number => Math.round(v * 100) / 100;

/** Typical advance width of body text in em, used only to size hit areas around labels. */
const CHAR_WIDTH_EM = 0.64;
const LINE_HEIGHT_EM = 1.15;
const ASCENT_EM = 0.78;
const DESCENT_EM = 0.22;
/** Gap between a symbol and its label, viewBox units. */
const LABEL_GAP = 6;

interface LabelLine {
  text: string;
  isName: boolean;
}

interface PlacedLabel {
  lines: LabelLine[];
  x: number;
  firstBaseline: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

function placeLabel(part: Part, fontSize: number): PlacedLabel | null {
  if (part.kind === 'ground' && !part.label) return null;
  const side: LabelSide = part.labelSide ?? defaultLabelSide(part);
  const sideways = side === 'left' || side === 'right';
  const valueLines = part.label ? wrapLabel(part.label, sideways ? 12 : 18) : [];
  const lines: LabelLine[] = [
    { text: part.name, isName: true },
    ...valueLines.map((text) => ({ text, isName: false })),
  ];
  const lineHeight = fontSize * LINE_HEIGHT_EM;
  const blockHeight = lines.length * lineHeight;
  const widest = Math.max(...lines.map((l) => l.text.length)) * CHAR_WIDTH_EM * fontSize;
  const e = partExtent(part);
  const ext = { left: e.left * GRID, top: e.top * GRID, right: e.right * GRID, bottom: e.bottom * GRID };
  const midX = (ext.left + ext.right) / 2;
  const midY = (ext.top + ext.bottom) / 2;
  let x = midX;
  let firstBaseline = midY;
  let anchor: PlacedLabel['anchor'] = 'middle';
  switch (side) {
    case 'right':
    case 'left':
      anchor = side === 'right' ? 'start' : 'end';
      x = side === 'right' ? ext.right + LABEL_GAP : ext.left - LABEL_GAP;
      firstBaseline = midY - blockHeight / 2 + ASCENT_EM * fontSize + (lineHeight - fontSize) / 2;
      break;
    case 'above':
      firstBaseline = ext.top - LABEL_GAP - DESCENT_EM * fontSize - (lines.length - 1) * lineHeight;
      break;
    case 'below':
      firstBaseline = ext.bottom + LABEL_GAP + ASCENT_EM * fontSize;
      break;
  }
  const top = firstBaseline - ASCENT_EM * fontSize;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - widest : x - widest / 2;
  return {
    lines,
    x,
    firstBaseline,
    anchor,
    box: { left, top, right: left + widest, bottom: top + blockHeight },
  };
}

function union(a: Box, b: Box | undefined): Box {
  if (!b) return a;
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}

interface PartViewProps {
  part: Part;
  fontSize: number;
  isActive: boolean;
  onEnter: (id: string) => void;
  onLeave: (id: string) => void;
  onFocusPart: (id: string) => void;
  onBlurPart: (id: string) => void;
}

function PartView({ part, fontSize, isActive, onEnter, onLeave, onFocusPart, onBlurPart }: PartViewProps) {
  const label = placeLabel(part, fontSize);
  const e = partExtent(part);
  const pad = 0.12 * GRID;
  const symbolBox = {
    left: e.left * GRID - pad,
    top: e.top * GRID - pad,
    right: e.right * GRID + pad,
    bottom: e.bottom * GRID + pad,
  };
  const hit = union(symbolBox, label?.box);
  const lineHeight = fontSize * LINE_HEIGHT_EM;
  return (
    <g
      class={isActive ? 'sch-part is-active' : 'sch-part'}
      tabindex={0}
      role="img"
      aria-label={partAccessibleName(part)}
      data-part-id={part.id}
      onMouseEnter={() => onEnter(part.id)}
      onMouseLeave={() => onLeave(part.id)}
      onFocus={() => onFocusPart(part.id)}
      onBlur={() => onBlurPart(part.id)}
    >
      <rect
        class="sch-hit"
        x={round(hit.left)}
        y={round(hit.top)}
        width={round(hit.right - hit.left)}
        height={round(hit.bottom - hit.top)}
        rx={6}
      />
      <PartSymbol part={part} fontSize={fontSize} />
      {label?.lines.map((line, i) => (
        <text
          key={i}
          class={line.isName ? 'sch-name' : 'sch-value'}
          x={round(label.x)}
          y={round(label.firstBaseline + i * lineHeight)}
          text-anchor={label.anchor}
          font-size={fontSize}
        >
          {line.text}
        </text>
      ))}
    </g>
  );
}

function wirePath(wire: Wire): string {
  return wire.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x * GRID)} ${round(p.y * GRID)}`).join('');
}

function FrameView({ frame, fontSize }: { frame: Frame; fontSize: number }) {
  const left = round(Math.min(frame.from.x, frame.to.x) * GRID);
  const top = round(Math.min(frame.from.y, frame.to.y) * GRID);
  const width = round(Math.abs(frame.to.x - frame.from.x) * GRID);
  const height = round(Math.abs(frame.to.y - frame.from.y) * GRID);
  return (
    <g class="sch-frame">
      <rect x={left} y={top} width={width} height={height} rx={8} />
      <text x={round(left + 4)} y={round(top + height + LABEL_GAP + ASCENT_EM * fontSize)} font-size={fontSize}>
        {frame.label}
      </text>
    </g>
  );
}

function ProbeView({ probe, fontSize }: { probe: Probe; fontSize: number }) {
  const x = round(probe.at.x * GRID);
  const y = round(probe.at.y * GRID);
  const baseline = probe.side === 'below' ? y + 8 + ASCENT_EM * fontSize : y - 8 - DESCENT_EM * fontSize;
  return (
    <g class="sch-probe">
      <circle cx={x} cy={y} r={5.5} />
      <text x={round(x + 8)} y={round(baseline)} font-size={fontSize}>
        {probe.label}
      </text>
    </g>
  );
}

/** A circuit diagram with focusable parts, a live description of the part under the pointer or focus, and a parts list. */
export function Schematic({ circuit, highlightId }: SchematicProps): JSX.Element {
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const layout = schematicLayout(circuit);
  const { fontSize } = layout;
  const activeId = hoveredId ?? focusedId;
  const activePart = circuit.parts.find((p) => p.id === activeId);
  const probes = circuit.probes ?? [];

  return (
    <figure class="sch">
      <svg
        class="sch-svg"
        viewBox={layout.viewBox.join(' ')}
        style={{ maxWidth: `${layout.maxWidthPx}px` }}
        role="group"
        aria-label={`Circuit diagram: ${circuit.title}`}
      >
        {(circuit.frames ?? []).map((frame, i) => (
          <FrameView key={`f${i}`} frame={frame} fontSize={fontSize} />
        ))}
        <g class="sch-wires" aria-hidden="true">
          {circuit.wires.map((wire, i) => (
            <path key={i} d={wirePath(wire)} />
          ))}
          {(circuit.dots ?? []).map((dot, i) => (
            <circle key={`d${i}`} class="sch-dot" cx={round(dot.x * GRID)} cy={round(dot.y * GRID)} r={5} />
          ))}
        </g>
        {circuit.parts.map((part) => (
          <PartView
            key={part.id}
            part={part}
            fontSize={fontSize}
            isActive={part.id === activeId || part.id === highlightId}
            onEnter={setHoveredId}
            onLeave={(id) => setHoveredId((current) => (current === id ? null : current))}
            onFocusPart={setFocusedId}
            onBlurPart={(id) => setFocusedId((current) => (current === id ? null : current))}
          />
        ))}
        {probes.map((probe, i) => (
          <ProbeView key={`p${i}`} probe={probe} fontSize={fontSize} />
        ))}
      </svg>
      <p class="sch-description" aria-live="polite">
        {activePart ? partDescription(activePart) : DEFAULT_HINT}
      </p>
      <figcaption class="sch-caption">
        <strong class="sch-title">{/[.!?:]$/.test(circuit.title) ? circuit.title : `${circuit.title}.`}</strong>{' '}
        {circuit.description}
        <details class="sch-parts">
          <summary>Parts list</summary>
          <ul>
            {circuit.parts.map((part) => (
              <li key={part.id}>
                <strong>{part.name}</strong>
                {part.label ? ` (${part.label})` : ''}: {part.role}
              </li>
            ))}
            {probes.map((probe, i) => (
              <li key={`p${i}`}>
                <strong>{probe.label}</strong>
                {probe.description ? `: ${probe.description}` : ''}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
