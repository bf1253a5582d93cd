// One amplifier stage at a time — an op-amp gain stage, a triode common-cathode stage, a push-pull output stage or
// an OTL cathode follower — solved from its device equations (src/dsp/circuits). The same model gives the schematic's live values, the
// transfer curve, the waveform, the harmonic spectrum and THD, and the sound (its transfer curve as a waveshaper).
import type { ProgramId } from '../../../audio/program';
import type { OpAmpClipCause, OpAmpStageParams } from '../../../dsp/circuits/opAmpStage';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot } from '../../plots/XYPlot';
import { HarmonicsPlot } from '../../plots/HarmonicsPlot';
import { formatAmps, formatDb, formatFixed, formatHz, formatLevelDb, formatOhms, formatPercent, formatVolts, formatWatts } from '../../format';
import { Schematic } from '../../schematics/Schematic';
import { predictedHarmonicLevels, thd } from '../../../dsp/analysis/harmonics';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { SpiceCheckPanel } from '../../spice/SpiceCheckPanel';
import { useSpiceCheck } from '../../spice/useSpiceCheck';
import type { AmpStageCheckResult } from './spiceCheck';
import { ampStageChains } from './audio';
import {
  CURVE_POINTS,
  curvePeakVolts,
  DEFAULT_AMP_STAGE_SETTINGS,
  HARMONICS_SHOWN,
  DRIVE_RANGE_DB,
  drivePeakVolts,
  isStageKitLoaded,
  isStageSchematicLoaded,
  loadStageSchematics,
  SPICE_CHECKED_STAGES,
  STAGE_LABELS,
  stageCircuit,
  stageKit,
  stageView,
  TONE_HZ,
  TONE_SAMPLE_RATE_HZ,
  type AmpStageSettings,
  type StageKind,
} from './views';
import { useHeldIsland } from './heldIsland';
import '../../../styles/widgets.css';

// The server renders the first stage with the widget, so it loads every stage's module first (the browser's build
// leaves this out: there each stage's module loads when it is shown).
if (import.meta.env.SSR) await import('./allStages');

export interface AmpStageWidgetProps {
  idPrefix: string;
  /** The stages the reader can choose between (the first is shown first). */
  stages: readonly StageKind[];
  driveDb?: number;
  /** The Listen panel's program when the page opens (default: the music loop). */
  program?: ProgramId;
}

const WAVEFORM_POINTS = 97;
const WAVEFORM_PERIODS = 2;
const LOADS_OHMS = [16, 32, 64, 300, 600] as const;
/** How the loading and failure notes name each stage. */
const STAGE_NAMES: Record<StageKind, string> = { opamp: 'op-amp stage', triode: 'triode stage', pushpull: 'push-pull stage', follower: 'cathode follower' };
const levelText = (db: number) => formatLevelDb(db);
const ORDINALS = ['2nd', '3rd'] as const;


/** How each clipping cause reads, with the model's figure for it. */
const CLIP_CAUSE_TEXT: Record<OpAmpClipCause, (p: OpAmpStageParams) => string> = {
  rails: (p) => `the rails (±${formatVolts(p.railVolts)}, less ${formatVolts(p.dropoutVolts)} of dropout)`,
  current: (p) => `the output current limit (${formatAmps(p.currentLimitAmps)}), not the rails`,
  'slew-rate': (p) => `the slew rate (${formatFixed(p.slewRateVoltsPerSecond / 1e6, 1)} V/µs)`,
};

type Instant = 'bias' | 'plus' | 'minus';
const INSTANT_SIGN: Record<Instant, number> = { bias: 0, plus: 1, minus: -1 };
const INSTANT_OPTIONS: readonly { value: Instant; label: string }[] = [
  { value: 'bias', label: 'the bias point (no signal)' },
  { value: 'plus', label: 'the positive peak of the drive' },
  { value: 'minus', label: 'the negative peak of the drive' },
];

