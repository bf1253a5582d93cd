// "Will this amp drive these headphones?": pick a headphone and a source from the catalogue (or enter your own),
// a listening level and a crest factor. One model (src/dsp/matching) gives the readouts, the verdict, the level
// figure, the response plot, the working and the sound. On the lab page the whole state lives in the URL.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { NumberField } from '../../controls/NumberField';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { formatAmps, formatDb, formatDuration, formatFixed, formatHz, formatOhms, formatVolts, formatWatts } from '../../format';
import { HEADPHONES } from '../../../data/catalogue/headphones';
import { SOURCES } from '../../../data/catalogue/sources';
import type { CatalogueHeadphone, CatalogueSource, Cited } from '../../../data/catalogue/types';
import { outputById } from '../../../dsp/matching/catalogueModels';
import { CREST_FACTOR_PRESETS, CREST_FACTOR_RANGE_DB, CUSTOM_RANGES, LISTENING_LEVEL_RANGE_DB_SPL } from '../../../dsp/matching/customEntries';
import { evaluateMatch, type HeadphoneLoad, type MatchResult, type SourceOutputModel } from '../../../dsp/matching/match';
import { logFrequencies, relativeResponseDb } from '../../../dsp/sourceLoad';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { MatcherLevels } from './MatcherLevels';
import { MatcherWorking } from './MatcherWorking';
import { matcherChains } from './audio';
import { fieldsToFix, HEADPHONE_FIELDS, SOURCE_FIELDS, type CustomField } from './fields';
import { matcherModels } from './models';
import {
  CUSTOM_ID,
  DEFAULT_CUSTOM_HEADPHONE,
  DEFAULT_CUSTOM_SOURCE,
  queryFromState,
  resolveOutputAndGain,
  stateFromQuery,
  type MatcherCatalogueIds,
  type MatcherState,
} from './state';
import { missingVerdict, verdictFor } from './verdict';
import { withBase } from '../../../lib/paths';
import '../../../styles/widgets.css';

