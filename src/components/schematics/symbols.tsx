// Schematic symbols (ANSI style: zig-zag resistor, humped inductor, circle-and-sine AC source, circle with + and − for a
// DC source, triangle-and-bar diode, two coils on a core for a transformer, a plain rectangle for a block such as a
// regulator) for every PartKind.
// Shapes only, in viewBox units around the part's terminals; labels, hit areas and colours live in Schematic.tsx and CSS.
import type { JSX } from 'preact';
import { GRID, isVertical } from './geometry';
import type { Part } from './types';

/* Local drawings below use viewBox units with GRID = 40: 80 is the 2-unit span of a two-terminal part. */

const RESISTOR = 'M0 0H16L20 -10L28 10L36 -10L44 10L52 -10L60 10L64 0H80';
const CAPACITOR = 'M0 0H35M45 0H80M35 -18V18M45 -18V18';
const INDUCTOR = 'M0 0H12A7 7 0 0 1 26 0A7 7 0 0 1 40 0A7 7 0 0 1 54 0A7 7 0 0 1 68 0H80';
const SOURCE_LEADS = 'M0 0H16M64 0H80';
/** Inside an AC source's circle, around its centre. */
const SINE = 'M-13 0Q-6.5 -14 0 0T13 0';
/** Inside a DC source's circle, around its centre: + towards the first terminal, − towards the second; drawn upright. */
const PLUS_MINUS_HORIZONTAL = 'M-16 0H-6M-11 -5V5M6 0H16';
const PLUS_MINUS_VERTICAL = 'M-5 -11H5M0 -16V-6M-5 11H5';
const DIODE_LEADS = 'M0 0H28M52 0H80';
/** The diode's triangle points from the anode (left, at `at`) to the cathode bar. */
const DIODE_TRIANGLE = 'M28 -12L52 0L28 12Z';
const DIODE_BAR = 'M52 -12V12';

/** Primary winding on the left, bulging towards the core; secondary on the right, bulging back; two core lines between. */
const TRANSFORMER_PRIMARY = 'M0 0H20A10 10 0 0 1 20 20A10 10 0 0 1 20 40A10 10 0 0 1 20 60A10 10 0 0 1 20 80H0';
const TRANSFORMER_SECONDARY = 'M80 0H60A10 10 0 0 0 60 20A10 10 0 0 0 60 40A10 10 0 0 0 60 60A10 10 0 0 0 60 80H80';
const TRANSFORMER_CORE = 'M36 -4V84M44 -4V84';

const BOX_LEADS = 'M0 0H12M68 0H80';
const HEADPHONE_LEADS = 'M0 0H28M52 0H80';
/** Loudspeaker-style load: the motor as a small box on the wire, the cone flaring to one side. */
const HEADPHONE_CONE = 'M28 -8L18 -26H62L52 -8';

const OPAMP_BODY = 'M20 -24L20 104L140 40Z';
const OPAMP_LEADS = 'M0 0H20M0 80H20M140 40H160M27 0H39M27 80H39M33 74V86';

const TRIODE_PLATE = 'M62 -18H98M80 -18V-80';
const TRIODE_CATHODE = 'M62 18H98V24M80 18V80';
const TRIODE_GRID_LEAD = 'M0 0H46';
const TRIODE_GRID = 'M46 0H114';

const BJT_LEADS = 'M0 0H48M48 -18V18M48 -8L80 -26V-40M48 8L80 26V40';
const JACK = 'M0 0H36L45 -11L54 0H58M0 40H68V31';
const XLR_LEADS = 'M0 0H61M0 40H61M0 80H61';

/** Arrowhead (filled triangle) with its tip at `t` along the emitter line, pointing out (npn) or in (pnp). */
function bjtArrow(pointsOut: boolean): string {
  const from = { x: 48, y: 8 };
  const to = { x: 80, y: 26 };
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const t = pointsOut ? 0.85 : 0.3;
  const sign = pointsOut ? 1 : -1;
  const tip = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
  const back = { x: tip.x - sign * ux * 11, y: tip.y - sign * uy * 11 };
  const r = (v: number) => Math.round(v * 100) / 100;
  return `M${r(tip.x)} ${r(tip.y)}L${r(back.x - uy * 5.5)} ${r(back.y + ux * 5.5)}L${r(back.x + uy * 5.5)} ${r(back.y - ux * 5.5)}Z`;
}
const NPN_ARROW = bjtArrow(true);
const PNP_ARROW = bjtArrow(false);

