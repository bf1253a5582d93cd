// Widget for the lesson "Output impedance and your headphones": a source with output impedance Zout drives
// a headphone's electrical model. One model (src/dsp) feeds the schematic, both plots, the readouts and the sound.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { ImpedancePlot } from '../../plots/ImpedancePlot';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { formatDb, formatFixed, formatHz, formatOhms } from '../../format';
import { Schematic } from '../../schematics/Schematic';
import { sourceIntoHeadphoneCircuit } from '../../schematics/circuits/sourceIntoHeadphone';
import { HEADPHONE_MODELS, headphoneById, motionalElements } from '../../../dsp/headphones';
import { evaluateAtHz, magnitudeOhmsAtHz, type Rational } from '../../../dsp/impedance';
import { abs } from '../../../dsp/complex';
import {
  dampingFactor,
  dividerResponse,
  eighthRuleMaxOutputImpedanceOhms,
  largestDeviation,
  logFrequencies,
  minimumImpedance,
  relativeResponseDb,
  maximumImpedance,
  REFERENCE_FREQUENCY_HZ,
  responseDbAtHz,
} from '../../../dsp/sourceLoad';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import { SpiceCheckPanel } from '../../spice/SpiceCheckPanel';
import { useSpiceCheck } from '../../spice/useSpiceCheck';
import type { SourceLoadCheckResult } from '../../../spice/sourceLoadCheck';
import '../../../styles/widgets.css';

export const OUTPUT_IMPEDANCE_RANGE_OHMS = { min: 0, max: 150, step: 0.5 } as const;
export const OUTPUT_IMPEDANCE_DEFAULT_OHMS = 33;
const PRESETS = [
  { label: 'O2-class 0.5 Ω', value: 0.5 },
  { label: 'Phone adapter ≈ 1 Ω', value: 1 },
  { label: 'Tube OTL ≈ 100 Ω (estimated)', value: 100 },
  { label: 'IEC 61938 120 Ω', value: 120 },
] as const;
const PROBE_FREQUENCY_RANGE = { min: Math.log10(20), max: Math.log10(20000) };
const SOURCE_VOLTS_RMS = 1;
const CURVE_FREQUENCIES_HZ = logFrequencies(20, 20000, 241);

const headphoneOptions = HEADPHONE_MODELS.map((m) => ({ value: m.id, label: m.name }));
/** The slider's own value, to its 0.5 Ω step: "0 Ω", "0.5 Ω", "33 Ω", "33.5 Ω". */
const formatOutputImpedance = (ohms: number) => `${Number.isInteger(ohms) ? ohms.toFixed(0) : ohms.toFixed(1)} Ω`;

/** The slider reaches the headphone's own nominal impedance, so "matched" is always one of its settings. */
const maxOutputImpedanceFor = (nominalImpedanceOhms: number) => Math.max(OUTPUT_IMPEDANCE_RANGE_OHMS.max, nominalImpedanceOhms);

/**
 * The "impedance matching" myth's setting: Zout equal to the headphone's nominal impedance. Into that nominal load the
 * divider passes Z/(Z + Z) = ½, −6.02 dB, and the response follows the impedance curve (REFERENCES §1).
 */
const matchedPreset = (nominalImpedanceOhms: number) => ({ label: `Matched: ${formatOutputImpedance(nominalImpedanceOhms)}, the headphone’s nominal`, value: nominalImpedanceOhms });

/** 20·log10(Z/(Z + Zout)) into the nominal impedance Z taken as a resistance: the level the divider throws away. */
const nominalLossDb = (nominalImpedanceOhms: number, outputImpedanceOhms: number) =>
  20 * Math.log10(nominalImpedanceOhms / (nominalImpedanceOhms + outputImpedanceOhms));

/** A y range that holds every curve the slider can reach for this headphone, so the axis stays put while dragging. */
function steadyResponseDomainDb(load: Rational, maxOutputImpedanceOhms: number): [number, number] {
  const widestDb = relativeResponseDb(load, maxOutputImpedanceOhms, CURVE_FREQUENCIES_HZ);
  const low = Math.min(-1, ...widestDb);
  const high = Math.max(1, ...widestDb);
  return [Math.floor(low), Math.ceil(high)];
}