export interface MatcherWidgetProps {
  /** Prefix of every id inside the widget (unique per page). */
  idPrefix: string;
  headphoneId?: string;
  sourceId?: string;
  outputId?: string;
  gainId?: string;
  levelDbSpl?: number;
  crestFactorDb?: number;
  /** Keep the state in the page's URL (the lab page), so a link reproduces it. */
  syncUrl?: boolean;
  /** The number of the widget's first figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
}

/** A short time in hours as seconds or minutes: "0.7 s", "9 s", "4 minutes". */
function formatShortDuration(hours: number): string {
  const seconds = hours * 3600;
  if (seconds < 10) return `${formatFixed(seconds, 1)} s`;
  if (seconds < 120) return `${formatFixed(seconds, 0)} s`;
  return formatDuration(hours);
}

/** How long the address waits for the controls to rest before it records them (the lab page's shareable URL). */
const URL_SYNC_DELAY_MS = 200;
const CURVE_FREQUENCIES_HZ = logFrequencies(20, 20000, 161);
const KIND_WORDS: Record<CatalogueHeadphone['kind'], string> = {
  dynamic: 'dynamic',
  planar: 'planar',
  'single-ba': 'single BA',
  'multi-ba': 'multi-BA',
};
const LIMIT_WORDS = { voltage: 'voltage swing', current: 'current', gain: 'gain' } as const;

/** Units shown beside the custom source's fields. */
const SOURCE_FIELD_UNITS: Record<string, string> = { openCircuitVoltsRms: 'Vrms', currentLimitMilliamps: 'mA rms', outputImpedanceOhms: 'Ω', noiseMicrovolts: 'µV rms' };
/** The accepted range of a custom field, as its hint says it: "1–1000 Ω". */
const rangeText = (field: CustomField, unit: string = CUSTOM_RANGES[field.key].unit): string =>
  `${CUSTOM_RANGES[field.key].min}–${CUSTOM_RANGES[field.key].max} ${unit}`;

export const CATALOGUE_IDS: MatcherCatalogueIds = {
  headphoneIds: HEADPHONES.map((h) => h.id),
  sources: SOURCES.map((s) => ({ id: s.id, outputs: s.outputs.map((o) => ({ id: o.id, gains: o.gains.map((g) => ({ id: g.id })) })) })),
};

const headphoneOptions = [
  ...HEADPHONES.map((h) => ({ value: h.id, label: `${h.maker} ${h.model} (${formatOhms(h.nominalImpedanceOhms.value)}, ${KIND_WORDS[h.kind]})` })),
  { value: CUSTOM_ID, label: 'Custom headphone…' },
];
const sourceOptions = [...SOURCES.map((s) => ({ value: s.id, label: `${s.maker} ${s.model}` })), { value: CUSTOM_ID, label: 'Custom source…' }];

function initialState(props: MatcherWidgetProps): MatcherState {
  const headphoneId = props.headphoneId ?? HEADPHONES[0]?.id ?? CUSTOM_ID;
  const sourceId = props.sourceId ?? SOURCES[0]?.id ?? CUSTOM_ID;
  const { outputId, gainId } = resolveOutputAndGain(CATALOGUE_IDS, sourceId, props.outputId ?? 'se', props.gainId ?? '');
  return {
    headphoneId,
    sourceId,
    outputId,
    gainId,
    levelDbSpl: props.levelDbSpl ?? LISTENING_LEVEL_RANGE_DB_SPL.defaultValue,
    crestFactorDb: props.crestFactorDb ?? CREST_FACTOR_RANGE_DB.defaultValue,
    customHeadphone: DEFAULT_CUSTOM_HEADPHONE,
    customSource: DEFAULT_CUSTOM_SOURCE,
  };
}

/**
 * "103 dB/V (estimate)" with a link to the figure's source on the Sources page. (The figure's note, how it was
 * read or derived, is not shipped to the browser: the lab page's catalogue tables show it.)
 */
function CitedFigure({ label, figure, text }: { label: string; figure: Cited<unknown>; text: string }) {
  return (
    <li>
      {label}: {text}
      {figure.estimate ? ' (estimate)' : ''} <a href={withBase(`/sources/#source-${figure.sourceId}`)}>source</a>
    </li>
  );
}

function HeadphoneFigures({ headphone }: { headphone: CatalogueHeadphone }) {
  const { value, unit } = headphone.sensitivity.value;
  return (
    <ul class="matcher-figures">
      <CitedFigure label="Impedance" figure={headphone.nominalImpedanceOhms} text={formatOhms(headphone.nominalImpedanceOhms.value)} />
      <CitedFigure label="Sensitivity" figure={headphone.sensitivity} text={`${formatFixed(value, 1)} ${unit}`} />
      <CitedFigure label="Impedance curve" figure={headphone.impedance.targets} text="modelled to match" />
      {headphone.ratedMaximumInput ? (
        <CitedFigure
          label="Rated maximum input"
          figure={headphone.ratedMaximumInput}
          text={headphone.ratedMaximumInput.value.kind === 'power' ? formatWatts(headphone.ratedMaximumInput.value.watts) : `${formatVolts(headphone.ratedMaximumInput.value.voltsRms)} rms`}
        />
      ) : (
        <li>Rated maximum input: not published</li>
      )}
    </ul>
  );
}

function SourceFigures({ source, outputId }: { source: CatalogueSource; outputId: string }) {
  const output = outputById(source, outputId);
  return (
    <ul class="matcher-figures">
      <CitedFigure label="Output impedance" figure={output.outputImpedanceOhms} text={formatOhms(output.outputImpedanceOhms.value)} />
      {output.ratings.map((rating) => (
        <CitedFigure
          label={`Rating into ${formatOhms(rating.value.loadOhms)}`}
          figure={rating}
          text={rating.value.voltsRms !== undefined ? `${formatVolts(rating.value.voltsRms)} rms` : formatWatts(rating.value.watts ?? 0)}
        />
      ))}
      {output.noise ? (
        <CitedFigure label="Noise" figure={output.noise} text={`${formatVolts(output.noise.value.voltsRms)} (${output.noise.value.weighting === 'A' ? 'A-weighted' : 'unweighted'})`} />
      ) : (
        <li>Noise: not published</li>
      )}
      <CitedFigure label="Input full scale" figure={source.inputFullScaleVoltsRms} text={`${formatVolts(source.inputFullScaleVoltsRms.value)} rms`} />
    </ul>
  );
}

/** Both models and what they give at the reader's level: only ever built from values the reader can see. */
interface Evaluated {
  headphone: HeadphoneLoad;
  output: SourceOutputModel;
  result: MatchResult;
}

const sourceText = (state: MatcherState, key: CustomField['key']): string =>
  key === 'impedanceOhms' || key === 'sensitivityDb' || key === 'ratedMilliwatts' ? state.customHeadphone[key] : state.customSource[key];
/** The note after each custom headphone field's range. */
const HEADPHONE_FIELD_NOTES: Partial<Record<CustomField['key'], string>> = {
  impedanceOhms: '; modelled as a flat resistance.',
  ratedMilliwatts: "; leave blank if the maker doesn't publish one.",
};

/** In place of the verdict while a custom field is invalid: which fields to fix, each a link that moves focus to it. */
function MissingEntries({ id, fields }: { id: (name: string) => string; fields: readonly CustomField[] }) {
  const { headline, fields: names } = missingVerdict(fields);
  const focus = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const input = document.getElementById(fieldId);
    if (!input) return;
    event.preventDefault();
    input.focus();
  };
  return (
    <div class="matcher-verdict" data-severity="missing" data-readout="verdict-missing">
      <p>{headline}</p>
      <ul>
        {fields.map((f, index) => (
          <li>
            <a href={`#${id(f.id)}`} onClick={(event) => focus(event, id(f.id))}>
              {names[index]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const ear = (splDb: number) => `${formatFixed(splDb, 1)} dB SPL`;

/** The verdict for a pair with valid models: a headline from the worst finding, then each finding. */
function MatcherVerdict({ evaluated, levelDbSpl }: { evaluated: Evaluated; levelDbSpl: number }) {
  const verdict = verdictFor(evaluated.result, evaluated.output, levelDbSpl);
  return (
    <div class="matcher-verdict" data-severity={verdict.severity} data-readout="verdict">
      <p>{verdict.headline}</p>
      <ul>
        {verdict.findings.map((f) => (
          <li data-finding={f.topic} data-severity={f.severity}>{f.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The readouts for a pair with valid models. */
function MatcherReadouts({ evaluated, headphoneEntry }: { evaluated: Evaluated; headphoneEntry: CatalogueHeadphone | null }) {
  const { result, output } = evaluated;
  const deviation = result.response;
  const rating = headphoneEntry?.ratedMaximumInput;
  const ratingSourceLink = rating ? (
    <>
      {rating.estimate ? ' (estimate)' : ''} (<a href={withBase(`/sources/#source-${rating.sourceId}`)}>source</a>)
    </>
  ) : null;
  return (
    <dl class="readouts">
      <div>
        <dt>Your level needs</dt>
        <dd data-readout="need">
          {formatVolts(result.listening.voltsRms)} rms, {formatWatts(result.listening.powerWatts)}, {formatAmps(result.listening.currentAmpsRms)}
        </dd>
      </div>
      <div>
        <dt>Loudest clean level</dt>
        <dd data-readout="loudest">
          {ear(result.loudest.splDb)} ({formatVolts(result.loudest.voltsRms)} rms, {formatWatts(result.loudest.powerWatts)}),{' '}
          {result.loudest.limitedBy === 'headphone-rating' ? (
            <span data-readout="loudest-limit">
              limited by the headphone's rated maximum input of {formatWatts(result.loudest.powerWatts)}
              {ratingSourceLink} (the source could give {ear(result.clean.splDb)}, set by {LIMIT_WORDS[result.clean.limitedBy]})
            </span>
          ) : (
            <>
              set by {LIMIT_WORDS[result.clean.limitedBy]};{' '}
              <span data-readout="loudest-limit">
                {result.loudest.headphoneRating ? (
                  <>
                    within the headphone's rated maximum input of {formatWatts(result.loudest.headphoneRating.powerWatts)}
                    {ratingSourceLink} ({ear(result.loudest.headphoneRating.splDb)})
                  </>
                ) : headphoneEntry ? (
                  "the headphone's own limit isn't published"
                ) : (
                  "your headphone's own limit isn't entered here"
                )}
              </span>
            </>
          )}
          {result.loudest.farAboveSafeListening && (
            <span class="warn" data-readout="loudest-caveat">
              {' '}
              This is far above safe listening: at {formatFixed(result.loudest.splDb, 0)} dB SPL the NIOSH daily limit is used up in{' '}
              {formatShortDuration(result.loudest.allowedHours)}. It is what the hardware can do, not a level to listen at; see{' '}
              <a href={withBase('/lessons/hearing-safety/')}>Hearing safety</a>.
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Voltage limit alone · current limit alone</dt>
        <dd data-readout="limits">
          {ear(result.clean.voltageLimitSplDb)} · {result.clean.currentLimitSplDb === null ? 'not published' : ear(result.clean.currentLimitSplDb)}
        </dd>
      </div>
      <div>
        <dt>Headroom for the music's peaks</dt>
        <dd data-readout="headroom" class={result.headroomDb >= 0 ? 'ok' : 'warn'}>
          {formatDb(result.headroomDb)}
        </dd>
      </div>
      <div>
        <dt>Hiss at your ear</dt>
        <dd data-readout="hiss">
          {result.noise
            ? `${ear(result.noise.splDb)} (${formatVolts(result.noise.voltsRms)}, ${output.noiseWeighting === 'A' ? 'A-weighted' : 'unweighted'})`
            : 'not published for this source'}
        </dd>
      </div>
      <div>
        <dt>Volume setting (0 dB = full)</dt>
        <dd data-readout="volume">{formatDb(result.volume.settingDb)}</dd>
      </div>
      <div>
        <dt>Response change from output impedance</dt>
        <dd data-readout="response">{deviation ? `${formatDb(deviation.deviationDb)} at ${formatHz(deviation.atHz)}` : 'unknown'}</dd>
      </div>
      <div>
        <dt>Safe time per day (NIOSH)</dt>
        <dd data-readout="exposure">{formatDuration(result.exposure.allowedHours)}</dd>
      </div>
    </dl>
  );
}

/** The level figure and the response plot for a pair with valid models. */
function MatcherFigures(props: { id: (name: string) => string; firstFigure: number; evaluated: Evaluated; state: MatcherState; headphoneName: string; sourceName: string }) {
  const { id, firstFigure, evaluated, state, headphoneName, sourceName } = props;
  const { headphone, output, result } = evaluated;
  const responsePoints = useMemo(() => {
    if (!headphone.impedance) return [];
    const relativeDb = relativeResponseDb(headphone.impedance, output.outputImpedanceOhms, CURVE_FREQUENCIES_HZ);
    return CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: relativeDb[i] ?? 0 }));
  }, [headphone.impedance, output.outputImpedanceOhms]);
  const deviation = result.response;
  const responseSummary = deviation
    ? `${headphoneName} on ${sourceName} (${formatOhms(output.outputImpedanceOhms)}): the response changes by at most ${formatDb(deviation.deviationDb)} at ${formatHz(deviation.atHz)}, relative to 1 kHz.`
    : 'No impedance curve for this headphone.';
  return (
      <div class="widget-plots">
        <MatcherLevels id={id('fig-levels')} title={`Figure ${firstFigure}. Levels at your ear.`} result={result} levelDbSpl={state.levelDbSpl} crestFactorDb={state.crestFactorDb} />
        <FrequencyResponsePlot
          id={id('fig-response')}
          title={`Figure ${firstFigure + 1}. Response change caused by the source's output impedance.`}
          summary={responseSummary}
          series={[{ id: 'b', label: `${sourceName} into ${headphoneName}`, points: responsePoints, color: 'b' }]}
        />
      </div>
  );
}

export default function MatcherWidget(props: MatcherWidgetProps) {
  const { idPrefix, syncUrl = false, firstFigure = 1 } = props;
  const id = (name: string) => `${idPrefix}-${name}`;
  const [state, setState] = useState<MatcherState>(() => initialState(props));
  const restored = useRef(!syncUrl);

  useEffect(() => {
    if (!syncUrl) return;
    setState((current) => stateFromQuery(window.location.search, CATALOGUE_IDS, current));
    restored.current = true;
  }, [syncUrl]);

  useEffect(() => {
    if (!syncUrl || !restored.current) return undefined;
    const query = queryFromState(state);
    // Once the reader pauses: the address needn't follow every step of a drag, and each replaceState costs milliseconds.
    const timer = setTimeout(() => {
      if (window.location.search !== `?${query}`) window.history.replaceState(null, '', `?${query}`);
    }, URL_SYNC_DELAY_MS);
    return () => clearTimeout(timer);
  }, [syncUrl, state]);

  const update = (patch: Partial<MatcherState>) => setState((current) => ({ ...current, ...patch }));
  const chooseSource = (sourceId: string) =>
    setState((current) => ({ ...current, sourceId, ...resolveOutputAndGain(CATALOGUE_IDS, sourceId, current.outputId, '') }));
  const chooseOutput = (outputId: string) =>
    setState((current) => ({ ...current, ...resolveOutputAndGain(CATALOGUE_IDS, current.sourceId, outputId, current.gainId) }));

  const { headphone, output, headphoneEntry, sourceEntry, problems } = matcherModels(state, HEADPHONES, SOURCES);
  const headphoneName = headphoneEntry ? `${headphoneEntry.maker} ${headphoneEntry.model}` : 'your headphone';
  const sourceName = sourceEntry ? `${sourceEntry.maker} ${sourceEntry.model}` : 'your source';
  const sourceOutput = sourceEntry ? outputById(sourceEntry, state.outputId) : null;
  const field = (custom: CustomField, unit: string, text: string, onChange: (text: string) => void, note = '') => (
    <NumberField
      id={id(custom.id)}
      label={custom.label}
      unit={unit}
      value={text}
      problem={problems[custom.key] ?? null}
      onChange={onChange}
      hint={`${rangeText(custom, unit)}${note}`}
    />
  );
  // The sensitivity's unit sits right after it, so the optional rating is drawn on its own after that.
  const headphoneField = (custom: CustomField) =>
    field(
      custom,
      custom.key === 'sensitivityDb' ? state.customHeadphone.unit : CUSTOM_RANGES[custom.key].unit,
      sourceText(state, custom.key),
      (text) => update({ customHeadphone: { ...state.customHeadphone, [custom.key]: text } }),
      HEADPHONE_FIELD_NOTES[custom.key] ?? '',
    );
  const target = { averageLevelDbSpl: state.levelDbSpl, crestFactorDb: state.crestFactorDb };
  const evaluated: Evaluated | null = headphone && output ? { headphone, output, result: evaluateMatch(headphone, output, target) } : null;
  const toFix = fieldsToFix(problems);

  return (
    <div class="widget matcher-widget" data-widget="matcher">
      <div class="widget-top">
        <div class="widget-controls">
          <fieldset>
            <legend>Headphones</legend>
            <Select id={id('headphone')} label="Headphone" value={state.headphoneId} options={headphoneOptions} onChange={(headphoneId) => update({ headphoneId })} />
            {headphoneEntry ? (
              <HeadphoneFigures headphone={headphoneEntry} />
            ) : (
              <>
                {HEADPHONE_FIELDS.filter((custom) => custom.key !== 'ratedMilliwatts').map(headphoneField)}
                <Select
                  id={id('hp-unit')}
                  label="Sensitivity unit"
                  value={state.customHeadphone.unit}
                  options={[
                    { value: 'dB/mW', label: 'dB SPL per milliwatt (dB/mW)' },
                    { value: 'dB/V', label: 'dB SPL per volt (dB/V)' },
                  ]}
                  onChange={(unit) => update({ customHeadphone: { ...state.customHeadphone, unit } })}
                />
                {HEADPHONE_FIELDS.filter((custom) => custom.key === 'ratedMilliwatts').map(headphoneField)}
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>Source</legend>
            <Select id={id('source')} label="Source" value={state.sourceId} options={sourceOptions} onChange={chooseSource} />
            {sourceEntry && sourceOutput ? (
              <>
                {sourceEntry.outputs.length > 1 && (
                  <Select
                    id={id('output')}
                    label="Output"
                    value={state.outputId}
                    options={sourceEntry.outputs.map((o) => ({ value: o.id, label: o.label }))}
                    onChange={chooseOutput}
                  />
                )}
                {sourceOutput.gains.length > 1 && (
                  <Select
                    id={id('gain')}
                    label="Gain setting"
                    value={state.gainId}
                    options={sourceOutput.gains.map((g) => ({ value: g.id, label: g.label }))}
                    onChange={(gainId) => update({ gainId })}
                  />
                )}
                <SourceFigures source={sourceEntry} outputId={state.outputId} />
              </>
            ) : (
              <>
                {SOURCE_FIELDS.map((custom) =>
                  field(custom, SOURCE_FIELD_UNITS[custom.key] ?? '', sourceText(state, custom.key), (text) =>
                    update({ customSource: { ...state.customSource, [custom.key]: text } }),
                  ),
                )}
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>Listening</legend>
            <Slider
              id={id('level')}
              label="Average listening level"
              value={state.levelDbSpl}
              min={LISTENING_LEVEL_RANGE_DB_SPL.min}
              max={LISTENING_LEVEL_RANGE_DB_SPL.max}
              step={LISTENING_LEVEL_RANGE_DB_SPL.step}
              format={(db) => `${formatFixed(db, 0)} dB SPL`}
              onChange={(levelDbSpl) => update({ levelDbSpl })}
            />
            <Slider
              id={id('crest')}
              label="Crest factor of the music"
              value={state.crestFactorDb}
              min={CREST_FACTOR_RANGE_DB.min}
              max={CREST_FACTOR_RANGE_DB.max}
              step={CREST_FACTOR_RANGE_DB.step}
              format={(db) => `${formatFixed(db, 0)} dB`}
              onChange={(crestFactorDb) => update({ crestFactorDb })}
              presets={CREST_FACTOR_PRESETS}
              hint="How far the music's peaks rise above its average. 12–20 dB is typical."
            />
          </fieldset>
        </div>
        <div>
          <div aria-live="polite">
            {evaluated ? <MatcherVerdict evaluated={evaluated} levelDbSpl={state.levelDbSpl} /> : <MissingEntries id={id} fields={toFix} />}
          </div>
          {evaluated && <MatcherReadouts evaluated={evaluated} headphoneEntry={headphoneEntry} />}
        </div>
      </div>
      {evaluated ? (
        <>
          <MatcherFigures
            id={id}
            firstFigure={firstFigure}
            evaluated={evaluated}
            state={state}
            headphoneName={headphoneName}
            sourceName={sourceName}
          />
          <MatcherWorking
            idPrefix={idPrefix}
            result={evaluated.result}
            headphone={evaluated.headphone}
            output={evaluated.output}
            levelDbSpl={state.levelDbSpl}
            crestFactorDb={state.crestFactorDb}
          />
          <ListeningPanel
            idPrefix={idPrefix}
            labelA="Ideal source"
            labelB={sourceName}
            settingsKey={queryFromState(state)}
            makeChains={(sampleRateHz: number) => matcherChains(evaluated.result, evaluated.headphone.impedance, evaluated.output.outputImpedanceOhms, sampleRateHz)}
            matchLoudness={false}
            downloadStem={`amp-lab-match-${state.headphoneId}-${state.sourceId}-${state.levelDbSpl}dB`}
            levelNote={`Both play the music at the same level. A is an ideal source; B is ${sourceName} into ${headphoneName}: its clipping, its tonal change and its hiss, the hiss at its true level relative to music at ${formatFixed(state.levelDbSpl, 0)} dB SPL. Your volume control scales both, so keep it at a safe level.`}
          />
        </>
      ) : (
        <p class="matcher-waiting" data-readout="waiting">
          The figures, the working and the listening test appear once every field above has a valid value.
        </p>
      )}
      {syncUrl && <p class="matcher-share">The address bar now holds these settings: copy it to share or bookmark them.</p>}
    </div>
  );
}
