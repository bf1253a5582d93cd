// The bench's figures, loaded on Measure with the measuring code: frequency response at 1 mW, THD+N versus power
// into 32 and 300 Ω, power at 1 % versus load, noise (A-weighted) and dynamic range, SMPTE IMD, and each catalogue
// figure beside the bench's reading. Each figure exports its data (CSV) and its plot (SVG, PNG).
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { XYPlot, type PlotMarker, type Series, type SeriesColor } from '../../plots/XYPlot';
import { MINUS, formatFixed, formatNumber, formatOhms, formatPercent, formatSigned, formatVolts, formatWatts } from '../../format';
import { withBase } from '../../../lib/paths';
import { A_WEIGHTING_POLES_HZ } from '../../../dsp/analysis/aWeighting';
import { SMPTE_HIGH_HZ, SMPTE_LOW_HZ } from '../../../dsp/analysis/intermodulation';
import type { PublishedFigure } from '../../../dsp/bench/benchAmps';
import { type BenchResult, type BenchSetup, IMD_POWER_FRACTION_OF_CLIP, POWER_LOADS_OHMS, RESPONSE_LEVEL_WATTS, SWEEP_LOADS_OHMS, SWEEP_LOWEST_WATTS, ampById, measureSetup } from './measure';
import { figureCsv, downloadBlob, standaloneSvg, svgToPng } from './exportFigure';
import type { BenchUrlState } from './setupUrl';

export interface BenchOutcome {
  readonly a: BenchResult;
  readonly b: BenchResult | null;
}

/** Measures setup A (and B), reporting progress in words. */
export async function measureBench(state: BenchUrlState, onStatus: (text: string) => void): Promise<BenchOutcome> {
  const run = (setup: BenchSetup, name: string) =>
    measureSetup(setup, (done, total, what) => onStatus(`Measuring setup ${name}: ${what} (${done} of ${total})…`));
  const a = await run(state.a, 'A');
  const b = state.b ? await run(state.b, 'B') : null;
  return { a, b };
}

export interface FigureSpec {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: 'linear' | 'log';
  readonly xDomain: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly series: readonly Series[];
  readonly markers?: readonly PlotMarker[];
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  readonly formatYTick?: (y: number) => string;
  readonly minYSpan?: number;
}

function BenchFigure({ spec, children }: { spec: FigureSpec; children?: JSX.Element | JSX.Element[] | null }): JSX.Element {
  const holder = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState('');
  const csv = () => figureCsv(spec.xLabel, spec.yLabel, spec.series);
  const svgElement = () => holder.current?.querySelector<SVGSVGElement>('svg.plot-svg') ?? null;
  const exportSvg = () => {
    const svg = svgElement();
    if (!svg) return;
    downloadBlob(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), `${spec.id}.svg`);
  };
  const exportPng = async () => {
    const svg = svgElement();
    if (!svg) return;
    try {
      const box = svg.getBoundingClientRect();
      downloadBlob(await svgToPng(standaloneSvg(svg), box.width, box.height), `${spec.id}.png`);
      setMessage('');
    } catch (error) {
      setMessage(`The PNG could not be made (${error instanceof Error ? error.message : String(error)}); download the SVG instead.`);
    }
  };
  return (
    <section class="bench-figure" aria-label={spec.title} data-figure={spec.id}>
      <div ref={holder}>
        <XYPlot
          id={spec.id}
          title={spec.title}
          summary={spec.summary}
          series={spec.series}
          xLabel={spec.xLabel}
          yLabel={spec.yLabel}
          xScale={spec.xScale}
          xDomain={spec.xDomain}
          {...(spec.yDomain ? { yDomain: spec.yDomain } : {})}
          {...(spec.markers ? { markers: spec.markers } : {})}
          {...(spec.minYSpan !== undefined ? { minYSpan: spec.minYSpan } : {})}
          formatX={spec.formatX}
          formatY={spec.formatY}
          {...(spec.formatYTick ? { formatYTick: spec.formatYTick } : {})}
        />
      </div>
      {children}
      <p class="bench-exports">
        <button type="button" data-export="csv" onClick={() => downloadBlob(new Blob([csv()], { type: 'text/csv' }), `${spec.id}.csv`)}>
          Download data (CSV)
        </button>
        <button type="button" data-export="svg" onClick={exportSvg}>Download plot (SVG)</button>
        <button type="button" data-export="png" onClick={() => void exportPng()}>Download plot (PNG)</button>
      </p>
      {message && <p role="alert">{message}</p>}
    </section>
  );
}

