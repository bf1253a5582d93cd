// Switch an amplifier on and see, read and hear the thump: a coupling capacitor charging through the headphone, and
// a relay that keeps the headphone off while a bleed resistor lets the capacitor charge. One model
// (src/dsp/protection/turnOn.ts) gives the plots, the readouts and the sound.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot, type Series } from '../../plots/XYPlot';
import { formatAmps, formatFixed, formatHz, formatNumber, formatVolts } from '../../format';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { couplingCornerHz } from '../../../dsp/protection/dcOffset';
import {
  bleedTimeConstantSeconds,
  connectedTimeConstantSeconds,
  relayReductionDb,
  TURN_ON_DEFAULTS,
  turnOnSummary,
  withoutRelay,
  type TurnOnParams,
} from '../../../dsp/protection/turnOn';
import { LOOP_SECONDS, MUSIC_PEAK_VOLTS, MUSIC_VOLTS_RMS, thumpCutDb, turnOnChains } from './audio';
import '../../../styles/widgets.css';

export interface TurnOnWidgetProps {
  idPrefix: string;
  /** The number of the widget's first figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
}

const CAPACITORS = ['100', '220', '470', '1000'] as const;
const HEADPHONES = ['16', '32', '80', '300'] as const;
const BLEEDS = ['1000', '10000', 'none'] as const;
type Bleed = (typeof BLEEDS)[number];
/** The plots' floor, dBV (1 mV is −60 dBV). */
const FLOOR_DBV = -80;
const CEILING_DBV = 20;
const POINTS = 120;
/** The longest relay delay offered, s (the loop must hold the delay and the decay that follows). */
export const MAX_RELAY_DELAY_SECONDS = 2.5;

const dbv = (volts: number) => Math.max(FLOOR_DBV, 20 * Math.log10(Math.max(volts, 1e-12)));
const dbText = (db: number) => `${formatFixed(db, 1)} dB`;
const formatJoules = (joules: number) => (joules >= 1e-3 ? `${formatNumber(joules * 1000, 3)} mJ` : joules >= 1e-6 ? `${formatNumber(joules * 1e6, 3)} µJ` : `${formatNumber(joules * 1e9, 3)} nJ`);
const formatSeconds = (s: number) => (s >= 1 ? `${formatNumber(s, 3)} s` : `${formatNumber(s * 1000, 3)} ms`);

export default function TurnOnWidget({ idPrefix, firstFigure = 1 }: TurnOnWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [params, setParams] = useState<TurnOnParams>(TURN_ON_DEFAULTS);
  const update = (patch: Partial<TurnOnParams>) => setParams((p) => ({ ...p, ...patch }));
  const bleed: Bleed = Number.isFinite(params.bleedOhms) ? (params.bleedOhms >= 10_000 ? '10000' : '1000') : 'none';

  const view = useMemo(() => {
    const withRelay = turnOnSummary(params);
    const without = turnOnSummary(withoutRelay(params));
    const tau = connectedTimeConstantSeconds(params);
    const tauBleed = bleedTimeConstantSeconds(params);
    const windowMs = 6 * tau * 1000;
    const decay = (peak: number) =>
      Array.from({ length: POINTS + 1 }, (_, i) => {
        const ms = (windowMs * i) / POINTS;
        return { x: ms, y: dbv(peak * Math.exp(-ms / 1000 / tau)) };
      });
    const series: Series[] = [
      { id: 'without', label: 'Without the relay (B)', points: decay(without.peakVolts), color: 'a' },
      { id: 'with', label: `Relay after ${formatFixed(params.relayDelaySeconds, 1)} s (A)`, points: decay(withRelay.peakVolts), color: 'b' },
    ];
    const chargeWindow = MAX_RELAY_DELAY_SECONDS;
    const charge: Series[] = [
      {
        id: 'waiting',
        label: 'Step the headphone would get if connected now',
        color: 'b',
        points: Array.from({ length: POINTS + 1 }, (_, i) => {
          const s = (chargeWindow * i) / POINTS;
          return { x: s, y: dbv(Number.isFinite(tauBleed) ? params.biasVolts * Math.exp(-s / tauBleed) : params.biasVolts) };
        }),
      },
    ];
    return { withRelay, without, tau, tauBleed, windowMs, series, charge, chargeWindow, reductionDb: relayReductionDb(params), cutDb: thumpCutDb(params), cornerHz: couplingCornerHz(params.capacitanceFarads, params.headphoneOhms) };
  }, [params]);

  const bleedText = bleed === 'none' ? 'no bleed resistor' : `a ${bleed === '1000' ? '1 kΩ' : '10 kΩ'} bleed resistor`;

  return (
    <div class="widget turn-on-widget" data-widget="turn-on">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('capacitor')} label="Output coupling capacitor" value={String(Math.round(params.capacitanceFarads * 1e6)) as (typeof CAPACITORS)[number]} options={CAPACITORS.map((c) => ({ value: c, label: `${c} µF` }))} onChange={(c) => update({ capacitanceFarads: Number(c) * 1e-6 })} />
          <Select id={id('headphone')} label="Headphone (DC resistance)" value={String(params.headphoneOhms) as (typeof HEADPHONES)[number]} options={HEADPHONES.map((r) => ({ value: r, label: `${r} Ω` }))} onChange={(r) => update({ headphoneOhms: Number(r) })} />
          <Select
            id={id('bleed')}
            label="Bleed resistor (jack to ground)"
            value={bleed}
            options={[
              { value: '1000', label: '1 kΩ' },
              { value: '10000', label: '10 kΩ' },
              { value: 'none', label: 'None' },
            ]}
            onChange={(b) => update({ bleedOhms: b === 'none' ? Number.POSITIVE_INFINITY : Number(b) })}
          />
          <Slider id={id('delay')} label="Relay delay" value={params.relayDelaySeconds} min={0} max={MAX_RELAY_DELAY_SECONDS} step={0.1} format={(s) => (s === 0 ? 'no relay (0 s)' : `${formatFixed(s, 1)} s`)} onChange={(s) => update({ relayDelaySeconds: Math.round(s * 10) / 10 })} />
        </div>
        <div class="turn-on-readouts">
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>Without the relay (B)</dt>
              <dd data-readout="without" data-volts={view.without.peakVolts}>
                {formatVolts(view.without.peakVolts)} and {formatAmps(view.without.peakAmps)} at once, {formatJoules(view.without.energyJoules)}
              </dd>
            </div>
            <div>
              <dt>With the relay (A)</dt>
              <dd data-readout="with" data-volts={view.withRelay.peakVolts} class={view.withRelay.peakVolts < 0.01 ? 'ok' : 'warn'}>
                {formatVolts(view.withRelay.peakVolts)} and {formatAmps(view.withRelay.peakAmps)} after {formatFixed(params.relayDelaySeconds, 1)} s, {formatJoules(view.withRelay.energyJoules)}
              </dd>
            </div>
            <div>
              <dt>The relay lowers the thump by</dt>
              <dd data-readout="reduction" data-db={view.reductionDb}>{dbText(view.reductionDb)}</dd>
            </div>
            <div>
              <dt>Time constants</dt>
              <dd data-readout="tau" data-seconds={view.tau}>
                {formatSeconds(view.tau)} into the headphone; {Number.isFinite(view.tauBleed) ? `${formatSeconds(view.tauBleed)} through the bleed resistor` : 'never through a bleed resistor (there is none)'}
              </dd>
            </div>
            <div>
              <dt>Bass corner of this capacitor with this headphone</dt>
              <dd data-readout="corner">{formatHz(view.cornerHz)}</dd>
            </div>
          </dl>
        </div>
      </div>
      <div class="widget-plots">
        <XYPlot
          id={id('fig-thump')}
          title={`Figure ${firstFigure}. The thump across the headphone, from the moment it is connected.`}
          summary={`Without the relay the headphone gets ${formatVolts(view.without.peakVolts)} at once; with a ${formatFixed(params.relayDelaySeconds, 1)} s relay and ${bleedText}, ${formatVolts(view.withRelay.peakVolts)} (${dbText(view.reductionDb)} less). Both fall as straight lines in dB, ${formatFixed(20 * Math.LOG10E, 1)} dB per time constant of ${formatSeconds(view.tau)}.`}
          series={view.series}
          xLabel="Time after the headphone is connected (ms)"
          yLabel="Voltage (dBV, 0 dBV = 1 V)"
          xScale="linear"
          xDomain={[0, view.windowMs]}
          yDomain={[FLOOR_DBV, CEILING_DBV]}
          formatX={(ms) => `${formatFixed(ms, 1)} ms`}
          formatY={(y) => `${formatFixed(y, 1)} dBV`}
        />
        <XYPlot
          id={id('fig-charge')}
          title={`Figure ${firstFigure + 1}. While the relay waits: the step that is left.`}
          summary={Number.isFinite(view.tauBleed) ? `Through ${bleedText} the capacitor charges with a time constant of ${formatSeconds(view.tauBleed)}; when the relay closes at ${formatFixed(params.relayDelaySeconds, 1)} s, ${formatVolts(view.withRelay.peakVolts)} of the ${formatVolts(params.biasVolts)} step is left.` : `With no bleed resistor nothing charges the capacitor while the relay is open: the whole ${formatVolts(params.biasVolts)} step waits for the headphone, however long the delay.`}
          series={view.charge}
          xLabel="Time after switch-on (s)"
          yLabel="Step left (dBV)"
          xScale="linear"
          xDomain={[0, view.chargeWindow]}
          yDomain={[FLOOR_DBV, CEILING_DBV]}
          formatX={(s) => `${formatFixed(s, 2)} s`}
          formatY={(y) => `${formatFixed(y, 1)} dBV`}
          markers={params.relayDelaySeconds > 0 ? [{ x: params.relayDelaySeconds, label: 'Relay closes' }] : []}
        />
      </div>
      <p class="widget-note" data-note="thump-level">
        <strong>Before you play:</strong> start with your volume low. Every {LOOP_SECONDS} s the amplifier is switched on again. Both thumps
        are played {dbText(view.cutDb)} quieter than they really are against music at {formatVolts(MUSIC_VOLTS_RMS)} rms ({formatVolts(MUSIC_PEAK_VOLTS)} peaks), so
        the loudest is no louder than the music’s peaks, and everything passes the site’s limiter.
      </p>
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="With the relay delay"
        labelB="Without the relay"
        settingsKey={JSON.stringify({ ...params, bleedOhms: String(params.bleedOhms) })}
        makeChains={(rate) => turnOnChains(params, rate)}
        matchLoudness={false}
        downloadStem={`amp-lab-turn-on-${Math.round(params.capacitanceFarads * 1e6)}uF-${params.headphoneOhms}ohm-${bleed}-${formatFixed(params.relayDelaySeconds, 1)}s`}
        levelNote={`A and B play the music at the same level; each adds a switch-on every ${LOOP_SECONDS} s, both ${dbText(view.cutDb)} below their true level, so the difference between them is the model's.`}
      />
    </div>
  );
}
