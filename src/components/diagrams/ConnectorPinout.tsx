// Drawing of one connector with each contact labelled by what it carries: a phone plug or an RCA plug from the side
// (tip up), an XLR end-on; a caption and a table give the same content as text. Static: renders at build time, no
// client script. Leaves out: true proportions, and for XLR the exact pin geometry — pin positions are schematic, the
// numbers are the ones marked on the insert.
import type { JSX } from 'preact';
import {
  connectorById,
  SIGNAL_DESCRIPTIONS,
  SIGNAL_SHORT_LABELS,
  type Connector,
  type ConnectorId,
  type Contact,
} from '../../dsp/connections/connectors';
import '../plots/plots.css';

export interface ConnectorPinoutProps {
  connector: ConnectorId;
  /** The figure's id; defaults to "pinout-" and the connector's id. */
  id?: string;
  /** Caption title; defaults to the connector's name. */
  title?: string;
}

/** viewBox widths: at 17 units the labels stay ≥ 15 px when the figure is 340 px wide. */
const WIDTH = { plug: 320, xlr: 360 } as const;
const FONT = 17;
const LINE = FONT * 1.25;
const MARGIN = { top: 16, bottom: 20 };
/** Gap between the drawing and the start of the leader line, and between the line's end and its label. */
const LEADER_GAP = 6;

/** Phone plug (side view, tip up), lengths in viewBox units. */
const PLUG = {
  centreX: 70,
  tipLength: 50,
  ringLength: 46,
  sleeveLength: 62,
  insulatorLength: 8,
  handleLength: 64,
  cableLength: 24,
};

/** RCA plug (side view, pin up). */
const RCA = { centreX: 70, pinHalfWidth: 5, pinExposed: 52, shellHalfWidth: 24, shellLength: 70, handleLength: 60 };

/** XLR (end-on): the insert's radius and where the pins sit, as a fraction of it. */
const XLR = { centreX: 180, radius: 84, pinRadius: 14, pinCircle: 0.52, keyWidth: 16, keyDepth: 10 };

/** Schematic pin angles (degrees, counter-clockwise from 3 o'clock), pins numbered clockwise from upper left. */
const XLR_ANGLES: Readonly<Record<number, readonly number[]>> = {
  3: [150, 30, 270],
  4: [135, 45, 315, 225],
};

const STYLE = {
  metal: { fill: 'var(--surface-2)', stroke: 'var(--fg)', strokeWidth: 2 },
  insulator: { fill: 'var(--muted)', stroke: 'var(--fg)', strokeWidth: 1 },
  body: { fill: 'var(--grid)', stroke: 'var(--fg)', strokeWidth: 2 },
  leader: { stroke: 'var(--muted)', strokeWidth: 1.5, fill: 'none' },
  name: { fill: 'var(--fg)', fontWeight: 600 },
  signal: { fill: 'var(--accent)' },
  unassigned: { fill: 'var(--muted)', fontStyle: 'italic' },
  pinNumber: { fill: 'var(--fg)', fontWeight: 600 },
} as const;

const round = (v: number): number => Math.round(v * 100) / 100;

/** What a contact's label says it carries. */
export function contactSignalText(contact: Contact): string {
  return contact.signal ? SIGNAL_SHORT_LABELS[contact.signal] : 'not assigned';
}

/** One-sentence text alternative for the drawing. */
export function pinoutTextAlternative(connector: Connector): string {
  const view =
    connector.shape === 'circular-pins' ? 'seen end-on, pin positions schematic' : 'seen from the side, tip at the top';
  const parts = connector.contacts.map((c) => `${c.name}: ${contactSignalText(c)}`).join('; ');
  const tail =
    connector.assignmentBasis === 'unconfirmed'
      ? ` It carries ${connector.signals.map((s) => SIGNAL_SHORT_LABELS[s]).join(', ')}, but which pole carries which is not confirmed here.`
      : '';
  return `${connector.name}, ${view}. ${parts}.${tail}`;
}

interface Anchor {
  contact: Contact;
  /** Where the leader line starts, on the drawing's edge; the label sits level with it. */
  x: number;
  y: number;
  side: 'left' | 'right';
}

/** Label columns: text starts at RIGHT_LABEL_X (right side) or ends at LEFT_LABEL_X (left side). */
const RIGHT_LABEL_X = { plug: 170, xlr: 280 } as const;
const LEFT_LABEL_X = 80;