const milliwatts = (watts: number) => formatWatts(watts);
const dbText = (db: number) => `${formatFixed(db, 1).replace('-', MINUS)} dB`;
const thdText = (db: number) => `${dbText(db)} (${formatPercent(100 * 10 ** (db / 20))})`;

function setupSeries(outcome: BenchOutcome, pick: (r: BenchResult) => readonly { x: number; y: number }[], color: SeriesColor, what = ''): Series[] {
  const list: Series[] = [{ id: `a${what}`, label: `A${what ? ` ${what}` : ''}: ${outcome.a.ampLabel}`, points: pick(outcome.a), color }];
  if (outcome.b) list.push({ id: `b${what}`, label: `B${what ? ` ${what}` : ''}: ${outcome.b.ampLabel}`, points: pick(outcome.b), color, dashed: true });
  return list;
}

function responseFigure(outcome: BenchOutcome): FigureSpec {
  const series = setupSeries(outcome, (r) => r.response.points, 'a');
  const span = (r: BenchResult) => {
    const ys = r.response.points.map((p) => p.y);
    return `${formatSigned(Math.min(...ys), 2)} to ${formatSigned(Math.max(...ys), 2)} dB`;
  };
  return {
    id: 'bench-response',
    title: 'Frequency response into the load at 1 mW',
    summary: `Relative to 1 kHz, 20 Hz to 20 kHz: A (${outcome.a.loadLabel}) spans ${span(outcome.a)}${outcome.b ? `; B (${outcome.b.loadLabel}) spans ${span(outcome.b)}` : ''}.`,
    xLabel: 'Frequency (Hz)',
    yLabel: 'Level re 1 kHz (dB)',
    xScale: 'log',
    xDomain: [20, 20000],
    minYSpan: 1,
    series,
    formatX: (x) => `${formatNumber(x, 3)} Hz`,
    formatY: (y) => `${formatSigned(y, 2)} dB`,
  };
}

function sweepFigure(outcome: BenchOutcome): FigureSpec {
  const colors: Record<number, SeriesColor> = { 32: 'a', 300: 'b' };
  const series: Series[] = [];
  const markers: PlotMarker[] = [];
  const results: [string, BenchResult][] = [['A', outcome.a], ...(outcome.b ? ([['B', outcome.b]] as [string, BenchResult][]) : [])];
  for (const [name, result] of results) {
    for (const sweep of result.sweeps) {
      series.push({ id: `${name}-${sweep.loadOhms}`, label: `${name}, ${sweep.loadOhms} Ω: ${result.ampLabel}`, points: sweep.points, color: colors[sweep.loadOhms] ?? 'c', ...(name === 'B' ? { dashed: true } : {}) });
      if (sweep.onePercent) markers.push({ x: sweep.onePercent.watts, label: `${name} ${sweep.loadOhms} Ω: 1 % at ${milliwatts(sweep.onePercent.watts)}` });
    }
  }
  const allX = series.flatMap((s) => s.points.map((p) => p.x));
  const top = Math.max(...allX, 1e-3);
  series.push({ id: 'one-percent', label: '1 % THD+N (−40 dB)', points: [{ x: SWEEP_LOWEST_WATTS, y: -40 }, { x: top, y: -40 }], color: 'c', dashed: true });
  const knees = results.flatMap(([name, r]) => r.sweeps.map((s) => `${name} into ${s.loadOhms} Ω ${s.onePercent ? `reaches 1 % at ${milliwatts(s.onePercent.watts)}` : 'never gets down to 1 %'}`));
  return {
    id: 'bench-thdn',
    title: `THD+N at 1 kHz versus output power, into ${SWEEP_LOADS_OHMS.join(' and ')} Ω`,
    summary: `THD+N falls as the signal rises above the noise, then turns up at the clip point (the knee): ${knees.join('; ')}. SINAD is the same reading with the sign flipped.`,
    xLabel: 'Output power (W)',
    yLabel: 'THD+N (dB)',
    xScale: 'log',
    xDomain: [SWEEP_LOWEST_WATTS, top],
    series,
    markers,
    formatX: (x) => milliwatts(x),
    formatY: (y) => thdText(y),
  };
}

