// Widget for the lesson "Class D amplifiers": a sine pulse-width modulated at a switching frequency, its spectrum at
// the switches and at the load, and the output LC filter's response into 32 Ω, 300 Ω and a headphone model — heard as
// the filter's real transfer function into the load you choose. One model (src/dsp/classD) feeds all of it.
import type { ProgramId } from '../../../audio/program';
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot } from '../../plots/XYPlot';
import { formatFrequencyTick } from '../../plots/ticks';
import { formatDb, formatFarads, formatFixed, formatHenries, formatHz } from '../../format';
import { HEADPHONE_MODELS } from '../../../dsp/headphones';
import { CAPACITANCE_RANGE_FARADS, INDUCTANCE_RANGE_HENRIES, MIN_CORNER_HZ, type LcFilter, maxCapacitanceFarads } from '../../../dsp/classD/lcFilter';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import {
  CARRIERS_HZ,
  FILTER_DESIGNS,
  type FilterDesignId,
  type ListenLoad,
  SPECTRUM_FLOOR_DB,
  filterFacts,
  largestAudioBandChange,
  loadFor,
  loadLabel,
  loadWave,
  pwmView,
  responseCurves,
  stems,
} from './view';
import '../../../styles/widgets.css';

export interface ClassDWidgetProps {
  idPrefix: string;
  /** The number of the widget's first figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
  /** The Listen panel's program when the page opens (default: the music loop). */
  program?: ProgramId;
}

const DESIGN_OPTIONS: readonly { value: FilterDesignId | 'custom'; label: string }[] = [
  { value: 'headphone-32', label: `Designed for 32 Ω (flat, 40 kHz corner): ${formatHenries(FILTER_DESIGNS['headphone-32'].inductanceHenries)}, ${formatFarads(FILTER_DESIGNS['headphone-32'].capacitanceFarads)}` },
  { value: 'speaker-22u', label: 'Speaker-amp parts: 22 µH, 0.68 µF' },
  { value: 'custom', label: 'Your own L and C (sliders)' },
];
const CARRIER_OPTIONS = CARRIERS_HZ.map((hz) => ({ value: String(hz), label: formatHz(hz) }));
const LOG_L = { min: Math.log10(INDUCTANCE_RANGE_HENRIES.min), max: Math.log10(INDUCTANCE_RANGE_HENRIES.max) };
const LOG_C_MIN = Math.log10(CAPACITANCE_RANGE_FARADS.min);
const headphoneOptions = HEADPHONE_MODELS.map((m) => ({ value: m.id, label: m.name }));
const SPECTRUM_TICKS_HZ = [1000, 10_000, 100_000, 1_000_000];
const RESPONSE_TICKS_HZ = [20, 100, 1000, 10_000, 20_000, 100_000];
const formatMicroseconds = (us: number) => `${formatFixed(us, 1)} µs`;
const formatLevel = (v: number) => formatFixed(v, 3);
const formatLineDb = (db: number) => formatDb(db);
const formatResponseDb = (db: number) => formatDb(db, 2);
const RESPONSE_MARKERS = [{ x: 20_000, label: '20 kHz' }] as const;
const SPECTRUM_DOMAIN_DB: readonly [number, number] = [SPECTRUM_FLOOR_DB, 10];
const WAVE_DOMAIN: readonly [number, number] = [-1.6, 1.6];
const SPECTRUM_X_DOMAIN: readonly [number, number] = [1000, 2_000_000];
const RESPONSE_X_DOMAIN: readonly [number, number] = [20, 200_000];
/** Fixed, so the axis stays put while L and C are dragged (a high-Q peak is clipped at the top). */
const RESPONSE_DOMAIN_DB: readonly [number, number] = [-30, 20];

function designOf(filter: LcFilter): FilterDesignId | 'custom' {
  for (const [id, design] of Object.entries(FILTER_DESIGNS) as [FilterDesignId, LcFilter][]) {
    if (Math.abs(design.inductanceHenries / filter.inductanceHenries - 1) < 1e-9 && Math.abs(design.capacitanceFarads / filter.capacitanceFarads - 1) < 1e-9) return id;
  }
  return 'custom';
}

