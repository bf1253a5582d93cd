// Plot kit: tick labels and thinning, interpolation, y domain, and the server-rendered figure's structure and geometry.
// Leaves out pointer and keyboard behaviour (needs a browser; covered by e2e tests).
import { Fragment, h } from 'preact';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { FrequencyResponsePlot } from '../../src/components/plots/FrequencyResponsePlot';
import { ImpedancePlot } from '../../src/components/plots/ImpedancePlot';
import { XYPlot, samePlotProps } from '../../src/components/plots/XYPlot';
import type { Series, XYPlotProps } from '../../src/components/plots/XYPlot';
import { autoYDomain } from '../../src/components/plots/domain';
import { interpolateAt } from '../../src/components/plots/interpolate';
import {
  defaultTableRows,
  firstFittingTicks,
  formatFrequencyTick,
  formatSignedTick,
  logTickRank,
} from '../../src/components/plots/ticks';

const MINUS = '\u2212';

// ---- tiny HTML readers for the server-rendered markup -------------------------------------------

function attributeOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function openingTags(html: string, tagName: string): string[] {
  return html.match(new RegExp(`<${tagName}(?=[\\s>])[^>]*>`, 'g')) ?? [];
}

function textOf(fragment: string): string {
  return fragment.replace(/<[^>]*>/g, '');
}

function tableBodyRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  const rows = body.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
  return rows.map((row) => (row.match(/<t[hd][^>]*>[\s\S]*?<\/t[hd]>/g) ?? []).map(textOf));
}

function seriesPathPoints(html: string): { x: number; y: number }[][] {
  const paths = openingTags(html, 'path').filter((tag) => attributeOf(tag, 'class')?.startsWith('plot-series'));
  return paths.map((tag) => {
    const d = attributeOf(tag, 'd') ?? '';
    const numbers = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) points.push({ x: numbers[i] ?? NaN, y: numbers[i + 1] ?? NaN });
    return points;
  });
}

/** The plot area: the rectangle every curve is clipped to. */
function plotArea(html: string): { x: number; y: number; width: number; height: number } {
  const rect = openingTags(html, 'rect').find((tag) => attributeOf(tag, 'class') === 'plot-area') ?? '';
  return {
    x: Number(attributeOf(rect, 'x')),
    y: Number(attributeOf(rect, 'y')),
    width: Number(attributeOf(rect, 'width')),
    height: Number(attributeOf(rect, 'height')),
  };
}

/** y-axis tick labels (right-aligned text left of the plot), top to bottom as rendered. */
function yTickLabels(html: string): string[] {
  const labels = html.match(/<text class="plot-tick-label"[^>]*text-anchor="end"[^>]*>[^<]*<\/text>/g) ?? [];
  return labels.map(textOf);
}

function render(...children: ComponentChildren[]): string {
  return renderToString(h(Fragment, null, ...children));
}

/** y = 20·log10(x / 1 kHz): a straight line on a log-frequency axis. */
function levelRelativeTo1kHzDb(frequencyHz: number): number {
  return 20 * Math.log10(frequencyHz / 1000);
}

// ---- axis tick labels ----------------------------------------------------------------------------

describe('tick labels', () => {
  it('label a frequency axis in the compact audio style', () => {
    expect([20, 100, 1000, 1500, 20000].map(formatFrequencyTick)).toEqual(['20', '100', '1k', '1.5k', '20k']);
  });
  it('sign relative levels and share one precision across an axis', () => {
    const ticks = [-1, -0.5, 0, 0.5, 1];
    expect(ticks.map((tick) => formatSignedTick(tick, ticks))).toEqual([
      `${MINUS}1.0`,
      `${MINUS}0.5`,
      '0.0',
      '+0.5',
      '+1.0',
    ]);
  });
});

// ---- ticks, interpolation, domain --------------------------------------------------------------

