// Build a supply and see, read and hear what reaches the headphone: the rail and its ripple (simulated in the time
// domain), the hum at the amplifier's output through its PSRR, the hum against the music in dB, and on batteries the
// rails that sag and run down. One model (src/dsp/circuits/ampSupply.ts) gives all of it.
import type { ProgramId } from '../../../audio/program';
import { useMemo, useState } from 'preact/hooks';
import { Checkbox } from '../../controls/Checkbox';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot, type Series } from '../../plots/XYPlot';
import { HarmonicsPlot } from '../../plots/HarmonicsPlot';
import { formatDb, formatFixed, formatHz, formatVolts } from '../../format';
import { Schematic } from '../../schematics/Schematic';
import { powerSupplyCircuit } from '../../schematics/circuits/powerSupply';
import { BATTERY_MODELS, type BatteryModelId } from '../../../dsp/circuits/batterySupply';
import { RECTIFIER_CAPACITANCE_RANGE_FARADS, RECTIFIER_LOAD_RANGE_AMPS, RECTIFIER_SUPPLY_DEFAULTS } from '../../../dsp/circuits/rectifierSupply';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { SpiceCheckPanel } from '../../spice/SpiceCheckPanel';
import { useSpiceCheck } from '../../spice/useSpiceCheck';
import type { RectifierCheckResult } from '../../../spice/rectifierCheck';
import { EXAGGERATE_DB, powerSupplyChains } from './audio';
import { DEFAULT_POWER_SUPPLY_SETTINGS, powerSupplyView, SUPPLY_STAGE, type PowerSupplySettings, type SupplyMode } from '../../../dsp/circuits/ampSupply';
import '../../../styles/widgets.css';

export interface RippleAndHumWidgetProps {
  idPrefix: string;
  /** The number of the widget's first figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
  /** The Listen panel's program when the page opens (default: the music loop). */
  program?: ProgramId;
}

const MODES: readonly { value: SupplyMode; label: string }[] = [
  { value: 'ac-linear', label: 'AC linear supply (transformer, rectifier, capacitor)' },
  { value: 'wall-wart', label: 'Unregulated wall-wart (typical values)' },
  { value: 'usb', label: 'USB bus power, 5 V split ±2.5 V' },
  { value: 'batteries', label: 'Two batteries, ± rails' },
];
const HUM_FLOOR_DB = -160;
const HUM_CEILING_DB = 0;
const HUM_BARS = 8;
/** The rail figure draws every this-many-th sample of the model's rail. */
const RAIL_PLOT_STRIDE = 8;
const LOG_C_RANGE = { min: Math.log10(RECTIFIER_CAPACITANCE_RANGE_FARADS.min), max: Math.log10(RECTIFIER_CAPACITANCE_RANGE_FARADS.max) };