function powerFigure(outcome: BenchOutcome): FigureSpec {
  const toDbm = (r: BenchResult) => r.powerVsLoad.map((p) => ({ x: p.x, y: 10 * Math.log10(p.y / 1e-3) }));
  const series = setupSeries(outcome, toDbm, 'a');
  const best = (r: BenchResult) => {
    const top = [...r.powerVsLoad].sort((p, q) => q.y - p.y)[0];
    return top ? `${milliwatts(top.y)} into ${formatOhms(top.x)}` : 'no load reaches 1 % cleanly';
  };
  return {
    id: 'bench-power',
    title: 'Power at 1 % THD+N versus load',
    summary: `Most power: A ${best(outcome.a)}${outcome.b ? `; B ${best(outcome.b)}` : ''}. Below the peak the current limit rules, above it the voltage limit.`,
    xLabel: 'Load (Ω)',
    yLabel: 'Power at 1 % THD+N (mW, log scale)',
    xScale: 'log',
    xDomain: [POWER_LOADS_OHMS[0] as number, POWER_LOADS_OHMS.at(-1) as number],
    series,
    formatX: (x) => formatOhms(x),
    formatY: (y) => milliwatts(1e-3 * 10 ** (y / 10)),
    formatYTick: (y) => formatNumber(10 ** (y / 10), 2),
  };
}

function noiseFigure(outcome: BenchOutcome): FigureSpec | null {
  const withNoise = [outcome.a, outcome.b].filter((r): r is BenchResult => r !== null && r.noise.dynamicRangeDb !== null);
  if (withNoise.length === 0) return null;
  const series: Series[] = [];
  withNoise.forEach((r, i) => {
    const name = r === outcome.a ? 'A' : 'B';
    series.push({ id: `${name}-unweighted`, label: `${name} unweighted`, points: r.noise.bands, color: 'a', ...(i > 0 ? { dashed: true } : {}) });
    series.push({ id: `${name}-a`, label: `${name} A-weighted`, points: r.noise.weightedBands, color: 'b', ...(i > 0 ? { dashed: true } : {}) });
  });
  return {
    id: 'bench-noise',
    title: 'Output noise in one-third-octave bands, unweighted and A-weighted',
    summary: withNoise.map((r) => `${r === outcome.a ? 'A' : 'B'}: ${formatVolts(r.noise.aWeightedVoltsRms)} A-weighted (${formatVolts(r.noise.unweightedVoltsRms)} unweighted), dynamic range ${dbText(r.noise.dynamicRangeDb ?? Number.NaN)}`).join('; ') + '.',
    xLabel: 'Frequency (Hz)',
    yLabel: 'Band level (dB re 1 V)',
    xScale: 'log',
    xDomain: [20, 20000],
    series,
    formatX: (x) => `${formatNumber(x, 3)} Hz`,
    formatY: (y) => `${formatFixed(y, 1).replace('-', MINUS)} dBV`,
  };
}

function imdFigure(outcome: BenchOutcome): FigureSpec {
  const series = setupSeries(outcome, (r) => r.imd.spectrum, 'a');
  return {
    id: 'bench-imd',
    title: `SMPTE intermodulation: ${SMPTE_LOW_HZ} Hz + ${SMPTE_HIGH_HZ / 1000} kHz, 4:1`,
    summary: `IMD: A ${formatPercent(outcome.a.imd.percent)}${outcome.b ? `, B ${formatPercent(outcome.b.imd.percent)}` : ''}; sidebands at 7 kHz ± multiples of 60 Hz are the intermodulation.`,
    xLabel: 'Frequency (Hz)',
    yLabel: 'Level re the 7 kHz tone (dB)',
    xScale: 'log',
    xDomain: [20, 20000],
    yDomain: [-160, 10],
    series,
    formatX: (x) => `${formatNumber(x, 4)} Hz`,
    formatY: (y) => dbText(y),
  };
}