describe('tick thinning', () => {
  it('ranks decades above 2× and 2× above 5× on log axes', () => {
    expect([100, 1000, 200, 2000, 50, 5000, 30].map(logTickRank)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
  it('falls back to a sparser set when neighbouring labels would overlap', () => {
    const a = { value: 1, positionPx: 0, label: 'aa' };
    const b = { value: 2, positionPx: 10, label: 'bb' };
    const c = { value: 3, positionPx: 20, label: 'cc' };
    // Labels 12 px wide with a 4 px gap need 12/2 + 12/2 + 4 = 16 px between centres.
    expect(firstFittingTicks([[a, b, c], [a, c]], () => 12, 4)).toEqual([a, c]);
    expect(firstFittingTicks([[a, b, c], [a, c]], () => 6, 4)).toEqual([a, b, c]);
  });
  it('samples a 20 Hz–20 kHz table in 1-2-5 steps', () => {
    expect(defaultTableRows('log', [20, 20000])).toEqual([20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]);
  });
});

describe('interpolateAt', () => {
  const decades = [10, 100, 1000, 10000].map((x) => ({ x, y: levelRelativeTo1kHzDb(x) }));
  it('is linear in log x on log axes, so a log-linear curve is read exactly between samples', () => {
    const x = Math.sqrt(100 * 1000);
    expect(interpolateAt(decades, x, 'log')).toBeCloseTo(levelRelativeTo1kHzDb(x), 10);
  });
  it('is linear in x on linear axes', () => {
    // Halfway between (100, −20) and (1000, 0) in x is 550 Hz, where the chord is at −10.
    expect(interpolateAt(decades, 550, 'linear')).toBeCloseTo(-10, 10);
  });
  it('has no value outside the sampled range', () => {
    expect(interpolateAt(decades, 5, 'log')).toBeUndefined();
    expect(interpolateAt(decades, 20000, 'log')).toBeUndefined();
  });
});

describe('autoYDomain', () => {
  it('widens a flat curve to the minimum span, centred on it', () => {
    const flat = [20, 1000, 20000].map((x) => ({ x, y: 0 }));
    expect(autoYDomain([flat], [20, 20000], { minSpan: 2, tickCount: 5 })).toEqual([-1, 1]);
  });
  it('does not push all-positive data below zero when widening', () => {
    const small = [20, 20000].map((x, i) => ({ x, y: 0.1 + 0.4 * i }));
    expect(autoYDomain([small], [20, 20000], { minSpan: 2, tickCount: 5 })).toEqual([0, 2]);
  });
  it('covers the data and rounds the ends outward to tick steps', () => {
    const curve = [20, 20000].map((x, i) => ({ x, y: 301 + 218 * i }));
    const [low, high] = autoYDomain([curve], [20, 20000], { tickCount: 5 });
    expect(low).toBeLessThanOrEqual(301);
    expect(high).toBeGreaterThanOrEqual(519);
    expect([low % 50, high % 50]).toEqual([0, 0]);
  });
  it('ignores samples outside the x domain', () => {
    const curve = [
      { x: 5, y: 100 },
      { x: 100, y: 0 },
      { x: 1000, y: 1 },
    ];
    expect(autoYDomain([curve], [20, 20000], { tickCount: 5 })[1]).toBeLessThan(100);
  });
});

// ---- rendered figure ---------------------------------------------------------------------------

describe('FrequencyResponsePlot markup', () => {
  const decades = [10, 100, 1000, 10000, 100000].map((x) => ({ x, y: levelRelativeTo1kHzDb(x) }));
  const summary = 'The level rises 20 dB per decade and crosses 0 dB at 1 kHz.';
  const html = render(
    h(FrequencyResponsePlot, {
      title: 'Figure 9. A test slope',
      summary,
      series: [{ id: 'slope', label: 'Slope', points: decades }],
      tableRows: [100, Math.sqrt(100 * 1000), 5000],
    }),
  );

  it('is a figure whose svg has role img and a name containing the summary', () => {
    const svg = openingTags(html, 'svg').find((tag) => attributeOf(tag, 'role') === 'img') ?? '';
    expect(html.startsWith('<figure')).toBe(true);
    expect(svg).not.toBe('');
    expect(attributeOf(svg, 'aria-label')).toContain(summary);
    expect(attributeOf(svg, 'aria-label')).toContain('Figure 9. A test slope');
  });

  it('makes the plot area focusable and nothing inside it', () => {
    const svgStart = html.indexOf('role="img"');
    const svgEnd = html.indexOf('</svg>', svgStart);
    const svgTag = openingTags(html, 'svg').find((tag) => attributeOf(tag, 'role') === 'img') ?? '';
    expect(attributeOf(svgTag, 'tabindex')).toBe('0');
    expect(html.slice(svgStart, svgEnd).match(/tabindex/g)).toHaveLength(1);
  });

  it('hides the drawing itself from assistive technology', () => {
    expect(html).toMatch(/role="img"[^>]*>\s*<defs>[\s\S]*?<\/defs><g aria-hidden="true">/);
  });

  it('shows the title and summary in the caption', () => {
    const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
    expect(textOf(caption)).toContain('Figure 9. A test slope');
    expect(textOf(caption)).toContain(summary);
  });

  it('has a polite live readout', () => {
    const output = openingTags(html, 'output')[0] ?? '';
    expect(attributeOf(output, 'aria-live')).toBe('polite');
  });

  it('has a data table with a row per requested x, read along the log axis', () => {
    // 20·log10(100/1000) = −20; at √(100·1000) ≈ 316 Hz, −10; at 5 kHz 20·log10(5) = 13.98.
    expect(tableBodyRows(html)).toEqual([
      ['100 Hz', `${MINUS}20.0 dB`],
      ['316 Hz', `${MINUS}10.0 dB`],
      ['5 kHz', '+14.0 dB'],
    ]);
  });

  it('labels the table columns with their units', () => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
    expect(textOf(head)).toContain('Frequency (Hz)');
    expect(textOf(head)).toContain('(dB)');
  });

  it('has no legend for a single series', () => {
    expect(html).not.toContain('plot-legend');
  });
});

describe('plot geometry', () => {
  const frequenciesHz = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000];
  const html = render(
    h(FrequencyResponsePlot, {
      title: 'Figure 1. Geometry',
      summary: 'A rising line.',
      series: [{ id: 'a', label: 'A', points: frequenciesHz.map((x) => ({ x, y: levelRelativeTo1kHzDb(x) })) }],
    }),
  );
  const area = plotArea(html);
  const [path] = seriesPathPoints(html);

  it('draws one path vertex per sample, left to right', () => {
    expect(path).toHaveLength(frequenciesHz.length);
    for (let i = 1; i < (path ?? []).length; i += 1) {
      expect(path?.[i]?.x).toBeGreaterThan(path?.[i - 1]?.x ?? Infinity);
    }
  });

  it('spans the plot area from 20 Hz to 20 kHz', () => {
    expect(path?.[0]?.x).toBeCloseTo(area.x, 2);
    expect(path?.[path.length - 1]?.x).toBeCloseTo(area.x + area.width, 2);
  });

  it('puts 1 kHz at log10(1000/20) / log10(20000/20) of the width', () => {
    const fraction = Math.log10(1000 / 20) / Math.log10(20000 / 20);
    expect(path?.[frequenciesHz.indexOf(1000)]?.x).toBeCloseTo(area.x + fraction * area.width, 2);
  });

  it('puts higher levels higher up, linearly in dB', () => {
    const at100 = path?.[frequenciesHz.indexOf(100)]?.y ?? NaN;
    const at1k = path?.[frequenciesHz.indexOf(1000)]?.y ?? NaN;
    const at10k = path?.[frequenciesHz.indexOf(10000)]?.y ?? NaN;
    expect(at1k).toBeLessThan(at100);
    expect(at10k - at1k).toBeCloseTo(at1k - at100, 2);
  });

  it('keeps every curve inside the plot area', () => {
    expect(html).toMatch(/<g clip-path="url\(#[^)]+\)"><path class="plot-series/);
  });
});

describe('several series', () => {
  const points = [20, 20000].map((x) => ({ x, y: 0 }));
  const series: Series[] = [
    { id: 'a', label: 'Reference', points, color: 'a' },
    { id: 'b', label: 'With 120 Ω', points, color: 'b', dashed: true },
  ];
  const html = render(
    h(FrequencyResponsePlot, { title: 'Figure 3. Two', summary: 'Two flat lines.', series, tableRows: [1000] }),
  );

  it('get a legend with each label as visible text', () => {
    const legend = /<ul class="plot-legend">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(textOf(legend)).toContain('Reference');
    expect(textOf(legend)).toContain('With 120 Ω');
  });

  it('draw series B dashed in the second theme colour', () => {
    const paths = openingTags(html, 'path').map((tag) => attributeOf(tag, 'class'));
    expect(paths).toEqual(['plot-series plot-series--a', 'plot-series plot-series--b plot-series--dashed']);
  });

  it('get one table column each', () => {
    expect(tableBodyRows(html)).toEqual([['1 kHz', '0.0 dB', '0.0 dB']]);
  });
});

describe('two plots on one page', () => {
  it('use distinct clip-path ids', () => {
    const props = { title: 'Figure 1. Same', summary: 'Same.', series: [] };
    const html = render(h(FrequencyResponsePlot, props), h(FrequencyResponsePlot, props));
    const ids = openingTags(html, 'clipPath').map((tag) => attributeOf(tag, 'id'));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('ImpedancePlot', () => {
  const peak = [20, 90, 1000, 20000].map((x) => ({ x, y: x === 90 ? 520 : 300 }));
  const series = [{ id: 'z', label: '|Z|', points: peak }];

  it('starts the ohm axis at 0 when asked', () => {
    const labels = yTickLabels(render(h(ImpedancePlot, { title: 'Z', summary: 'Peak.', series, yFromZero: true })));
    expect(labels[0]).toBe('0');
  });

  it('otherwise starts near the smallest impedance', () => {
    const labels = yTickLabels(render(h(ImpedancePlot, { title: 'Z', summary: 'Peak.', series })));
    expect(Number(labels[0])).toBeGreaterThan(200);
    expect(Number(labels[0])).toBeLessThanOrEqual(300);
  });

  it('reads values in ohms in the table', () => {
    const html = render(h(ImpedancePlot, { title: 'Z', summary: 'Peak.', series, tableRows: [90, 1000] }));
    expect(tableBodyRows(html)).toEqual([
      ['90 Hz', '520 Ω'],
      ['1 kHz', '300 Ω'],
    ]);
  });
});

describe('XYPlot on a linear axis', () => {
  it('puts x = 0 in the middle of a symmetric domain and draws vertical markers there', () => {
    const html = render(
      h(XYPlot, {
        title: 'Transfer',
        summary: 'A straight line.',
        series: [{ id: 'line', label: 'Line', points: [-2, 0, 2].map((x) => ({ x, y: x })) }],
        xLabel: 'Input (V)',
        yLabel: 'Output (V)',
        xScale: 'linear',
        xDomain: [-2, 2],
        markers: [{ x: 0, label: 'Origin' }],
      }),
    );
    const area = plotArea(html);
    const [path] = seriesPathPoints(html);
    expect(path?.[1]?.x).toBeCloseTo(area.x + area.width / 2, 2);
    const marker = openingTags(html, 'line').find((tag) => attributeOf(tag, 'class') === 'plot-marker') ?? '';
    expect(Number(attributeOf(marker, 'x1'))).toBeCloseTo(area.x + area.width / 2, 2);
    expect(html).toContain('>Origin</text>');
  });
});

describe('samePlotProps: which widget re-renders leave a plot as it is', () => {
  const points = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
  const props = (overrides: Partial<XYPlotProps> = {}): XYPlotProps => ({
    title: 'Figure 1.',
    summary: 'A line.',
    series: [{ id: 'a', label: 'A', points, color: 'b' }],
    xLabel: 'x',
    yLabel: 'y',
    xScale: 'linear',
    xDomain: [0, 4],
    ...overrides,
  });

  it('the same points and values, written afresh (new series objects, an inline domain array), draw the same', () => {
    expect(samePlotProps(props(), props())).toBe(true);
  });

  it('new points, a new label, a new domain or a new summary draw something else', () => {
    expect(samePlotProps(props(), props({ series: [{ id: 'a', label: 'A', points: [...points], color: 'b' }] }))).toBe(false);
    expect(samePlotProps(props(), props({ series: [{ id: 'a', label: 'B', points, color: 'b' }] }))).toBe(false);
    expect(samePlotProps(props(), props({ xDomain: [0, 5] }))).toBe(false);
    expect(samePlotProps(props(), props({ summary: 'Another line.' }))).toBe(false);
    expect(samePlotProps(props(), props({ yDomain: [0, 1] }))).toBe(false);
  });
});
