// The matcher's formulas as TeX with the reader's numbers in them, for "Show the working". Loaded with KaTeX only
// when the reader opens the panel.
import type { HeadphoneLoad, MatchResult, SourceOutputModel } from '../../../dsp/matching/match';
import { NIOSH_EXCHANGE_RATE_DB, NIOSH_REFERENCE_HOURS, NIOSH_REFERENCE_LEVEL_DBA } from '../../../dsp/matching/exposure';

export interface WorkingInput {
  result: MatchResult;
  headphone: HeadphoneLoad;
  output: SourceOutputModel;
  levelDbSpl: number;
  crestFactorDb: number;
}

/** A number for TeX: fixed decimals, ASCII minus (TeX typesets it as a minus sign). */
const n = (value: number, decimals = 1): string => (Number.isFinite(value) ? value.toFixed(decimals) : '\\infty');

/** A voltage for TeX with a fitting prefix: "7.26\,\text{V}", "70.8\,\text{mV}", "2.75\,\mu\text{V}". */
function volts(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1) return `${n(value, 2)}\\,\\text{V}`;
  if (magnitude >= 1e-3) return `${n(value * 1e3, 1)}\\,\\text{mV}`;
  return `${n(value * 1e6, 2)}\\,\\mu\\text{V}`;
}

function watts(value: number): string {
  if (value >= 1) return `${n(value, 2)}\\,\\text{W}`;
  if (value >= 1e-3) return `${n(value * 1e3, 1)}\\,\\text{mW}`;
  return `${n(value * 1e6, 1)}\\,\\mu\\text{W}`;
}

function amps(value: number): string {
  if (value >= 1) return `${n(value, 2)}\\,\\text{A}`;
  if (value >= 1e-3) return `${n(value * 1e3, 1)}\\,\\text{mA}`;
  return `${n(value * 1e6, 1)}\\,\\mu\\text{A}`;
}

/** The formulas, each as [what it is, TeX with the reader's numbers]. */
export function workingFormulas(props: WorkingInput): [string, string][] {
  const { result: r, headphone, output, levelDbSpl: L, crestFactorDb: crest } = props;
  const s = headphone.sensitivityDbPerVolt;
  const z = headphone.nominalImpedanceOhms;
  const limits = [r.clean.voltageLimitVoltsRms, r.clean.currentLimitVoltsRms, r.clean.fullVolumeVoltsRms]
    .map((v) => (v === null ? '\\text{—}' : n(v, 2)))
    .join(',\\ ');
  return [
    ['Voltage for your level, from the sensitivity in dB/V', `V = 10^{(L - S_V)/20} = 10^{(${n(L, 0)} - ${n(s)})/20} = ${volts(r.listening.voltsRms)}`],
    ['Power and current into the nominal impedance', `P = \\frac{V^2}{Z} = ${watts(r.listening.powerWatts)}, \\quad I = \\frac{V}{Z} = \\frac{${volts(r.listening.voltsRms)}}{${n(z, 1)}\\,\\Omega} = ${amps(r.listening.currentAmpsRms)}`],
    ['Peak voltage the music needs', `V_\\text{peak} = V \\cdot 10^{C/20} = ${volts(r.listening.voltsRms)} \\cdot 10^{${n(crest, 0)}/20} = ${volts(r.listening.peakVolts)}`],
    ['Largest clean voltage: the least of the voltage limit, the current limit and full volume', `V_\\text{max} = \\min(V_\\text{swing},\\ I_\\text{max} Z,\\ V_\\text{full}) = \\min(${limits})\\,\\text{V} = ${volts(r.clean.voltsRms)}`],
    ['Loudest clean level (a sine)', `\\text{SPL}_\\text{max} = S_V + 20\\log_{10} V_\\text{max} = ${n(s)} + 20\\log_{10}(${n(r.clean.voltsRms, 3)}) = ${n(r.clean.splDb)}\\,\\text{dB}`],
    ['Headroom: a sine peaks 3.01 dB above its rms, music C dB', `H = \\text{SPL}_\\text{max} + 3.01 - C - L = ${n(r.clean.splDb)} + 3.01 - ${n(crest, 0)} - ${n(L, 0)} = ${n(r.headroomDb)}\\,\\text{dB}`],
    ...(r.noise
      ? ([['Hiss at the ear', `\\text{SPL}_\\text{noise} = S_V + 20\\log_{10} V_\\text{noise} = ${n(s)} + 20\\log_{10}(${n(r.noise.voltsRms * 1e6, 2)} \\times 10^{-6}) = ${n(r.noise.splDb)}\\,\\text{dB}`]] as [string, string][])
      : []),
    ['Volume setting for a track peaking at full scale', `20\\log_{10}\\frac{V_\\text{peak}}{\\sqrt{2}\\,V_\\text{full}} = 20\\log_{10}\\frac{${volts(r.listening.peakVolts)}}{\\sqrt{2} \\cdot ${volts(r.clean.fullVolumeVoltsRms)}} = ${n(r.volume.settingDb)}\\,\\text{dB}`],
    ['Damping factor: lowest impedance over output impedance', output.outputImpedanceOhms === 0 ? 'Z_\\text{out} = 0: \\text{unbounded}' : `\\text{DF} = \\frac{Z_\\text{min}}{Z_\\text{out}} = \\frac{${n(r.load.minimumOhms)}\\,\\Omega}{${n(output.outputImpedanceOhms, 2)}\\,\\Omega} = ${n(r.dampingFactor ?? 0)}`],
    ['Safe time per day (NIOSH)', `T = \\frac{${NIOSH_REFERENCE_HOURS}\\,\\text{h}}{2^{(L - ${NIOSH_REFERENCE_LEVEL_DBA})/${NIOSH_EXCHANGE_RATE_DB}}} = \\frac{${NIOSH_REFERENCE_HOURS}\\,\\text{h}}{2^{(${n(L, 0)} - ${NIOSH_REFERENCE_LEVEL_DBA})/${NIOSH_EXCHANGE_RATE_DB}}} = ${n(r.exposure.allowedHours, 2)}\\,\\text{h}`],
  ];
}