function modelSummary(headphoneId: string) {
  const model = headphoneById(headphoneId);
  const impedanceOhms = CURVE_FREQUENCIES_HZ.map((f) => magnitudeOhmsAtHz(model.impedance, f));
  return {
    model,
    impedancePoints: CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: impedanceOhms[i] ?? 0 })),
    minimum: minimumImpedance(model.impedance),
    maximum: maximumImpedance(model.impedance),
    maxOutputImpedanceOhms: maxOutputImpedanceFor(model.nominalImpedanceOhms),
    responseDomainDb: steadyResponseDomainDb(model.impedance, maxOutputImpedanceFor(model.nominalImpedanceOhms)),
  };
}

export default function OutputImpedanceWidget() {
  const [headphoneId, setHeadphoneId] = useState<string>(HEADPHONE_MODELS[0]?.id ?? '');
  const [requestedOutputImpedanceOhms, setOutputImpedanceOhms] = useState<number>(OUTPUT_IMPEDANCE_DEFAULT_OHMS);
  const [probeLogHz, setProbeLogHz] = useState<number>(Math.log10(100));
  const probeHz = Math.round(10 ** probeLogHz);

  const headphone = useMemo(() => modelSummary(headphoneId), [headphoneId]);
  const { model } = headphone;
  // A setting past this headphone's slider range (kept from a higher-impedance headphone) is held at its top.
  const outputImpedanceOhms = Math.min(requestedOutputImpedanceOhms, headphone.maxOutputImpedanceOhms);
  const lossDb = nominalLossDb(model.nominalImpedanceOhms, outputImpedanceOhms);
  const atResonanceDb =
    model.driver === null
      ? null
      : responseDbAtHz(model.impedance, outputImpedanceOhms, model.driver.resonanceHz) -
        responseDbAtHz(model.impedance, outputImpedanceOhms, REFERENCE_FREQUENCY_HZ);

  const response = useMemo(() => {
    const relativeDb = relativeResponseDb(model.impedance, outputImpedanceOhms, CURVE_FREQUENCIES_HZ);
    return {
      points: CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: relativeDb[i] ?? 0 })),
      deviation: largestDeviation(model.impedance, outputImpedanceOhms),
    };
  }, [model, outputImpedanceOhms]);

  const damping = dampingFactor(model.nominalImpedanceOhms, outputImpedanceOhms);
  const eighthRuleOhms = eighthRuleMaxOutputImpedanceOhms(headphone.minimum.ohms);
  const meetsEighthRule = outputImpedanceOhms <= eighthRuleOhms;

  const probe = useMemo(() => {
    const loadOhms = magnitudeOhmsAtHz(model.impedance, probeHz);
    const gain = abs(evaluateAtHz(dividerResponse(model.impedance, outputImpedanceOhms), probeHz));
    const loadVoltsRms = SOURCE_VOLTS_RMS * gain;
    return { loadOhms, loadVoltsRms };
  }, [model, outputImpedanceOhms, probeHz]);

  const circuit = useMemo(() => {
    const driver = model.driver;
    return sourceIntoHeadphoneCircuit({
      outputImpedanceOhms,
      headphoneName: model.name,
      driver: driver
        ? {
            dcResistanceOhms: driver.dcResistanceOhms,
            voiceCoilInductanceHenries: driver.voiceCoilInductanceHenries,
            motionalResistanceOhms: driver.motionalResistanceOhms,
            motionalInductanceHenries: motionalElements(driver).inductanceHenries,
            motionalCapacitanceFarads: motionalElements(driver).capacitanceFarads,
          }
        : null,
      loadMagnitudeOhms: probe.loadOhms,
      atFrequencyHz: probeHz,
      sourceVoltsRms: SOURCE_VOLTS_RMS,
      loadVoltsRms: probe.loadVoltsRms,
    });
  }, [model, outputImpedanceOhms, probe, probeHz]);

  const deviationText = `${formatDb(response.deviation.deviationDb)} at ${formatHz(response.deviation.atHz)}`;
  const impedanceSummary = `${model.name}: impedance from ${formatOhms(headphone.minimum.ohms)} at ${formatHz(headphone.minimum.atHz)} to ${formatOhms(headphone.maximum.ohms)} at ${formatHz(headphone.maximum.atHz)}.`;
  const responseSummary =
    outputImpedanceOhms === 0
      ? `With a 0 Ω source the response is flat: the headphone's impedance curve has no effect.`
      : `With a ${formatOutputImpedance(outputImpedanceOhms)} source the ${model.name} response changes by up to ${deviationText}, relative to 1 kHz.`;

  const spice = useSpiceCheck<SourceLoadCheckResult>(`${headphoneId}|${outputImpedanceOhms}`);
  const spiceResult = spice.current?.result ?? null;
  const checkWithSpice = () =>
    spice.start((onProgress) =>
      import('./spiceCheck').then(({ checkSourceLoadWithSpice }) => checkSourceLoadWithSpice(headphoneId, outputImpedanceOhms, onProgress)),
    );
  const spiceLabel = 'SPICE (ngspice), dashed';
  const spiceImpedance = spiceResult?.frequenciesHz.map((x, i) => ({ x, y: spiceResult.impedanceOhms[i] ?? Number.NaN })) ?? null;
  const spiceResponse = spiceResult?.frequenciesHz.map((x, i) => ({ x, y: spiceResult.relativeResponseDb[i] ?? Number.NaN })) ?? null;
  const worstDbText = spiceResult ? (spiceResult.worstResponseDifferenceDb < 0.001 ? 'less than 0.001 dB' : `at most ${formatDb(spiceResult.worstResponseDifferenceDb, 3)}`) : '';
  const worstImpedancePercent = 100 * (spiceResult?.worstImpedanceDifference ?? 0);
  const worstImpedanceText = worstImpedancePercent < 0.001 ? 'less than 0.001 %' : `at most ${formatFixed(worstImpedancePercent, 3)} %`;

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => {
    const { sourceLoadChain } = await import('../../../dsp/sourceLoadFilter');
    return {
      a: sourceLoadChain(model.impedance, 0, sampleRateHz),
      b: sourceLoadChain(model.impedance, outputImpedanceOhms, sampleRateHz),
    };
  };

  return (
    <div class="widget output-impedance-widget" data-widget="output-impedance">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id="oi-headphone" label="Headphone" value={headphoneId} options={headphoneOptions} onChange={setHeadphoneId} />
          <p class="control-hint model-note">
            {model.description} <em>{model.provenance}</em>
          </p>
          <Slider
            id="oi-zout"
            label="Output impedance"
            value={outputImpedanceOhms}
            min={OUTPUT_IMPEDANCE_RANGE_OHMS.min}
            max={headphone.maxOutputImpedanceOhms}
            step={OUTPUT_IMPEDANCE_RANGE_OHMS.step}
            format={formatOutputImpedance}
            onChange={setOutputImpedanceOhms}
            presets={[...PRESETS, matchedPreset(model.nominalImpedanceOhms)]}
          />
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>Largest change (re 1 kHz)</dt>
              <dd data-readout="deviation">{outputImpedanceOhms === 0 ? 'none (flat)' : deviationText}</dd>
            </div>
            <div>
              <dt>Level lost into the nominal {formatOhms(model.nominalImpedanceOhms)}</dt>
              <dd data-readout="nominal-loss">
                {formatDb(lossDb, 2)}: {formatOhms(model.nominalImpedanceOhms)} ÷ ({formatOhms(model.nominalImpedanceOhms)} + {formatOutputImpedance(outputImpedanceOhms)})
                {outputImpedanceOhms === model.nominalImpedanceOhms ? ', half the voltage: “matching” throws it away' : ''}
              </dd>
            </div>
            {atResonanceDb !== null && model.driver !== null && (
              <div>
                <dt>At the resonance, {formatHz(model.driver.resonanceHz)} (re 1 kHz)</dt>
                <dd data-readout="at-resonance">{formatDb(atResonanceDb, 2)}</dd>
              </div>
            )}
            <div>
              <dt>Damping factor</dt>
              <dd data-readout="damping">
                {damping === null
                  ? 'unbounded (0 Ω source)'
                  : `${damping >= 100 ? damping.toFixed(0) : damping.toFixed(1)} (${formatOhms(model.nominalImpedanceOhms)} ÷ ${formatOutputImpedance(outputImpedanceOhms)})`}
              </dd>
            </div>
            <div>
              <dt>1/8 rule</dt>
              <dd data-readout="eighth-rule" class={meetsEighthRule ? 'ok' : 'warn'}>
                {meetsEighthRule ? 'Met' : 'Not met'}: lowest impedance {formatOhms(headphone.minimum.ohms)} wants a source of at most {formatOhms(eighthRuleOhms)}.
              </dd>
            </div>
          </dl>
        </div>
        <div class="widget-schematic">
          <Schematic circuit={circuit} />
          <Slider
            id="oi-probe"
            label="Circuit values at"
            value={probeLogHz}
            min={PROBE_FREQUENCY_RANGE.min}
            max={PROBE_FREQUENCY_RANGE.max}
            step={0.01}
            format={() => formatHz(probeHz)}
            onChange={setProbeLogHz}
            hint="The frequency at which the diagram shows |Z| and the voltage at the headphone (1 V from the source)."
          />
        </div>
      </div>
      <div class="widget-plots">
        <ImpedancePlot
          id="oi-fig-impedance"
          title="Figure 1. The headphone's impedance"
          summary={`${impedanceSummary}${spiceResult ? " Dashed: ngspice's AC analysis of the same parts." : ''}`}
          series={[
            { id: 'z', label: spiceImpedance ? '|Z|, model' : '|Z|', points: headphone.impedancePoints, color: 'a' },
            ...(spiceImpedance ? [{ id: 'spice', label: `|Z|, ${spiceLabel}`, points: spiceImpedance, color: 'c' as const, dashed: true }] : []),
          ]}
          yFromZero
        />
        <FrequencyResponsePlot
          id="oi-fig-response"
          title="Figure 2. Response change caused by the output impedance"
          summary={`${responseSummary}${spiceResult ? ` Dashed: ngspice's AC sweep, ${worstDbText} from the model.` : ''}`}
          series={[
            { id: 'b', label: `B: ${formatOutputImpedance(outputImpedanceOhms)} source${spiceResponse ? ', model' : ''}`, points: response.points, color: 'b' },
            ...(spiceResponse ? [{ id: 'spice', label: `B: ${formatOutputImpedance(outputImpedanceOhms)} source, ${spiceLabel}`, points: spiceResponse, color: 'c' as const, dashed: true }] : []),
          ]}
          yDomain={headphone.responseDomainDb}
        />
      </div>
      <SpiceCheckPanel idPrefix="oi" state={spice.state} stale={spice.stale} onCheck={checkWithSpice}>
        {spiceResult && (
          <>
            <p data-spice="difference" data-worst-db={spiceResult.worstResponseDifferenceDb}>
              The response at the driver: SPICE and the model differ by {worstDbText} from 20 Hz to 20 kHz.
            </p>
            <p data-spice="impedance" data-worst-fraction={spiceResult.worstImpedanceDifference}>
              The impedance the source sees: they differ by {worstImpedanceText}.
            </p>
            <p data-spice="note">
              ngspice solves the same parts (the source's resistance and the headphone's resistors, coils and capacitors) as a circuit, by its own AC analysis; the model multiplies out their impedances as polynomials. Agreement checks that algebra, not the headphone model itself.
            </p>
          </>
        )}
      </SpiceCheckPanel>
      <ListeningPanel
        idPrefix="oi"
        labelA="0 Ω source (reference)"
        labelB={`${formatOutputImpedance(outputImpedanceOhms)} source`}
        settingsKey={`${headphoneId}|${outputImpedanceOhms}`}
        makeChains={makeChains}
        downloadStem={`amp-lab-${headphoneId}-${String(outputImpedanceOhms).replace('.', 'p')}ohm`}
        matchLoudness
        levelNote="A is a 0 Ω source; B has the output impedance you chose. B is loudness-matched to A (ITU-R BS.1770 integrated loudness, measured on the program you play), so you hear the change in tonality, not the overall drop in level."
      />
    </div>
  );
}