function difference(measured: number, cited: number): string {
  return `${formatSigned((100 * (measured - cited)) / cited, 1)} %`;
}

function PublishedTable({ result }: { result: BenchResult }): JSX.Element | null {
  const amp = ampById(result.setup.ampId);
  if (amp.published.length === 0) return null;
  const row = (figure: PublishedFigure, index: number) => {
    const source = <a href={withBase(`/sources/#source-${figure.sourceId}`)}>{figure.estimate ? 'estimate' : 'source'}</a>;
    if (figure.kind === 'clip') {
      const reading = result.publishedClips.find((c) => c.loadOhms === figure.loadOhms)?.reading ?? null;
      const ohms = figure.loadOhms ?? 0;
      return (
        <tr key={index}>
          <th scope="row">Largest clean output into {formatOhms(ohms)}{figure.atOnePercent ? ' (1 % THD+N)' : ' (limit not stated)'}</th>
          <td>{formatVolts(figure.value)} rms, {milliwatts(figure.value ** 2 / ohms)} ({source})</td>
          <td>{reading ? `${formatVolts(reading.outputVoltsRms)} rms, ${milliwatts(reading.watts)} at 1 % THD+N` : 'never down to 1 %'}</td>
          <td data-load-ohms={ohms} data-difference={reading ? (reading.outputVoltsRms - figure.value) / figure.value : ''}>{reading ? `${difference(reading.outputVoltsRms, figure.value)} in voltage, ${difference(reading.watts, figure.value ** 2 / ohms)} in power` : '—'}</td>
        </tr>
      );
    }
    if (figure.kind === 'output-impedance') {
      return (
        <tr key={index}>
          <th scope="row">Output impedance</th>
          <td>{formatOhms(figure.value)} ({source})</td>
          <td>{formatOhms(result.impedance.measuredOhms)} (from 1 kHz into 32 and 300 Ω)</td>
          <td>{difference(result.impedance.measuredOhms, figure.value)}</td>
        </tr>
      );
    }
    return (
      <tr key={index}>
        <th scope="row">Noise, A-weighted</th>
        <td>{formatVolts(figure.value)} ({source}; {figure.note.split('.')[0]})</td>
        <td>{formatVolts(result.noise.aWeightedVoltsRms)}</td>
        <td>{difference(result.noise.aWeightedVoltsRms, figure.value)}</td>
      </tr>
    );
  };
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={`Published figures for ${result.ampLabel} beside the bench`}>
      <table class="bench-published">
        <caption>{result.ampLabel}: the catalogue's figures beside the bench's readings</caption>
        <thead>
          <tr><th scope="col">Figure</th><th scope="col">Published</th><th scope="col">Bench</th><th scope="col">Difference</th></tr>
        </thead>
        <tbody>{amp.published.map(row)}</tbody>
      </table>
    </div>
  );
}