export default function AmpStageWidget({ idPrefix, stages, driveDb: initialDrive, program }: AmpStageWidgetProps) {
  const [settings, setSettings] = useState<AmpStageSettings>({
    ...DEFAULT_AMP_STAGE_SETTINGS,
    kind: stages[0] ?? 'opamp',
    driveDb: initialDrive ?? DEFAULT_AMP_STAGE_SETTINGS.driveDb,
  });
  const update = (patch: Partial<AmpStageSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const [instant, setInstant] = useState<Instant>('plus');
  // Each stage's model loads when it is first shown or chosen: the first stage's at hydration (the server's HTML stays
  // in place meanwhile), another's when the reader picks it (the choice waits for it, saying so).
  const [shownReady, setShownReady] = useState(isStageKitLoaded(settings.kind) && isStageSchematicLoaded(settings.kind));
  const [pending, setPending] = useState<StageKind | null>(null);
  const [failed, setFailed] = useState<StageKind | null>(null);
  useEffect(() => {
    if (shownReady) return;
    loadStageSchematics([settings.kind]).then(
      () => setShownReady(true),
      () => setFailed(settings.kind),
    );
  }, []);
  const chooseStage = (kind: StageKind) => {
    setFailed(null);
    if (isStageKitLoaded(kind) && isStageSchematicLoaded(kind)) {
      setPending(null);
      update({ kind });
      return;
    }
    setPending(kind);
    loadStageSchematics([kind]).then(
      () => {
        setPending((waiting) => {
          if (waiting === kind) update({ kind });
          return waiting === kind ? null : waiting;
        });
      },
      () => {
        setPending(null);
        setFailed(kind);
      },
    );
  };
  const held = useHeldIsland(shownReady);
  if (!shownReady) {
    // Until the first stage's model is here, keep the server's HTML as it is (hydration leaves inner HTML alone).
    return failed === null ? (
      <div class="widget amp-stage-widget" data-widget="amp-stage" data-stage={settings.kind} ref={held} dangerouslySetInnerHTML={{ __html: '' }} />
    ) : (
      <div class="widget amp-stage-widget" data-widget="amp-stage" data-stage="failed">
        <p role="alert">This stage could not be loaded. Check your connection, then reload the page.</p>
      </div>
    );
  }
  return <AmpStageView idPrefix={idPrefix} stages={stages} settings={settings} update={update} chooseStage={chooseStage} pending={pending} failed={failed} instant={instant} setInstant={setInstant} program={program} />;
}

interface AmpStageViewProps {
  idPrefix: string;
  stages: readonly StageKind[];
  settings: AmpStageSettings;
  update: (patch: Partial<AmpStageSettings>) => void;
  chooseStage: (kind: StageKind) => void;
  /** A stage the reader chose whose model is still loading, or one that failed to load. */
  pending: StageKind | null;
  failed: StageKind | null;
  instant: Instant;
  setInstant: (instant: Instant) => void;
  program: ProgramId | undefined;
}

function AmpStageView({ idPrefix, stages, settings, update, chooseStage, pending, failed, instant, setInstant, program }: AmpStageViewProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const view = useMemo(() => stageView(settings), [settings.kind, settings.tube, settings.plateSupplyVolts, settings.opAmpSupplyId, settings.opAmpOutputKind, settings.opAmpGain, settings.pushPullClass, settings.biasCurrentAmps, settings.loadOhms, settings.followerSections, settings.followerLoadOhms]);
  const driveDb = Math.min(settings.driveDb, view.maxDriveDb);
  const peakIn = drivePeakVolts(view, driveDb);
  const q = view.stage.quiescentOutputVolts;
  const ac = (inputVolts: number) => view.stage.transferVolts(inputVolts) - q;

  const analysis = useMemo(() => {
    const levels = predictedHarmonicLevels(ac, peakIn, TONE_HZ, TONE_SAMPLE_RATE_HZ, HARMONICS_SHOWN);
    return { levels, distortion: thd(levels) };
  }, [view, peakIn]);

  const curve = useMemo(() => {
    const maxIn = curvePeakVolts(view);
    return Array.from({ length: CURVE_POINTS }, (_, i) => {
      const x = -maxIn + (2 * maxIn * i) / (CURVE_POINTS - 1);
      return { x, y: view.stage.transferVolts(x) };
    });
  }, [view]);

  const waveform = useMemo(() => {
    const periodMs = 1000 / TONE_HZ;
    const input: { x: number; y: number }[] = [];
    const output: { x: number; y: number }[] = [];
    for (let i = 0; i < WAVEFORM_POINTS; i++) {
      const tMs = (WAVEFORM_PERIODS * periodMs * i) / (WAVEFORM_POINTS - 1);
      const vin = peakIn * Math.sin((2 * Math.PI * tMs) / periodMs);
      input.push({ x: tMs, y: vin * view.fullSwingGain });
      output.push({ x: tMs, y: ac(vin) });
    }
    return { input, output };
  }, [view, peakIn]);

  const outputPeakVolts = Math.max(Math.abs(ac(peakIn)), Math.abs(ac(-peakIn)));
  const pushPull = settings.kind === 'pushpull' ? stageKit('pushpull') : null;
  const budget = useMemo(
    () => (pushPull === null ? null : pushPull.budget(settings, outputPeakVolts)),
    [settings.kind, settings.pushPullClass, settings.biasCurrentAmps, settings.loadOhms, outputPeakVolts],
  );
  const idleAmps = useMemo(
    () => (pushPull === null ? null : pushPull.idleAmps(settings)),
    [settings.kind, settings.pushPullClass, settings.biasCurrentAmps, settings.loadOhms],
  );
  const follower = settings.kind === 'follower' ? stageKit('follower') : null;
  const followerOutputOhms = follower?.outputImpedanceOhms(settings) ?? null;
  const efficiencyCurves = useMemo(
    () => (pushPull === null ? null : pushPull.efficiencyCurves(settings)),
    [settings.kind, settings.pushPullClass, settings.biasCurrentAmps, settings.loadOhms],
  );
  const opAmp = settings.kind === 'opamp' ? stageKit('opamp') : null;
  const triode = settings.kind === 'triode' ? stageKit('triode') : null;
  const clip = opAmp === null ? null : opAmp.clipReadout(settings, TONE_HZ);
  const clipText = clip === null ? '' : `${CLIP_CAUSE_TEXT[clip.limit.cause](clip.params)}: clean to ${formatVolts(clip.limit.cleanLoadVoltsPeak)} peak into ${formatFixed(clip.params.loadOhms, 0)} Ω`;
  const circuit = stageCircuit(settings, view, INSTANT_SIGN[instant] * peakIn);
  const stageName = STAGE_LABELS[settings.kind];
  const levelsDb = analysis.levels.harmonicsDb;
  const second = levelsDb[0] ?? Number.NEGATIVE_INFINITY;
  const third = levelsDb[1] ?? Number.NEGATIVE_INFINITY;
  const thdText = `${levelText(analysis.distortion.db)} (${formatPercent(analysis.distortion.percent)})`;
  const outputDomain: [number, number] = [Math.min(...curve.map((p) => p.y)), Math.max(...curve.map((p) => p.y))];
  const acSpan = Math.max(Math.abs(outputDomain[0] - q), Math.abs(outputDomain[1] - q), 1e-3);

  const settingsKey = JSON.stringify({ ...settings, driveDb });
  const spice = useSpiceCheck<AmpStageCheckResult>(settingsKey);
  const spiceResult = spice.current?.result ?? null;
  const checkWithSpice = () =>
    spice.start((onProgress) => import('./spiceCheck').then(({ checkAmpStageWithSpice }) => checkAmpStageWithSpice(settings, driveDb, onProgress)));
  const spiceLabel = 'SPICE (ngspice), dashed';
  const transferSeries = spiceResult
    ? [
        { id: 't', label: `${view.outputName}, model`, points: curve, color: 'b' as const },
        { id: 'spice', label: `${view.outputName}, ${spiceLabel}`, points: spiceResult.transfer, color: 'c' as const, dashed: true },
      ]
    : [{ id: 't', label: view.outputName, points: curve, color: 'b' as const }];
  const periodsShownSeconds = WAVEFORM_PERIODS / TONE_HZ;
  const spiceWaveform = spiceResult
    ? spiceResult.waveform.timeSeconds.flatMap((t, i) => (t <= periodsShownSeconds ? [{ x: 1000 * t, y: spiceResult.waveform.acVolts[i] ?? Number.NaN }] : []))
    : null;
  const spiceDifferencePercent = 100 * (spiceResult?.worstDifferenceOfSwing ?? 0);
  const spiceDifferenceText = spiceDifferencePercent < 1e-4 ? 'less than 0.0001 %' : `at most ${formatPercent(spiceDifferencePercent)}`;
  const spiceSecond = spiceResult?.harmonicsDb[0] ?? Number.NEGATIVE_INFINITY;
  const spiceThird = spiceResult?.harmonicsDb[1] ?? Number.NEGATIVE_INFINITY;
  const floorDb = spiceResult?.harmonicFloorDb ?? Number.NEGATIVE_INFINITY;
  const floorText = formatDb(floorDb, 0);
  const harmonicFinding = (index: number, modelDb: number, spiceDb: number) => {
    const order = ORDINALS[index] ?? `${index + 2}th`;
    return Math.max(modelDb, spiceDb) <= floorDb
      ? `${order} harmonic: model and SPICE both below ${floorText}.`
      : `${order} harmonic: model ${levelText(modelDb)}, SPICE ${levelText(spiceDb)}.`;
  };
  const worstHarmonicDb = spiceResult?.worstHarmonicDifferenceDb ?? null;
  const harmonicsAgreementText =
    worstHarmonicDb === null
      ? `Every harmonic up to the ${HARMONICS_SHOWN + 1}th is below ${floorText} in both, the smallest level this simulation resolves.`
      : `Over the harmonics up to the ${HARMONICS_SHOWN + 1}th that either puts above ${floorText} (the smallest level this simulation resolves), they differ by at most ${formatFixed(worstHarmonicDb, 2)} dB.`;

  return (
    <div class="widget amp-stage-widget" data-widget="amp-stage" data-stage={settings.kind}>
      <div class="widget-top">
        <div class="widget-controls">
          {stages.length > 1 && (
            <Select id={id('stage')} label="Stage" value={pending ?? settings.kind} options={stages.map((k) => ({ value: k, label: STAGE_LABELS[k] }))} onChange={chooseStage} />
          )}
          {pending !== null && (
            <p class="control-hint" role="status" data-stage-loading={pending}>
              Loading the {STAGE_NAMES[pending]}…
            </p>
          )}
          {failed !== null && (
            <p class="control-hint" role="alert">
              The {STAGE_NAMES[failed]} could not be loaded. Check your connection, then choose it again.
            </p>
          )}
          <Slider
            id={id('drive')}
            label="Drive (music peaks, re full swing)"
            value={driveDb}
            min={DRIVE_RANGE_DB.min}
            max={Math.floor(view.maxDriveDb / DRIVE_RANGE_DB.step) * DRIVE_RANGE_DB.step}
            step={DRIVE_RANGE_DB.step}
            format={(db) => `${formatDb(db)} (${formatVolts(drivePeakVolts(view, db))} peak in)`}
            onChange={(value) => update({ driveDb: value })}
            hint="0 dB is the input at which the stage reaches the end of its clean swing."
          />
          {triode !== null && (
            <>
              <Select id={id('tube')} label="Tube" value={settings.tube} options={[{ value: '12AU7', label: '12AU7 (µ ≈ 21.5)' }, { value: '12AX7', label: '12AX7 (µ ≈ 100)' }]} onChange={(tube) => update({ tube })} />
              <Slider
                id={id('plate-supply')}
                label="Plate supply B+"
                value={settings.plateSupplyVolts}
                min={triode.supplyRange.min}
                max={triode.supplyRange.max}
                step={10}
                format={(v) => `${formatFixed(v, 0)} V`}
                onChange={(plateSupplyVolts) => update({ plateSupplyVolts })}
              />
            </>
          )}
          {opAmp !== null && (
            <>
              <Select id={id('supply')} label="Supply" value={settings.opAmpSupplyId} options={opAmp.supplyOptions} onChange={(opAmpSupplyId) => update({ opAmpSupplyId })} />
              <Select
                id={id('opamp-kind')}
                label="Op-amp output"
                value={settings.opAmpOutputKind}
                options={opAmp.outputOptions(formatVolts, formatAmps)}
                onChange={(opAmpOutputKind) => update({ opAmpOutputKind })}
              />
              <Slider
                id={id('gain')}
                label="Voltage gain"
                value={settings.opAmpGain}
                min={opAmp.gainMin}
                max={10}
                step={0.5}
                format={(g) => `${formatFixed(g, 1)}×`}
                onChange={(opAmpGain) => update({ opAmpGain })}
                presets={[{ label: 'O2 low 2.5×', value: 2.5 }, { label: 'O2 high 6.5×', value: 6.5 }]}
              />
            </>
          )}
          {pushPull !== null && (
            <>
              <Select
                id={id('class')}
                label="Class"
                value={settings.pushPullClass}
                options={[
                  { value: 'B', label: 'Class B (no bias)' },
                  { value: 'AB', label: 'Class AB (biased)' },
                ]}
                onChange={(pushPullClass) => update({ pushPullClass })}
              />
              {settings.pushPullClass === 'AB' && (
                <Slider
                  id={id('bias')}
                  label="Bias current"
                  value={settings.biasCurrentAmps * 1000}
                  min={0.5}
                  max={pushPull.biasRangeAmps.max * 1000}
                  step={0.5}
                  format={(mA) => `${formatFixed(mA, 1)} mA`}
                  onChange={(mA) => update({ biasCurrentAmps: mA / 1000 })}
                />
              )}
            </>
          )}
          {follower !== null && (
            <>
              <Slider
                id={id('sections')}
                label="Triode sections in parallel"
                value={settings.followerSections}
                min={follower.sectionsRange.min}
                max={follower.sectionsRange.max}
                step={follower.sectionsRange.step}
                format={(n) => `${formatFixed(n, 0)} × 12AU7`}
                onChange={(followerSections) => update({ followerSections })}
                hint="More sections in parallel: more current and a lower plate resistance, so a lower output impedance."
              />
              <Select
                id={id('follower-load')}
                label="Headphone load"
                value={String(settings.followerLoadOhms)}
                options={LOADS_OHMS.map((ohms) => ({ value: String(ohms), label: `${ohms} Ω` }))}
                onChange={(text) => update({ followerLoadOhms: Number(text) })}
              />
            </>
          )}
          {settings.kind !== 'triode' && settings.kind !== 'follower' && (
            <Select
              id={id('load')}
              label="Headphone load"
              value={String(settings.loadOhms)}
              options={LOADS_OHMS.map((ohms) => ({ value: String(ohms), label: `${ohms} Ω` }))}
              onChange={(text) => update({ loadOhms: Number(text) })}
            />
          )}
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>THD at 1 kHz</dt>
              <dd data-readout="thd">{thdText}</dd>
            </div>
            <div>
              <dt>2nd · 3rd harmonic (re fundamental)</dt>
              <dd data-readout="harmonics">
                {levelText(second)} · {levelText(third)}
              </dd>
            </div>
            {clip !== null && (
              <div>
                <dt>What clips a {formatHz(TONE_HZ)} sine</dt>
                <dd data-readout="clip-limit">{clipText}</dd>
              </div>
            )}
            <div>
              <dt>Output peak (AC)</dt>
              <dd data-readout="output-peak">{formatVolts(outputPeakVolts)}</dd>
            </div>
            <div>
              <dt>Gain at full swing</dt>
              <dd data-readout="gain">{formatFixed(view.fullSwingGain, 2)}×{view.invert ? ' (inverting)' : ''}</dd>
            </div>
            {follower !== null && followerOutputOhms !== null && (
              <>
                <div>
                  <dt>Output impedance (at idle)</dt>
                  <dd data-readout="output-impedance">{formatOhms(followerOutputOhms)}</dd>
                </div>
                <div>
                  <dt>Idle current (all sections)</dt>
                  <dd data-readout="idle">{formatAmps(follower.idleAmps(settings))}</dd>
                </div>
              </>
            )}
            {idleAmps !== null && budget !== null && (
              <>
                <div>
                  <dt>Idle current per transistor</dt>
                  <dd data-readout="idle">{formatAmps(idleAmps)}</dd>
                </div>
                <div>
                  <dt>Efficiency · heat in the transistors</dt>
                  <dd data-readout="efficiency">
                    {formatFixed(100 * budget.efficiency, 1)} % · {formatWatts(budget.deviceWatts)}
                  </dd>
                </div>
              </>
            )}
          </dl>
        </div>
        <div class="widget-schematic">
          <Schematic circuit={circuit} />
          <Select id={id('instant')} label="Circuit values at" value={instant} options={INSTANT_OPTIONS} onChange={setInstant} />
        </div>
      </div>
      <div class="widget-plots">
        <XYPlot
          id={id('fig-transfer')}
          title="Figure 1. Transfer curve, solved from the circuit."
          summary={`${stageName}: output against input over ±${formatVolts(curve.at(-1)?.x ?? 0)}; the drive's peaks reach ±${formatVolts(peakIn)}.${spiceResult ? ` Dashed: ngspice's DC sweep of the same circuit, ${spiceDifferenceText} of the swing from the model.` : ''}`}
          series={transferSeries}
          xLabel="Input voltage (V)"
          yLabel={`${view.outputName} (V)`}
          xScale="linear"
          xDomain={[curve[0]?.x ?? -1, curve.at(-1)?.x ?? 1]}
          formatX={formatVolts}
          formatY={formatVolts}
          markers={[
            { x: peakIn, label: '+peak' },
            { x: -peakIn, label: '−peak' },
          ]}
        />
        <XYPlot
          id={id('fig-waveform')}
          title="Figure 2. A 1 kHz sine at this drive, out of the stage."
          summary={`Output peak ${formatVolts(outputPeakVolts)}; the dashed line is the input scaled by the full-swing gain.${spiceWaveform ? " The second dashed line is ngspice's transient of the same sine." : ''}`}
          series={[
            { id: 'in', label: 'Input × gain', points: waveform.input, color: 'a', dashed: true },
            { id: 'out', label: spiceWaveform ? 'Output (AC), model' : 'Output (AC)', points: waveform.output, color: 'b' },
            ...(spiceWaveform ? [{ id: 'spice', label: `Output (AC), ${spiceLabel}`, points: spiceWaveform, color: 'c' as const, dashed: true }] : []),
          ]}
          xLabel="Time (ms)"
          yLabel="Voltage (V)"
          xScale="linear"
          xDomain={[0, (WAVEFORM_PERIODS * 1000) / TONE_HZ]}
          yDomain={[-acSpan, acSpan]}
          formatX={(ms) => `${formatFixed(ms, 2)} ms`}
          formatY={formatVolts}
        />
        <HarmonicsPlot
          id={id('fig-spectrum')}
          title="Figure 3. Harmonics of the 1 kHz tone."
          summary={`THD ${thdText}; 2nd harmonic ${levelText(second)}, 3rd ${levelText(third)}.${spiceResult ? ` ngspice's transient: 2nd ${levelText(spiceSecond)}, 3rd ${levelText(spiceThird)}.` : ''}`}
          levelsDb={levelsDb}
          comparison={spiceResult ? { mainLabel: 'Model', label: spiceLabel, levelsDb: spiceResult.harmonicsDb } : undefined}
        />
        {efficiencyCurves && (
          <XYPlot
            id={id('fig-efficiency')}
            title="Figure 4. Efficiency against output level."
            summary={`At full output the ideal class B reaches 78.5 % (π/4) and class A push-pull 50 %; this stage's efficiency at each level comes from averaging its solved currents over a cycle. At your drive: ${budget ? formatFixed(100 * budget.efficiency, 1) : '—'} %.`}
            series={efficiencyCurves}
            xLabel="Output peak (% of the rail)"
            yLabel="Efficiency (%)"
            xScale="linear"
            xDomain={[0, 100]}
            yDomain={[0, 80]}
            formatX={(x) => `${formatFixed(x, 0)} %`}
            formatY={(y) => `${formatFixed(y, 1)} %`}
          />
        )}
      </div>
      {SPICE_CHECKED_STAGES.includes(settings.kind) && (
        <SpiceCheckPanel idPrefix={idPrefix} state={spice.state} stale={spice.stale} onCheck={checkWithSpice}>
          {spiceResult && (
            <>
              <p data-spice="difference">
                SPICE and the model differ by {spiceDifferenceText} of full swing over the transfer curve.
              </p>
              <p data-spice="harmonics">
                {[0, 1].map((index) => (
                  <span key={index} data-spice-harmonic={index + 2} data-model-db={levelsDb[index]} data-spice-db={spiceResult.harmonicsDb[index]}>
                    {index > 0 && ' '}
                    {harmonicFinding(index, levelsDb[index] ?? Number.NaN, spiceResult.harmonicsDb[index] ?? Number.NaN)}
                  </span>
                ))}{' '}
                <span data-spice="harmonics-agreement" data-worst-db={worstHarmonicDb ?? undefined}>
                  {harmonicsAgreementText}
                </span>
              </p>
              {spiceResult.outputImpedance !== null && (
                <p data-spice="output-impedance" data-model-ohms={spiceResult.outputImpedance.modelOhms} data-spice-ohms={spiceResult.outputImpedance.spiceOhms}>
                  Output impedance: model {formatOhms(spiceResult.outputImpedance.modelOhms)}, SPICE's AC analysis {formatOhms(spiceResult.outputImpedance.spiceOhms)} (
                  {formatPercent((100 * Math.abs(spiceResult.outputImpedance.spiceOhms - spiceResult.outputImpedance.modelOhms)) / spiceResult.outputImpedance.spiceOhms)} apart).
                </p>
              )}
              <p data-spice="note">{spiceResult.note}</p>
            </>
          )}
        </SpiceCheckPanel>
      )}
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="Clean (no stage)"
        defaultProgram={program}
        labelB={stageName}
        settingsKey={settingsKey}
        makeChains={(sampleRateHz) => ampStageChains(settings, driveDb, sampleRateHz)}
        matchLoudness
        downloadStem={`amp-lab-${settings.kind}-${String(driveDb).replace('-', 'm').replace('.', 'p')}dB`}
        levelNote="A is the program as it is; B is the program through the stage at the drive you set, its transfer curve applied sample by sample (4× oversampled). B is loudness-matched to A (ITU-R BS.1770), so you hear the distortion, not a level change."
      />
    </div>
  );
}