export default function ClassDWidget({ idPrefix, firstFigure = 1, program }: ClassDWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [requestedFilter, setFilter] = useState<LcFilter>(FILTER_DESIGNS['headphone-32']);
  // A capacitor kept from a smaller inductor is held where the corner stays at MIN_CORNER_HZ.
  const maxCapacitance = maxCapacitanceFarads(requestedFilter.inductanceHenries);
  const filter = useMemo<LcFilter>(
    () => (requestedFilter.capacitanceFarads <= maxCapacitance ? requestedFilter : { ...requestedFilter, capacitanceFarads: maxCapacitance }),
    [requestedFilter, maxCapacitance],
  );
  const [headphoneId, setHeadphoneId] = useState<string>('multi-ba');
  const [listen, setListen] = useState<ListenLoad>('headphone');
  const [carrierHz, setCarrierHz] = useState<number>(384_000);
  const [levelPercent, setLevelPercent] = useState<number>(70);
  const design = designOf(filter);
  const facts = filterFacts(filter);
  const hpName = HEADPHONE_MODELS.find((m) => m.id === headphoneId)?.name ?? headphoneId;

  const curves = useMemo(() => responseCurves(filter, headphoneId), [filter, headphoneId]);
  const listenCurve = curves.find((c) => c.key === listen) ?? curves[0];
  const change = largestAudioBandChange(listenCurve?.points ?? []);
  const pwm = pwmView(carrierHz, levelPercent / 100);
  const load = useMemo(() => loadFor(listen, headphoneId), [listen, headphoneId]);
  const wave = useMemo(() => loadWave(pwm, filter, load, listen === 'headphone' ? `hp:${headphoneId}` : listen), [pwm, filter, load, listen, headphoneId]);
  const switchStems = useMemo(() => stems(pwm.switchAmplitudes, pwm.edges.toneHz), [pwm]);
  const loadStems = useMemo(() => stems(wave.loadAmplitudes, pwm.edges.toneHz), [wave, pwm]);
  const listenName = loadLabel(listen, headphoneId);

  const setDesign = (value: FilterDesignId | 'custom') => {
    if (value !== 'custom') setFilter(FILTER_DESIGNS[value]);
  };
  const changeDb = (key: ListenLoad, hz: number) => {
    const points = curves.find((c) => c.key === key)?.points ?? [];
    const nearest = points.reduce((best, p) => (Math.abs(Math.log(p.x / hz)) < Math.abs(Math.log(best.x / hz)) ? p : best), points[0] ?? { x: hz, y: 0 });
    return nearest.y;
  };

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => {
    const { lcFilterChain } = await import('../../../dsp/classD/lcFilterChain');
    return { a: { sections: [], gainDb: 0 }, b: lcFilterChain(load, filter, sampleRateHz) };
  };

  const labelOf = { '32': '32 Ω resistor', '300': '300 Ω resistor', headphone: hpName } as const;
  const colorOf = { '32': 'a', '300': 'c', headphone: 'b' } as const;
  const responseSummary = `Corner ${formatHz(facts.cornerHz)}. From 20 Hz to 20 kHz the level changes by up to ${formatDb(changeDb('32', 20_000))} at 20 kHz into 32 Ω, ${formatDb(changeDb('300', 20_000))} into 300 Ω and ${formatDb(changeDb('headphone', 20_000))} into the ${hpName}; the largest change into the ${listenName} is ${formatDb(change.db)} at ${formatHz(change.atHz)}.`;
  const periodUs = 1e6 / pwm.edges.toneHz;

  return (
    <div class="widget class-d-widget" data-widget="class-d">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('design')} label="Output filter" value={design} options={DESIGN_OPTIONS} onChange={setDesign} />
          <Slider
            id={id('inductance')}
            label="Inductor L"
            value={Math.log10(filter.inductanceHenries)}
            min={LOG_L.min}
            max={LOG_L.max}
            step={0.01}
            format={(v) => formatHenries(10 ** v)}
            onChange={(v) => setFilter((f) => ({ ...f, inductanceHenries: 10 ** v }))}
          />
          <Slider
            id={id('capacitance')}
            label="Capacitor C"
            value={Math.log10(filter.capacitanceFarads)}
            min={LOG_C_MIN}
            max={Math.log10(maxCapacitance)}
            step={0.01}
            format={(v) => formatFarads(10 ** v)}
            onChange={(v) => setFilter((f) => ({ ...f, capacitanceFarads: 10 ** v }))}
            hint={`Up to ${formatFarads(maxCapacitance)} with this inductor, so the corner stays at ${formatHz(MIN_CORNER_HZ)} or above, as real output filters keep it.`}
          />
          <Select id={id('headphone')} label="Headphone" value={headphoneId} options={headphoneOptions} onChange={setHeadphoneId} />
          <Select
            id={id('listen')}
            label="Load you listen through"
            value={listen}
            options={[
              { value: 'headphone', label: `The headphone: ${hpName}` },
              { value: '32', label: '32 Ω resistor' },
              { value: '300', label: '300 Ω resistor' },
            ]}
            onChange={setListen}
          />
          <Select id={id('carrier')} label="Switching frequency" value={String(carrierHz)} options={CARRIER_OPTIONS} onChange={(v) => setCarrierHz(Number(v))} />
          <Slider
            id={id('level')}
            label="Signal level (modulation depth)"
            value={levelPercent}
            min={0}
            max={100}
            step={1}
            format={(v) => `${v} %`}
            onChange={setLevelPercent}
            hint="How far the 6 kHz test sine swings the pulse widths: 100 % reaches fully on and fully off."
          />
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>Filter corner</dt>
              <dd data-readout="corner" data-value={facts.cornerHz}>{formatHz(facts.cornerHz)}</dd>
            </div>
            <div>
              <dt>Q into 32 Ω and 300 Ω</dt>
              <dd data-readout="q" data-q32={facts.q32} data-q300={facts.q300}>
                {formatFixed(facts.q32, 2)} and {formatFixed(facts.q300, 2)} (0.71 is flat)
              </dd>
            </div>
            <div>
              <dt>Largest change, 20 Hz–20 kHz, into the {listenName}</dt>
              <dd data-readout="change" data-db={change.db} data-hz={change.atHz}>
                {formatDb(change.db)} at {formatHz(change.atHz)}
              </dd>
            </div>
            <div>
              <dt>Switching carrier left at the load</dt>
              <dd data-readout="carrier" data-db={wave.carrierAtLoadDb}>
                {formatDb(wave.carrierAtLoadDb)} re the 6 kHz tone
              </dd>
            </div>
          </dl>
        </div>
      </div>
      <div class="widget-plots">
        <XYPlot
          id={id('fig-wave')}
          title={`Figure ${firstFigure}. One period of a 6 kHz sine, pulse-width modulated at ${formatHz(carrierHz)}`}
          summary={`${pwm.edges.settings.carrierPeriodsPerTone} pulses per period of the sine, wide where the sine is high and narrow where it is low. After the filter the ${listenName} gets the sine back with ${formatDb(wave.carrierAtLoadDb)} of the carrier left on it.`}
          series={[
            { id: 'pwm', label: 'At the switches (±1 = ± half the supply)', points: pwm.stepPoints, color: 'a' },
            { id: 'load', label: `At the load: ${listenName}`, points: wave.loadPoints, color: 'b' },
          ]}
          xLabel="Time (µs)"
          yLabel="Level (re half the supply)"
          xScale="linear"
          xDomain={[0, periodUs]}
          yDomain={WAVE_DOMAIN}
          formatX={formatMicroseconds}
          formatY={formatLevel}
        />
        <XYPlot
          id={id('fig-spectrum')}
          title={`Figure ${firstFigure + 1}. Spectrum: the tone, the carrier and its sidebands`}
          summary={`At the switches: the 6 kHz tone, and lines at ${formatHz(carrierHz)} and its multiples with sidebands. At the load the filter leaves the tone and cuts the carrier to ${formatDb(wave.carrierAtLoadDb)} below it.`}
          series={[
            { id: 'switch', label: 'At the switches', points: switchStems, color: 'a' },
            { id: 'load', label: 'At the load', points: loadStems, color: 'b', dashed: true },
          ]}
          xLabel="Frequency (Hz)"
          yLabel="Level (dB re half the supply)"
          xScale="log"
          xDomain={SPECTRUM_X_DOMAIN}
          xTicks={SPECTRUM_TICKS_HZ}
          yDomain={SPECTRUM_DOMAIN_DB}
          formatX={formatHz}
          formatXTick={formatFrequencyTick}
          formatY={formatLineDb}
        />
        <XYPlot
          id={id('fig-response')}
          title={`Figure ${firstFigure + 2}. The filter's response depends on the load`}
          summary={responseSummary}
          series={curves.map((c) => ({ id: `r${c.key}`, label: labelOf[c.key], points: c.points, color: colorOf[c.key] }))}
          xLabel="Frequency (Hz)"
          yLabel="Level at the load (dB)"
          xScale="log"
          xDomain={RESPONSE_X_DOMAIN}
          xTicks={RESPONSE_TICKS_HZ}
          yDomain={RESPONSE_DOMAIN_DB}
          formatX={formatHz}
          formatY={formatResponseDb}
          formatXTick={formatFrequencyTick}
          markers={RESPONSE_MARKERS}
        />
      </div>
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="A flat amplifier (no filter)"
        labelB={`The LC filter into the ${listenName}`}
        settingsKey={`${filter.inductanceHenries}|${filter.capacitanceFarads}|${listen}|${headphoneId}`}
        makeChains={makeChains}
        downloadStem={`amp-lab-class-d-${listen === 'headphone' ? headphoneId : `${listen}ohm`}`}
        matchLoudness
        {...(program ? { defaultProgram: program } : {})}
        levelNote="A is flat; B is the class D output filter's real response into the load you chose (the switching carrier itself is far above hearing). B is loudness-matched to A (ITU-R BS.1770), so you hear the change in tonality, not in level."
      />
    </div>
  );
}