function Readouts({ name, result }: { name: string; result: BenchResult }): JSX.Element {
  const best = result.sweeps
    .flatMap((s) => s.points.map((p) => ({ ...p, ohms: s.loadOhms })))
    .sort((p, q) => p.y - q.y)[0];
  return (
    <dl class="bench-readouts" data-setup={name}>
      <div><dt>Setup {name}</dt><dd>{result.ampLabel} into {result.loadLabel}</dd></div>
      <div><dt>1 % THD+N into this load</dt><dd data-readout="clip" data-value={result.onePercentIntoLoad?.outputVoltsRms ?? ''}>{result.onePercentIntoLoad ? `${formatVolts(result.onePercentIntoLoad.outputVoltsRms)} rms, ${milliwatts(result.onePercentIntoLoad.watts)}` : 'never down to 1 %'}</dd></div>
      <div><dt>Best SINAD in the sweeps</dt><dd>{best ? `${dbText(-best.y)} at ${milliwatts(best.x)} into ${best.ohms} Ω` : '—'}</dd></div>
      <div><dt>Output impedance (from 32 and 300 Ω)</dt><dd data-readout="zout" data-value={result.impedance.measuredOhms}>{formatOhms(result.impedance.measuredOhms)} (model: {formatOhms(result.impedance.modelOhms)})</dd></div>
      <div><dt>Noise, 20 Hz–20 kHz</dt><dd data-readout="noise" data-value={result.noise.aWeightedVoltsRms}>{result.noise.dynamicRangeDb === null && result.noise.aWeightedVoltsRms < 1e-9 ? 'none: this model has no noise' : `${formatVolts(result.noise.aWeightedVoltsRms)} A-weighted, ${formatVolts(result.noise.unweightedVoltsRms)} unweighted`}</dd></div>
      <div><dt>Dynamic range (A-weighted)</dt><dd>{result.noise.dynamicRangeDb === null ? '—' : dbText(result.noise.dynamicRangeDb)}</dd></div>
      <div><dt>SMPTE IMD</dt><dd>{formatPercent(result.imd.percent)} at the peak of {milliwatts(result.imd.equivalentWatts)}</dd></div>
    </dl>
  );
}

export function BenchResults({ outcome }: { outcome: BenchOutcome }): JSX.Element {
  const noise = noiseFigure(outcome);
  const { f1, f2, f3, f4 } = A_WEIGHTING_POLES_HZ;
  return (
    <div class="bench-results">
      <h2>Results</h2>
      <div class="bench-readout-grid">
        <Readouts name="A" result={outcome.a} />
        {outcome.b && <Readouts name="B" result={outcome.b} />}
      </div>
      <BenchFigure spec={responseFigure(outcome)}>
        <p class="bench-note">
          Thirty-one one-third-octave tones played at once, together {milliwatts(RESPONSE_LEVEL_WATTS)} into the load's nominal impedance.
          Into a resistor every model is flat; into a headphone's impedance curve the output impedance tilts the response.
        </p>
      </BenchFigure>
      <BenchFigure spec={sweepFigure(outcome)}>
        <p class="bench-note">
          THD+N: everything but the 1 kHz tone (notched out) within 20 Hz–20 kHz, over the whole output. SINAD = −THD+N in dB. The
          1 % line is where reviewers read the largest clean output.
        </p>
      </BenchFigure>
      <BenchFigure spec={powerFigure(outcome)} />
      {noise ? (
        <BenchFigure spec={noise}>
          <p class="bench-note">
            A-weighting (IEC 61672-1) follows the ear at low levels: A(f) = 20·log₁₀(R(f)/R(1 kHz)) with
            R(f) = {formatNumber(f4, 5)}²·f⁴ / ((f² + {formatNumber(f1, 3)}²)·√((f² + {formatNumber(f2, 4)}²)(f² + {formatNumber(f3, 4)}²))·(f² + {formatNumber(f4, 5)}²)),
            −19.1 dB at 100 Hz, 0 dB at 1 kHz. Dynamic range = the 1 % THD+N output into this load over the A-weighted noise.
          </p>
        </BenchFigure>
      ) : (
        <p class="bench-note">Noise: the circuit models leave noise out, so there is no noise figure or dynamic range to show for {outcome.b ? 'these setups' : 'this setup'}.</p>
      )}
      <BenchFigure spec={imdFigure(outcome)}>
        <p class="bench-note">
          The twin tone's peak is that of a sine at {formatNumber(100 * IMD_POWER_FRACTION_OF_CLIP, 2)} % of the 1 % THD+N power
          (3 dB below the clip point). IMD = the sidebands' rms over the 7 kHz tone's. Crosstalk is not measured: the models have one channel.
        </p>
      </BenchFigure>
      <PublishedTable result={outcome.a} />
      {outcome.b && outcome.b.setup.ampId !== outcome.a.setup.ampId && <PublishedTable result={outcome.b} />}
    </div>
  );
}


