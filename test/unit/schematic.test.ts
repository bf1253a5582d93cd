// Schematic component and the output-impedance circuit: accessible parts, wires that meet terminals, junction
// dots where conductors meet, live labels, legible text. Leaves out pointer and keyboard behaviour (needs a browser).
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Schematic } from '../../src/components/schematics/Schematic';
import { sourceIntoHeadphoneCircuit } from '../../src/components/schematics/circuits/sourceIntoHeadphone';
import type { SourceIntoHeadphoneValues } from '../../src/components/schematics/circuits/sourceIntoHeadphone';
import type { Circuit, GridPoint, Part, PartKind } from '../../src/components/schematics/types';
import { terminalsOf, same, wireTouches, checkConnectivity } from './schematicChecks';

const MICRO = '\u00b5';

// ---- tiny readers for the server-rendered markup ------------------------------------------------

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributeOf(tag: string, name: string): string | undefined {
  const raw = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return raw === undefined ? undefined : decodeEntities(raw);
}

function openingTags(html: string, tagName: string): string[] {
  return html.match(new RegExp(`<${tagName}(?=[\\s>])[^>]*>`, 'g')) ?? [];
}

function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ''));
}

const render = (circuit: Circuit, highlightId?: string) =>
  renderToString(h(Schematic, highlightId === undefined ? { circuit } : { circuit, highlightId }));

/** Focusable part groups: [data-part-id, aria-label, role, class]. */
function focusableParts(html: string) {
  return openingTags(html, 'g')
    .filter((tag) => attributeOf(tag, 'tabindex') === '0')
    .map((tag) => ({
      id: attributeOf(tag, 'data-part-id'),
      name: attributeOf(tag, 'aria-label') ?? '',
      role: attributeOf(tag, 'role'),
      className: attributeOf(tag, 'class') ?? '',
    }));
}

// ---- circuits used below -------------------------------------------------------------------------

const HD600_LIKE: SourceIntoHeadphoneValues = {
  outputImpedanceOhms: 33,
  headphoneName: 'HD 600-class',
  driver: {
    dcResistanceOhms: 260,
    voiceCoilInductanceHenries: 0.2e-3,
    motionalResistanceOhms: 230,
    motionalInductanceHenries: 0.0123,
    motionalCapacitanceFarads: 330e-6,
  },
  loadMagnitudeOhms: 490,
  atFrequencyHz: 90,
  sourceVoltsRms: 1,
  loadVoltsRms: 490 / (490 + 33),
};

const MULTI_BA: SourceIntoHeadphoneValues = {
  outputImpedanceOhms: 10,
  headphoneName: 'Multi-BA IEM',
  driver: null,
  loadMagnitudeOhms: 9.2,
  atFrequencyHz: 1000,
  sourceVoltsRms: 1,
  loadVoltsRms: 9.2 / (9.2 + 10),
};

const ALL_KINDS: readonly PartKind[] = [
  'source', 'resistor', 'capacitor', 'inductor', 'opamp', 'triode', 'npn', 'pnp', 'headphone', 'ground', 'jack', 'xlr',
];

/** One part of every kind, each with a name and a value, laid out in a row. */
const EVERY_KIND: Circuit = {
  title: 'Every symbol',
  description: 'One part of each kind.',
  width: 60,
  height: 6,
  parts: ALL_KINDS.map((kind, i) => ({
    id: `part-${kind}`,
    kind,
    at: { x: 1 + i * 5, y: 3 },
    name: `N${i}`,
    label: `${i + 1}.5 kΩ`,
    role: `Role of the ${kind}.`,
  })),
  wires: [],
};


// ---- tests ----------------------------------------------------------------------------------------