export default function RippleAndHumWidget({ idPrefix, firstFigure = 1, program }: RippleAndHumWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [settings, setSettings] = useState<PowerSupplySettings>(DEFAULT_POWER_SUPPLY_SETTINGS);
  const [exaggerate, setExaggerate] = useState(false);
  const update = (patch: Partial<PowerSupplySettings>) => setSettings((s) => ({ ...s, ...patch }));
  const view = useMemo(() => powerSupplyView(settings), [settings]);
  const isAc = settings.mode === 'ac-linear' || settings.mode === 'wall-wart';
  const battery = BATTERY_MODELS[settings.battery];

  const spice = useSpiceCheck<RectifierCheckResult>(JSON.stringify({ mode: settings.mode, mainsHz: settings.mainsHz, rectifier: settings.rectifier, capacitanceFarads: settings.capacitanceFarads, loadAmps: settings.loadAmps }));
  const spiceResult = isAc ? (spice.current?.result ?? null) : null;
  const checkWithSpice = () =>
    spice.start((onProgress) => import('./spiceCheck').then(({ checkSupplyWithSpice }) => checkSupplyWithSpice(settings, onProgress)));

  const railSeries = useMemo(() => {
    // Every 8th sample (6 kHz at 48 kHz: 120 points per mains period), made directly rather than filtered from all of them.
    const toPoints = (volts: Float64Array) => {
      const points: { x: number; y: number }[] = [];
      for (let n = 0; n < volts.length; n += RAIL_PLOT_STRIDE) points.push({ x: (1000 * n) / view.sampleRateHz, y: volts[n] as number });
      return points;
    };
    const series: Series[] = [{ id: 'rail', label: spiceResult ? 'Reservoir rail, model' : 'Reservoir rail', points: toPoints(view.railVolts), color: 'b' }];
    if (spiceResult) series.push({ id: 'spice', label: 'Reservoir rail, SPICE (ngspice), dashed', points: toPoints(spiceResult.railVolts), color: 'c', dashed: true });
    if (view.regulatedVolts) series.push({ id: 'reg', label: 'After the regulator', points: toPoints(view.regulatedVolts), color: 'a' });
    return series;
  }, [view, spiceResult]);

  const humLines = view.hum ? view.hum.lines.slice(0, HUM_BARS) : [];
  const humDb = humLines.map((line) => 20 * Math.log10(Math.max(line.outputVoltsRms, 1e-12) / settings.musicVoltsRms));
  const humTotalDb = view.hum?.relativeToMusicDb ?? Number.NEGATIVE_INFINITY;
  const clipText = view.sagging && view.stiff ? `${formatVolts(view.sagging.clipVoltsPeak)} peak (fresh, stiff rails: ${formatVolts(view.stiff.clipVoltsPeak)})` : null;
  const musicPeakVolts = settings.musicVoltsRms * 10 ** (15 / 20);

  const circuit = powerSupplyCircuit({
    mode: settings.mode,
    mainsHz: settings.mainsHz,
    rectifier: settings.rectifier,
    secondaryVoltsRms: settings.mode === 'wall-wart' ? 12 : RECTIFIER_SUPPLY_DEFAULTS.secondaryVoltsRms,
    capacitanceFarads: settings.mode === 'wall-wart' ? 1000e-6 : settings.capacitanceFarads,
    loadAmps: settings.loadAmps,
    regulator: settings.regulator && settings.mode === 'ac-linear',
    regulatorOutputVolts: view.regulatorOutputVolts ?? 0,
    railDcVolts: view.dcVolts,
    rippleVoltsPeakToPeak: view.rippleVoltsPeakToPeak,
    outputRippleVoltsPeakToPeak: view.outputRippleVoltsPeakToPeak ?? 0,
    batteryName: battery.label,
    batteryOpenCircuitVolts: view.dcVolts,
    batteryInternalOhms: battery.internalOhms,
    railUnderLoadVolts: view.sagging ? view.sagging.railAtClipVolts : view.dcVolts,
    usbCableOhms: 0.43,
  });

  return (
    <div class="widget power-supply-widget" data-widget="power-supply" data-mode={settings.mode}>
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('mode')} label="Supply" value={settings.mode} options={MODES} onChange={(mode) => update({ mode })} />
          {isAc && (
            <>
              <Select id={id('mains')} label="Mains" value={String(settings.mainsHz)} options={[{ value: '50', label: '50 Hz (Europe, Asia, Africa, Australia)' }, { value: '60', label: '60 Hz (the Americas, parts of Asia)' }]} onChange={(text) => update({ mainsHz: text === '60' ? 60 : 50 })} />
              <Select id={id('rectifier')} label="Rectifier" value={settings.rectifier} options={[{ value: 'full-wave-bridge', label: 'Full-wave bridge (4 diodes)' }, { value: 'half-wave', label: 'Half-wave (1 diode)' }]} onChange={(rectifier) => update({ rectifier })} />
              {settings.mode === 'ac-linear' && (
                <>
                  <Slider
                    id={id('capacitor')}
                    label="Reservoir capacitor"
                    value={Math.log10(settings.capacitanceFarads)}
                    min={LOG_C_RANGE.min}
                    max={LOG_C_RANGE.max}
                    step={0.05}
                    format={(log) => `${formatFixed(10 ** log * 1e6, 0)} µF`}
                    onChange={(log) => update({ capacitanceFarads: 10 ** log })}
                  />
                  <Checkbox id={id('regulator')} label="LM317 regulator after the capacitor (80 dB ripple rejection with its 10 µF ADJ capacitor)" checked={settings.regulator} onChange={(regulator) => update({ regulator })} />
                </>
              )}
              <Slider
                id={id('load')}
                label="Current the amplifier draws"
                value={settings.loadAmps * 1000}
                min={RECTIFIER_LOAD_RANGE_AMPS.min * 1000}
                max={500}
                step={10}
                format={(mA) => `${formatFixed(mA, 0)} mA`}
                onChange={(mA) => update({ loadAmps: mA / 1000 })}
              />
            </>
          )}
          {settings.mode === 'batteries' && (
            <>
              <Select id={id('battery')} label="Batteries" value={settings.battery} options={(Object.keys(BATTERY_MODELS) as BatteryModelId[]).filter((k) => k !== 'li-ion-18650').map((k) => ({ value: k, label: BATTERY_MODELS[k].label }))} onChange={(value) => update({ battery: value })} />
              <Slider id={id('charge')} label="State of charge" value={Math.round(settings.stateOfChargeNormalized * 100)} min={0} max={100} step={5} format={(pct) => `${formatFixed(pct, 0)} %`} onChange={(pct) => update({ stateOfChargeNormalized: pct / 100 })} />
            </>
          )}
          <Slider
            id={id('music')}
            label="Music level at the headphone (rms)"
            value={Math.log10(settings.musicVoltsRms)}
            min={-2}
            max={0.5}
            step={0.05}
            format={(log) => formatVolts(10 ** log)}
            onChange={(log) => update({ musicVoltsRms: 10 ** log })}
            hint="For 300 Ω headphones near 100 dB/V, 0.3 V rms is about 90 dB SPL."
          />
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>Rail</dt>
              <dd data-readout="rail">
                {formatVolts(view.dcVolts)} DC{isAc ? `, ${formatVolts(view.rippleVoltsPeakToPeak)} ripple peak to peak at ${formatHz(view.rippleFundamentalHz)}` : ''}
              </dd>
            </div>
            {view.outputRippleVoltsPeakToPeak !== null && (
              <div>
                <dt>After the regulator ({formatVolts(view.regulatorOutputVolts ?? 0)})</dt>
                <dd data-readout="regulated">{formatVolts(view.outputRippleVoltsPeakToPeak)} ripple peak to peak</dd>
              </div>
            )}
            {view.hum && (
              <div>
                <dt>Hum at the headphone, against the music</dt>
                <dd data-readout="hum" class={humTotalDb < -90 ? 'ok' : 'warn'}>
                  {formatVolts(view.hum.totalVoltsRms)} rms, {formatDb(humTotalDb)}
                </dd>
              </div>
            )}
            {clipText && (
              <>
                <div>
                  <dt>Clean swing at the headphone</dt>
                  <dd data-readout="clip">{clipText}</dd>
                </div>
                <div>
                  <dt>Music peaks ask for</dt>
                  <dd data-readout="demand" class={view.sagging && musicPeakVolts > view.sagging.clipVoltsPeak ? 'warn' : 'ok'}>
                    {formatVolts(musicPeakVolts)} peak (15 dB crest factor)
                  </dd>
                </div>
              </>
            )}
          </dl>
        </div>
        <div class="widget-schematic">
          <Schematic circuit={circuit} />
        </div>
      </div>
      <div class="widget-plots">
        <XYPlot
          id={id('fig-rail')}
          title={`Figure ${firstFigure}. The supply rail, simulated.`}
          summary={isAc ? `Rail ${formatVolts(view.dcVolts)} with ${formatVolts(view.rippleVoltsPeakToPeak)} of ripple, recharging ${settings.rectifier === 'half-wave' ? 'once' : 'twice'} per mains cycle.${spiceResult ? ` Dashed: ngspice's transient of the same supply, ${formatVolts(spiceResult.spice.rippleVoltsPeakToPeak)} of ripple.` : ''}` : `A steady ${formatVolts(view.dcVolts)} rail: no mains ripple.`}
          series={railSeries}
          xLabel="Time (ms)"
          yLabel="Rail voltage (V)"
          xScale="linear"
          xDomain={[0, (1000 * view.railVolts.length) / view.sampleRateHz]}
          formatX={(ms) => `${formatFixed(ms, 1)} ms`}
          formatY={formatVolts}
        />
        {view.hum && (
          <HarmonicsPlot
            id={id('fig-hum')}
            title={`Figure ${firstFigure + 1}. Hum at the headphone, against the music.`}
            summary={`Hum lines at multiples of ${formatHz(view.rippleFundamentalHz)}: in total ${formatDb(humTotalDb)} relative to the music at ${formatVolts(settings.musicVoltsRms)} rms (op-amp PSRR 100 dB below 100 Hz, typical).`}
            levelsDb={humDb}
            floorDb={HUM_FLOOR_DB}
            ceilingDb={HUM_CEILING_DB}
            barLabels={humLines.map((line) => formatHz(line.frequencyHz))}
            xLabel="Frequency"
            yLabel="dB re music"
          />
        )}
      </div>
      {isAc && (
        <SpiceCheckPanel idPrefix={idPrefix} state={spice.state} stale={spice.stale} onCheck={checkWithSpice}>
          {spiceResult && (
            <>
              <p data-spice="ripple" data-model-volts={spiceResult.model.rippleVoltsPeakToPeak} data-spice-volts={spiceResult.spice.rippleVoltsPeakToPeak}>
                Ripple at the reservoir: model {formatVolts(spiceResult.model.rippleVoltsPeakToPeak)} peak to peak, SPICE {formatVolts(spiceResult.spice.rippleVoltsPeakToPeak)} (
                {formatFixed((100 * Math.abs(spiceResult.spice.rippleVoltsPeakToPeak - spiceResult.model.rippleVoltsPeakToPeak)) / spiceResult.spice.rippleVoltsPeakToPeak, 1)} % apart); DC level: model{' '}
                {formatVolts(spiceResult.model.dcVolts)}, SPICE {formatVolts(spiceResult.spice.dcVolts)}.
              </p>
              <p data-spice="difference" data-worst-volts={spiceResult.worstDifferenceVolts}>
                Over the three periods drawn, the two rails differ by at most {formatFixed(spiceResult.worstDifferenceVolts * 1000, 1)} mV.
              </p>
              <p data-spice="lines" data-worst-db={spiceResult.worstLine.differenceDb}>
                {spiceResult.model.lines.slice(0, 3).map((line, i) => (
                  <span key={line.frequencyHz}>
                    {i > 0 && ' '}
                    {formatHz(line.frequencyHz)}: model {formatFixed(1000 * line.voltsRms, 2)} mV rms, SPICE {formatFixed(1000 * (spiceResult.spice.lines[i]?.voltsRms ?? Number.NaN), 2)} mV rms.
                  </span>
                ))}{' '}
                Over the first {spiceResult.model.lines.length} ripple lines within {spiceResult.lineRangeDb} dB of the first, they differ by at most {formatFixed(spiceResult.worstLine.differenceDb, 2)} dB (at {formatHz(spiceResult.worstLine.frequencyHz)}).
              </p>
              <p data-spice="note">
                ngspice's diodes follow Shockley's law, fitted to drop the model's 0.7 V (plus 0.1 Ω) at 1 A, where the model's diode switches on sharply at a fixed drop: the ripple agrees closely, the higher lines, which hang on the charging pulse's shape, less so. The hum at the headphone (Figure {firstFigure + 1}) comes from these lines through the amplifier's PSRR{settings.regulator ? ' and the regulator' : ''}.
              </p>
            </>
          )}
        </SpiceCheckPanel>
      )}
      {view.hum && (
        <Checkbox
          id={id('exaggerate')}
          label={`Exaggerate hum by ${EXAGGERATE_DB} dB (B is then louder than the real hum)`}
          checked={exaggerate}
          onChange={setExaggerate}
        />
      )}
      <ListeningPanel
        idPrefix={idPrefix}
        defaultProgram={program}
        labelA={view.sagging ? 'Fresh batteries, stiff rails' : 'Music alone'}
        labelB={view.sagging ? 'These batteries' : exaggerate ? `With hum, exaggerated +${EXAGGERATE_DB} dB` : 'With the hum'}
        settingsKey={`${JSON.stringify(settings)}|${exaggerate}`}
        makeChains={() => powerSupplyChains(settings, view, exaggerate)}
        matchLoudness={view.sagging !== null}
        downloadStem={`amp-lab-supply-${settings.mode}${exaggerate ? '-exaggerated' : ''}`}
        levelNote={
          view.sagging
            ? `A is the O2-like stage (gain ${SUPPLY_STAGE.gain}) on fresh batteries with no internal resistance; B on the batteries you chose, whose rails sag with the current and fall as they run down. Loudness-matched.`
            : `B adds the hum the model puts at the headphone, at its true level against music at ${formatVolts(settings.musicVoltsRms)} rms${exaggerate ? `, raised by ${EXAGGERATE_DB} dB because you asked` : ''}. Your volume control scales both.`
        }
      />
    </div>
  );
}
