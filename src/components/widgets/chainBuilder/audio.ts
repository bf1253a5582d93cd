// The chain builder's sound. B is the program with this setup's problem, in the program's units (a full-scale
// sample = the setup's full-scale sine peak at the headphones): peaks cut at the clip point when the chain overshoots
// (overLimitDb), the first output's hiss times the amp's gain when two amps are stacked, and mains hum at an
// illustrative level when a ground loop is flagged (its real level depends on the wiring: the model gives none).
// A is the program untouched.
import type { ChainPair } from '../../../audio/loudnessMatch';
import type { ChainAnalysis, Chain } from '../../../dsp/connections/signalChain';

/** Illustrative ground-loop hum, dB re full scale: plainly audible, not a measurement. */
export const GROUND_LOOP_HUM_DB = -50;
/** Illustrative hum shape: 50 Hz with falling harmonics (relative amplitudes). */
const HUM_SHAPE = [1, 0.5, 0.35, 0.2] as const;
const HISS_SEED = 0x51ac;

export async function chainBuilderChains(chain: Chain, analysis: ChainAnalysis): Promise<ChainPair> {
  const over = analysis.overLimitDb;
  const clipper = over !== null && over > 0 ? { clipper: { levelFullScale: 10 ** (-over / 20) } } : {};
  const headphoneStage = analysis.stages.find((s) => s.id === 'headphones');
  const fullScalePeakVolts = headphoneStage?.voltsPeak ?? 0;
  const doubled = analysis.findings.some((f) => f.id === 'double-amplification');
  const firstNoise = chain.converter?.output.noiseVoltsRms?.value ?? chain.source.analogOutput?.noiseVoltsRms?.value ?? null;
  const gain = chain.amp ? (chain.amp.device.gains.find((g) => g.id === chain.amp?.gainId)?.gain ?? 1) : 1;
  const hissFullScale = doubled && firstNoise !== null && fullScalePeakVolts > 0 ? Math.min(0.1, (firstNoise * gain) / fullScalePeakVolts) : 0;
  const hissStage = hissFullScale > 0 ? { noise: { rmsFullScale: hissFullScale, seed: HISS_SEED } } : {};
  const hum = analysis.findings.some((f) => f.id === 'ground-loop');
  const humRms = 10 ** (GROUND_LOOP_HUM_DB / 20);
  const norm = Math.sqrt(HUM_SHAPE.reduce((s, a) => s + a * a, 0));
  const humStage = hum ? { hum: { fundamentalHz: 50, harmonicRmsFullScale: HUM_SHAPE.map((a) => (a / norm) * humRms) } } : {};
  return { a: { sections: [], gainDb: 0 }, b: { sections: [], gainDb: 0, ...clipper, ...hissStage, ...humStage } };
}