describe('Schematic', () => {
  it('renders every part as a focusable image whose accessible name holds its name, value and role', () => {
    const html = render(EVERY_KIND);
    const parts = focusableParts(html);
    expect(parts).toHaveLength(EVERY_KIND.parts.length);
    for (const part of EVERY_KIND.parts) {
      const rendered = parts.find((p) => p.id === part.id);
      expect(rendered, part.kind).toBeDefined();
      expect(rendered?.role).toBe('img');
      expect(rendered?.name).toContain(part.name);
      expect(rendered?.name).toContain(part.label ?? '');
      expect(rendered?.name).toContain(part.role);
    }
  });

  it('keeps the parts in the given order, which is the Tab order', () => {
    const ids = focusableParts(render(EVERY_KIND)).map((p) => p.id);
    expect(ids).toEqual(EVERY_KIND.parts.map((p) => p.id));
  });

  it('draws a symbol for every part kind', () => {
    const html = render(EVERY_KIND);
    for (const part of EVERY_KIND.parts) {
      const start = html.indexOf(`data-part-id="${part.id}"`);
      const group = html.slice(start, html.indexOf('</g>', start));
      expect(/<(path|circle|rect)[^>]*class="sch-(sym|fill)"/.test(group), part.kind).toBe(true);
    }
  });

  it('captions the figure with the title and description and lists every part with name, value and role', () => {
    const circuit = sourceIntoHeadphoneCircuit(HD600_LIKE);
    const html = render(circuit);
    const caption = textOf(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '');
    expect(caption).toContain(circuit.title);
    expect(caption).toContain(circuit.description);
    expect(html).toMatch(/<details[^>]*><summary>Parts list<\/summary><ul>/);
    const items = (/<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').match(/<li>[\s\S]*?<\/li>/g) ?? [];
    for (const part of circuit.parts) {
      const item = items.map(textOf).find((text) => text.startsWith(part.name));
      expect(item, part.name).toBeDefined();
      expect(item).toContain(part.role);
      if (part.label) expect(item).toContain(part.label);
    }
  });

  it('shows the hint in a polite live region until a part is hovered or focused', () => {
    const html = render(sourceIntoHeadphoneCircuit(HD600_LIKE));
    const region = /<p[^>]*aria-live="polite"[^>]*>([\s\S]*?)<\/p>/.exec(html);
    expect(textOf(region?.[1] ?? '')).toBe('Hover or focus a part to see what it does.');
  });

  it('marks only the highlighted part as active', () => {
    const parts = focusableParts(render(sourceIntoHeadphoneCircuit(HD600_LIKE), 'zout'));
    const active = parts.filter((p) => p.className.split(' ').includes('is-active')).map((p) => p.id);
    expect(active).toEqual(['zout']);
  });

  it('sizes text so that it is at least 11 px when a 12-unit circuit fills a 360 px phone, even inside padding', () => {
    const twelveWide: Circuit = { ...EVERY_KIND, width: 12, parts: EVERY_KIND.parts.slice(0, 2) };
    const html = render(twelveWide);
    const viewBoxWidth = Number(attributeOf(openingTags(html, 'svg')[0] ?? '', 'viewBox')?.split(' ')[2]);
    const sizes = openingTags(html, 'text').map((tag) => Number(attributeOf(tag, 'font-size')));
    expect(sizes.length).toBeGreaterThan(0);
    // The page pads the phone's 360 px by 16 px each side and a widget card by another 16 px: 296 px left.
    for (const containerPx of [360, 360 - 4 * 16]) {
      const screenPx = (Math.min(...sizes) * containerPx) / viewBoxWidth;
      expect(screenPx).toBeGreaterThanOrEqual(11);
    }
  });
});

describe('sourceIntoHeadphoneCircuit', () => {
  it('models a dynamic driver as Re and Le in series with Res, Les and Ces', () => {
    const parts = sourceIntoHeadphoneCircuit(HD600_LIKE).parts;
    const kindOf = (name: string) => parts.find((p) => p.name === name)?.kind;
    expect(kindOf('Zout')).toBe('resistor');
    expect(kindOf('Vs')).toBe('source');
    expect(kindOf('Re')).toBe('resistor');
    expect(kindOf('Le')).toBe('inductor');
    expect(kindOf('Res')).toBe('resistor');
    expect(kindOf('Les')).toBe('inductor');
    expect(kindOf('Ces')).toBe('capacitor');
    expect(parts.some((p) => p.kind === 'headphone')).toBe(false);
  });

  it('draws Res, Les and Ces in parallel: all three share both end nodes', () => {
    const circuit = sourceIntoHeadphoneCircuit(HD600_LIKE);
    const motional = ['Res', 'Les', 'Ces'].map((name) => circuit.parts.find((p) => p.name === name));
    const ends = motional.map((p) => (p ? terminalsOf(p) : []));
    // Each pair of ends is joined by one straight wire (the top bus and the bottom rail).
    for (const side of [0, 1]) {
      const points = ends.map((e) => e[side]).filter((p): p is GridPoint => p !== undefined);
      expect(points).toHaveLength(3);
      const bus = circuit.wires.find((w) => points.every((p) => wireTouches(w.points, p)));
      expect(bus, side === 0 ? 'top bus' : 'bottom rail').toBeDefined();
    }
  });

  it('models a multi-BA IEM as one headphone load labelled with |Z| at the chosen frequency', () => {
    const circuit = sourceIntoHeadphoneCircuit(MULTI_BA);
    const loads = circuit.parts.filter((p) => p.kind === 'headphone');
    expect(loads).toHaveLength(1);
    expect(loads[0]?.label).toBe(`|Z| = 9.2 Ω at 1 kHz`);
    expect(circuit.parts.some((p) => ['Re', 'Le', 'Res', 'Les', 'Ces'].includes(p.name))).toBe(false);
  });

  for (const [name, values] of [['dynamic', HD600_LIKE], ['multi-BA', MULTI_BA]] as const) {
    it(`connects every wire end to a terminal or a wire, and dots exactly the junctions (${name})`, () => {
      checkConnectivity(sourceIntoHeadphoneCircuit(values));
    });
  }

  it('keeps every grid terminal on whole grid units', () => {
    for (const values of [HD600_LIKE, MULTI_BA]) {
      for (const t of sourceIntoHeadphoneCircuit(values).parts.flatMap(terminalsOf)) {
        expect(Number.isInteger(t.x) && Number.isInteger(t.y)).toBe(true);
      }
    }
  });

  it('puts the voltage probe on the wire between Zout and the headphone', () => {
    const circuit = sourceIntoHeadphoneCircuit(HD600_LIKE);
    const probe = circuit.probes?.[0];
    const zoutTop = terminalsOf(circuit.parts.find((p) => p.name === 'Zout') as Part)[0] as GridPoint;
    const reTop = terminalsOf(circuit.parts.find((p) => p.name === 'Re') as Part)[0] as GridPoint;
    const wire = circuit.wires.find((w) => probe && wireTouches(w.points, probe.at));
    expect(wire).toBeDefined();
    expect(wire?.points.some((p) => same(p, zoutTop))).toBe(true);
    expect(wire?.points.some((p) => same(p, reTop))).toBe(true);
  });

  it('labels the parts with their values and units', () => {
    const byName = (name: string) => sourceIntoHeadphoneCircuit(HD600_LIKE).parts.find((p) => p.name === name)?.label;
    expect(byName('Zout')).toBe('33 Ω');
    expect(byName('Vs')).toBe('1.00 V');
    expect(byName('Re')).toBe('260 Ω');
    expect(byName('Le')).toBe('0.20 mH');
    expect(byName('Res')).toBe('230 Ω');
    expect(byName('Les')).toBe('12.3 mH');
    expect(byName('Ces')).toBe(`330 ${MICRO}F`);
    expect(sourceIntoHeadphoneCircuit(HD600_LIKE).probes?.[0]?.label).toBe('0.94 V');
  });

  it('changes the drawn labels when the values change', () => {
    const before = render(sourceIntoHeadphoneCircuit(HD600_LIKE));
    const after = render(
      sourceIntoHeadphoneCircuit({ ...HD600_LIKE, outputImpedanceOhms: 120, loadVoltsRms: 490 / (490 + 120) }),
    );
    const zoutName = (html: string) => focusableParts(html).find((p) => p.id === 'zout')?.name ?? '';
    expect(zoutName(before)).toContain('33 Ω');
    expect(zoutName(after)).toContain('120 Ω');
    expect(textOf(after)).toContain('120 Ω');
    expect(textOf(before)).toContain('0.94 V');
    expect(textOf(after)).toContain('0.80 V');
    expect(textOf(after)).not.toContain('0.94 V');

    const ba100 = sourceIntoHeadphoneCircuit({ ...MULTI_BA, loadMagnitudeOhms: 14, atFrequencyHz: 100 });
    expect(ba100.parts.find((p) => p.kind === 'headphone')?.label).toBe('|Z| = 14 Ω at 100 Hz');
  });
});