/** Each contact's name and signal, level with it, joined to it by a leader line. */
function Labels({ anchors, rightLabelX }: { anchors: readonly Anchor[]; rightLabelX: number }): JSX.Element {
  return (
    <g>
      {anchors.map((a) => {
        const right = a.side === 'right';
        const labelX = right ? rightLabelX : LEFT_LABEL_X;
        const startX = right ? a.x + LEADER_GAP : a.x - LEADER_GAP;
        const endX = right ? labelX - LEADER_GAP : labelX + LEADER_GAP;
        const anchor = right ? 'start' : 'end';
        return (
          <g key={a.contact.id} data-contact={a.contact.id}>
            <line x1={round(startX)} y1={round(a.y)} x2={round(endX)} y2={round(a.y)} style={STYLE.leader} />
            <circle cx={round(startX)} cy={round(a.y)} r={2.5} style={{ fill: 'var(--muted)' }} />
            <text x={labelX} y={round(a.y - LINE / 2 + FONT * 0.35)} font-size={FONT} text-anchor={anchor} style={STYLE.name}>
              {a.contact.name}
            </text>
            <text
              x={labelX}
              y={round(a.y + LINE / 2 + FONT * 0.35)}
              font-size={FONT}
              text-anchor={anchor}
              style={a.contact.signal ? STYLE.signal : STYLE.unassigned}
            >
              {contactSignalText(a.contact)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

interface Drawing {
  width: number;
  height: number;
  body: JSX.Element;
  anchors: Anchor[];
  rightLabelX: number;
}

/** Phone plug: contacts from the tip down, insulating bands between them, the handle and cable below. */
function phonePlug(connector: Connector): Drawing {
  const half = 12 + 1.6 * (connector.diameterMm ?? 3.5);
  const x0 = PLUG.centreX - half;
  const shapes: JSX.Element[] = [];
  const anchors: Anchor[] = [];
  let y = MARGIN.top;
  const last = connector.contacts.length - 1;
  connector.contacts.forEach((contact, i) => {
    const length = i === 0 ? PLUG.tipLength : i === last ? PLUG.sleeveLength : PLUG.ringLength;
    if (i === 0) {
      const neckY = y + length * 0.55;
      const groove = half * 0.55;
      const d =
        `M${round(x0)} ${round(y + length)}V${round(neckY + 6)}L${round(PLUG.centreX - groove)} ${round(neckY)}` +
        `L${round(x0)} ${round(neckY - 6)}V${round(y + half * 0.9)}Q${round(PLUG.centreX)} ${round(y - half * 0.5)} ${round(x0 + 2 * half)} ${round(y + half * 0.9)}` +
        `V${round(neckY - 6)}L${round(PLUG.centreX + groove)} ${round(neckY)}L${round(x0 + 2 * half)} ${round(neckY + 6)}V${round(y + length)}Z`;
      shapes.push(<path key={contact.id} d={d} style={STYLE.metal} />);
      anchors.push({ contact, x: x0 + 2 * half, y: y + length * 0.3, side: 'right' });
    } else {
      shapes.push(<rect key={contact.id} x={round(x0)} y={round(y)} width={round(2 * half)} height={length} style={STYLE.metal} />);
      anchors.push({ contact, x: x0 + 2 * half, y: y + length / 2, side: 'right' });
    }
    y += length;
    if (i < last) {
      shapes.push(
        <rect key={`${contact.id}-insulator`} x={round(x0)} y={round(y)} width={round(2 * half)} height={PLUG.insulatorLength} style={STYLE.insulator} />,
      );
      y += PLUG.insulatorLength;
    }
  });
  const handleHalf = half * 1.7;
  shapes.push(
    <rect key="handle" x={round(PLUG.centreX - handleHalf)} y={round(y)} width={round(2 * handleHalf)} height={PLUG.handleLength} rx={6} style={STYLE.body} />,
  );
  y += PLUG.handleLength;
  shapes.push(<rect key="cable" x={round(PLUG.centreX - half * 0.5)} y={round(y)} width={round(half)} height={PLUG.cableLength} style={STYLE.body} />);
  y += PLUG.cableLength;
  return { width: WIDTH.plug, height: y + MARGIN.bottom, body: <g>{shapes}</g>, anchors, rightLabelX: RIGHT_LABEL_X.plug };
}

/** RCA plug: the centre pin standing out of the shell, the handle below. */
function rcaPlug(connector: Connector): Drawing {
  const [pin, shell] = connector.contacts;
  const top = MARGIN.top;
  const shellTop = top + RCA.pinExposed;
  const shellBottom = shellTop + RCA.shellLength;
  const x = RCA.centreX;
  const shapes = (
    <g>
      <rect x={x - RCA.shellHalfWidth} y={shellTop} width={2 * RCA.shellHalfWidth} height={RCA.shellLength} style={STYLE.metal} />
      <rect x={x - RCA.shellHalfWidth + 6} y={shellTop} width={2 * RCA.shellHalfWidth - 12} height={RCA.shellLength * 0.6} style={STYLE.insulator} />
      <path d={`M${x - RCA.pinHalfWidth} ${shellTop + RCA.shellLength * 0.6}V${top + RCA.pinHalfWidth}Q${x} ${top - RCA.pinHalfWidth} ${x + RCA.pinHalfWidth} ${top + RCA.pinHalfWidth}V${shellTop + RCA.shellLength * 0.6}Z`} style={STYLE.metal} />
      <rect x={x - RCA.shellHalfWidth * 1.2} y={shellBottom} width={2.4 * RCA.shellHalfWidth} height={RCA.handleLength} rx={6} style={STYLE.body} />
    </g>
  );
  const anchors: Anchor[] = [];
  if (pin) anchors.push({ contact: pin, x: x + RCA.pinHalfWidth, y: top + RCA.pinExposed / 2, side: 'right' });
  if (shell) anchors.push({ contact: shell, x: x + RCA.shellHalfWidth, y: shellTop + RCA.shellLength * 0.75, side: 'right' });
  return { width: WIDTH.plug, height: shellBottom + RCA.handleLength + MARGIN.bottom, body: shapes, anchors, rightLabelX: RIGHT_LABEL_X.plug };
}

/** XLR end-on: the insert with its key at the top, numbered pins at schematic positions. */
function xlrFace(connector: Connector): Drawing {
  const cy = MARGIN.top + XLR.radius;
  const cx = XLR.centreX;
  const angles = XLR_ANGLES[connector.contacts.length] ?? connector.contacts.map((_, i) => 90 - (360 * i) / connector.contacts.length);
  const pins = connector.contacts.map((contact, i) => {
    const a = ((angles[i] ?? 0) * Math.PI) / 180;
    return { contact, number: i + 1, x: cx + XLR.pinCircle * XLR.radius * Math.cos(a), y: cy - XLR.pinCircle * XLR.radius * Math.sin(a) };
  });
  const body = (
    <g>
      <circle cx={cx} cy={cy} r={XLR.radius} style={STYLE.body} />
      <rect x={cx - XLR.keyWidth / 2} y={cy - XLR.radius - 2} width={XLR.keyWidth} height={XLR.keyDepth + 2} style={STYLE.metal} />
      {pins.map((p) => (
        <g key={p.contact.id}>
          <circle cx={round(p.x)} cy={round(p.y)} r={XLR.pinRadius} style={STYLE.metal} />
          <text x={round(p.x)} y={round(p.y + FONT * 0.35)} font-size={FONT * 0.85} text-anchor="middle" style={STYLE.pinNumber}>
            {p.number}
          </text>
        </g>
      ))}
    </g>
  );
  // Pins left of centre are labelled on the left, the rest on the right, so no leader line crosses another pin.
  const anchors: Anchor[] = pins.map((p) => {
    const side = p.x < cx - 1 ? 'left' : 'right';
    return { contact: p.contact, x: side === 'left' ? p.x - XLR.pinRadius : p.x + XLR.pinRadius, y: p.y, side };
  });
  return { width: WIDTH.xlr, height: cy + XLR.radius + MARGIN.bottom, body, anchors, rightLabelX: RIGHT_LABEL_X.xlr };
}

function drawingFor(connector: Connector): Drawing {
  switch (connector.shape) {
    case 'phone-plug':
      return phonePlug(connector);
    case 'coaxial':
      return rcaPlug(connector);
    case 'circular-pins':
      return xlrFace(connector);
  }
}

function viewNote(connector: Connector): string {
  switch (connector.shape) {
    case 'phone-plug':
      return 'Side view, tip at the top; not to scale.';
    case 'coaxial':
      return 'Side view, pin at the top; not to scale.';
    case 'circular-pins':
      return 'End-on view with the latch key at the top. Pin positions are schematic, not the exact geometry of either the mating face or the solder side: read the number marked beside each pin on the insert.';
  }
}

export function ConnectorPinout({ connector: connectorId, id, title }: ConnectorPinoutProps): JSX.Element {
  const connector = connectorById(connectorId);
  const figureId = id ?? `pinout-${connector.id.replace(/\./g, "-")}`;
  const drawing = drawingFor(connector);
  const unconfirmed = connector.assignmentBasis === 'unconfirmed';
  const basis: Readonly<Record<Connector['assignmentBasis'], string>> = {
    specification: 'Assignment from a published specification.',
    'maker-documentation': 'Assignment as makers document it.',
    convention: 'A convention, not a standard.',
    unconfirmed: 'Poles drawn unassigned: their order is not confirmed here.',
  };
  return (
    <figure class="plot connector-pinout" id={figureId} data-connector={connector.id}>
      <figcaption class="plot-caption">
        <span class="plot-title">{title ?? connector.name}</span>{' '}
        <span class="plot-summary">
          {connector.use} {viewNote(connector)} {basis[connector.assignmentBasis]}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${drawing.width} ${round(drawing.height)}`}
        role="img"
        aria-label={pinoutTextAlternative(connector)}
        preserveAspectRatio="xMinYMin meet"
        style={{ display: 'block', width: '100%', maxWidth: '28rem', height: 'auto', fontFamily: 'var(--font-body)' }}
      >
        {drawing.body}
        <Labels anchors={drawing.anchors} rightLabelX={drawing.rightLabelX} />
      </svg>
      <table>
        <caption class="visually-hidden">{`${connector.name}: what each contact carries`}</caption>
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Carries</th>
          </tr>
        </thead>
        <tbody>
          {connector.contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{c.signal ? `${SIGNAL_SHORT_LABELS[c.signal]}: ${SIGNAL_DESCRIPTIONS[c.signal]}` : unconfirmed ? 'Not confirmed' : 'Not assigned'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="connector-pinout-note">{connector.note}</p>
    </figure>
  );
}

export default ConnectorPinout;
