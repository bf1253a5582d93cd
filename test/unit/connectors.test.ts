// Connector pin-outs: how many contacts each connector has, what each carries as the cited sources give it, that every
// source exists, and that the drawing says what the data says (accessible name, table, unassigned 4.4 mm poles).
// Leaves out how the drawing looks (a browser test).
import { existsSync, readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ConnectorPinout, contactSignalText, pinoutTextAlternative } from '../../src/components/diagrams/ConnectorPinout';
import { CONNECTORS, connectorById, type ConnectorId, type ContactSignal } from '../../src/dsp/connections/connectors';

/** Ids in src/data/sources.json, plus the new entries waiting in /tmp/conn-sources.json until they are merged. */
function knownSourceIds(): Set<string> {
  const files = ['src/data/sources.json', '/tmp/conn-sources.json'].filter((f) => existsSync(f));
  return new Set(files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { id: string }[]).map((s) => s.id)));
}

const signalsOf = (id: ConnectorId): (ContactSignal | null)[] => connectorById(id).contacts.map((c) => c.signal);

describe('connector pin-outs', () => {
  it('each connector has the contacts it should: RCA 2, TRS 3, TRRS 4, XLR3 3, XLR4 4, Pentaconn 5', () => {
    const expected: Record<ConnectorId, number> = {
      rca: 2,
      'trs-3.5': 3,
      'trs-6.35': 3,
      'trrs-ctia': 4,
      'trrs-omtp': 4,
      'trs-balanced': 3,
      'xlr-3': 3,
      'xlr-4-headphone': 4,
      'pentaconn-4.4': 5,
    };
    for (const connector of CONNECTORS) expect(connector.contacts.length, connector.id).toBe(expected[connector.id]);
    expect(new Set(CONNECTORS.map((c) => c.id)).size).toBe(Object.keys(expected).length);
  });

  it('RCA: centre pin signal, shell ground (ART EQ341 manual: pin high, outside low)', () => {
    expect(signalsOf('rca')).toEqual(['signal', 'ground']);
  });

  it('3.5 mm and 6.35 mm TRS: tip left, ring right, sleeve ground (Allen & Heath; Head-Fi DIY cable table)', () => {
    expect(signalsOf('trs-3.5')).toEqual(['left', 'right', 'ground']);
    expect(signalsOf('trs-6.35')).toEqual(['left', 'right', 'ground']);
    expect(connectorById('trs-3.5').diameterMm).toBe(3.5);
    expect(connectorById('trs-6.35').diameterMm).toBeCloseTo(25.4 / 4, 9);
  });

  it('TRRS: CTIA is left, right, ground, mic from the tip (LRGM); OMTP swaps the last two (LRMG) (Android headset spec)', () => {
    expect(signalsOf('trrs-ctia')).toEqual(['left', 'right', 'ground', 'microphone']);
    expect(signalsOf('trrs-omtp')).toEqual(['left', 'right', 'microphone', 'ground']);
    expect(connectorById('trrs-ctia').contacts.map((c) => c.name)).toEqual(['Tip', 'Ring 1', 'Ring 2', 'Sleeve']);
  });

  it('balanced TRS line: tip hot, ring cold, sleeve ground (ART; Allen & Heath)', () => {
    expect(signalsOf('trs-balanced')).toEqual(['hot', 'cold', 'ground']);
    expect(connectorById('trs-balanced').balanced).toBe(true);
  });

  it('3-pin XLR: pin 1 ground, pin 2 hot, pin 3 cold ("pin 2 hot": ART, Allen & Heath)', () => {
    expect(signalsOf('xlr-3')).toEqual(['ground', 'hot', 'cold']);
    expect(connectorById('xlr-3').contacts.map((c) => c.name)).toEqual(['Pin 1', 'Pin 2', 'Pin 3']);
  });

  it('4-pin XLR headphone: pin 1 L+, 2 L−, 3 R+, 4 R−, flagged as a convention rather than a standard (Head-Fi)', () => {
    expect(signalsOf('xlr-4-headphone')).toEqual(['left-plus', 'left-minus', 'right-plus', 'right-minus']);
    expect(connectorById('xlr-4-headphone').assignmentBasis).toBe('convention');
  });

  it('4.4 mm Pentaconn: five poles carrying L+, L−, R+, R− and ground, none tied to a pole (order not confirmed)', () => {
    const penta = connectorById('pentaconn-4.4');
    expect(penta.diameterMm).toBe(4.4);
    expect(penta.assignmentBasis).toBe('unconfirmed');
    expect(penta.contacts.every((c) => c.signal === null)).toBe(true);
    expect([...penta.signals].sort()).toEqual(['ground', 'left-minus', 'left-plus', 'right-minus', 'right-plus']);
    expect(penta.sourceIds).toContain('jeita-balanced-news');
  });

  it('every connector but the 4.4 mm ties each signal it carries to exactly one contact', () => {
    for (const connector of CONNECTORS.filter((c) => c.assignmentBasis !== 'unconfirmed')) {
      const assigned = connector.contacts.map((c) => c.signal);
      expect(assigned.every((s) => s !== null), connector.id).toBe(true);
      expect([...assigned].sort(), connector.id).toEqual([...connector.signals].sort());
      expect(new Set(connector.contacts.map((c) => c.id)).size, connector.id).toBe(connector.contacts.length);
    }
  });

  it('every source id exists in src/data/sources.json or the new entries in /tmp/conn-sources.json', () => {
    const known = knownSourceIds();
    for (const connector of CONNECTORS) {
      expect(connector.sourceIds.length, connector.id).toBeGreaterThan(0);
      for (const id of connector.sourceIds) expect(known.has(id), `${connector.id}: ${id}`).toBe(true);
    }
  });
});

describe('ConnectorPinout drawing', () => {
  const render = (id: ConnectorId) => renderToString(h(ConnectorPinout, { connector: id }));

  it('is an accessible image whose text alternative names every contact and its signal', () => {
    for (const connector of CONNECTORS) {
      const html = render(connector.id);
      expect(html).toMatch(/<svg[^>]*role="img"/);
      expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ [\d.]+"/);
      const label = pinoutTextAlternative(connector);
      for (const contact of connector.contacts) expect(label).toContain(`${contact.name}: ${contactSignalText(contact)}`);
    }
  });

  it('has a caption and a table with one row per contact', () => {
    for (const connector of CONNECTORS) {
      const html = render(connector.id);
      expect(html).toContain('<figcaption');
      expect((html.match(/<th scope="row">/g) ?? []).length, connector.id).toBe(connector.contacts.length);
      expect((html.match(/data-contact="/g) ?? []).length, connector.id).toBe(connector.contacts.length);
    }
  });

  it('draws the 4.4 mm poles unassigned and says the order is not confirmed', () => {
    const html = render('pentaconn-4.4');
    expect((html.match(/not assigned/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('not confirmed');
    expect(html).not.toMatch(/>L\+</);
  });

  it('says the XLR pin positions are schematic and which way the view faces', () => {
    for (const id of ['xlr-3', 'xlr-4-headphone'] as const) {
      const html = render(id);
      expect(html).toContain('End-on view');
      expect(html).toContain('schematic');
    }
  });

  it('takes its colours from the theme variables only', () => {
    for (const connector of CONNECTORS) expect(render(connector.id)).not.toMatch(/#[0-9a-fA-F]{3,6}\b/);
  });
});