interface SymbolProps {
  part: Part;
  /** Text size in viewBox units, for pin numbers. */
  fontSize: number;
}

/** The drawn symbol of one part, positioned at its grid location. */
export function PartSymbol({ part, fontSize }: SymbolProps): JSX.Element {
  const x = Math.round(part.at.x * GRID * 100) / 100;
  const y = Math.round(part.at.y * GRID * 100) / 100;
  const place = `translate(${x} ${y})`;
  const along = isVertical(part) ? `${place} rotate(90)` : place;
  switch (part.kind) {
    case 'resistor':
      return <path class="sch-sym" transform={along} d={RESISTOR} />;
    case 'capacitor':
      return <path class="sch-sym" transform={along} d={CAPACITOR} />;
    case 'inductor':
      return <path class="sch-sym" transform={along} d={INDUCTOR} />;
    case 'diode':
      return (
        <g transform={along}>
          <path class="sch-sym" d={DIODE_LEADS} />
          <path class="sch-fill" d={DIODE_TRIANGLE} />
          <path class="sch-sym" d={DIODE_BAR} />
        </g>
      );
    case 'transformer':
      return (
        <g transform={place}>
          <path class="sch-sym" d={TRANSFORMER_PRIMARY} />
          <path class="sch-sym" d={TRANSFORMER_SECONDARY} />
          <path class="sch-sym" d={TRANSFORMER_CORE} />
        </g>
      );
    case 'box':
      return (
        <g transform={place}>
          <path class="sch-sym" d={BOX_LEADS} />
          <rect class="sch-sym" x={12} y={-22} width={56} height={44} rx={3} />
        </g>
      );
    case 'source':
    case 'dc-source': {
      const cx = isVertical(part) ? x : x + GRID;
      const cy = isVertical(part) ? y + GRID : y;
      return (
        <g>
          <path class="sch-sym" transform={along} d={SOURCE_LEADS} />
          <circle class="sch-sym" cx={cx} cy={cy} r={24} />
          <path
            class="sch-sym"
            transform={`translate(${cx} ${cy})`}
            d={part.kind === 'source' ? SINE : isVertical(part) ? PLUS_MINUS_VERTICAL : PLUS_MINUS_HORIZONTAL}
          />
        </g>
      );
    }
    case 'headphone':
      return (
        <g transform={along}>
          <path class="sch-sym" d={HEADPHONE_LEADS} />
          <rect class="sch-sym" x={28} y={-8} width={24} height={16} />
          <path class="sch-sym" d={HEADPHONE_CONE} />
        </g>
      );
    case 'ground':
      return <path class="sch-sym" transform={place} d="M0 0V14M-16 14H16M-10 20H10M-4 26H4" />;
    case 'opamp':
      return (
        <g transform={place}>
          <path class="sch-sym" d={OPAMP_BODY} />
          <path class="sch-sym" d={OPAMP_LEADS} />
        </g>
      );
    case 'triode':
      return (
        <g transform={place}>
          <circle class="sch-sym" cx={80} cy={0} r={40} />
          <path class="sch-sym" d={TRIODE_PLATE} />
          <path class="sch-sym" d={TRIODE_CATHODE} />
          <path class="sch-sym" d={TRIODE_GRID_LEAD} />
          <path class="sch-sym sch-dashed" d={TRIODE_GRID} />
        </g>
      );
    case 'npn':
    case 'pnp':
      return (
        <g transform={place}>
          <circle class="sch-sym" cx={62} cy={0} r={34} />
          <path class="sch-sym" d={BJT_LEADS} />
          <path class="sch-fill" d={part.kind === 'npn' ? NPN_ARROW : PNP_ARROW} />
        </g>
      );
    case 'jack':
      return (
        <g transform={place}>
          <path class="sch-sym" d={JACK} />
          <rect class="sch-fill" x={64} y={-18} width={9} height={49} />
        </g>
      );
    case 'xlr':
      return (
        <g transform={place}>
          <circle class="sch-sym" cx={84} cy={40} r={52} />
          <path class="sch-sym" d={XLR_LEADS} />
          {[0, 40, 80].map((pinY, i) => (
            <g key={pinY}>
              <circle class="sch-sym" cx={66} cy={pinY} r={5} />
              <text class="sch-pin" x={78} y={pinY} dy="0.35em" font-size={fontSize * 0.8}>
                {i + 1}
              </text>
            </g>
          ))}
        </g>
      );
  }
}
