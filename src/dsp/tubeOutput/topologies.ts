/**
 * Three ways a tube amp drives a headphone, each as a Thevenin source (outputSource.ts) built from the project's
 * tube models: the OTL cathode follower (circuits/cathodeFollower.ts) through its coupling capacitor; a triode whose
 * plate drives an output transformer (outputTransformer.ts); and a hybrid, the triode voltage stage
 * (circuits/triodeStage.ts) coupled into a solid-state buffer. Leaves out: distortion (the hybrid's buffer adds
 * none here, so it keeps the tube stage's harmonics), supplies, and each design's own operating point: the
 * transformer's triode is taken at the follower's operating point so that both use the same tube at the same current.
 */
import { type CathodeFollowerParams, CATHODE_FOLLOWER_DEFAULTS, cathodeFollowerBiasPoint, cathodeFollowerOutputImpedanceOhms } from '../circuits/cathodeFollower';
import { korenOperatingPoint } from '../circuits/koren';
import { HEADPHONE_MODELS } from '../headphones';
import { type Rational, evaluateAtHz } from '../impedance';
import { abs } from '../complex';
import { type OutputSource, outputImpedance, responseIntoLoad } from './outputSource';
import { type OutputTransformerParams, transformerSource } from './outputTransformer';

export const TOPOLOGIES = ['otl', 'transformer', 'hybrid'] as const;

/**
 * The headphones the comparison offers: the full-size models from 32 Ω to 300 Ω. The multi-driver IEM is left out:
 * nobody hangs one on a tube transformer, and its crossover's many poles beside the transformer's defeat the filter fit.
 */
export const TUBE_OUTPUT_HEADPHONES = HEADPHONE_MODELS.filter((model) => model.kind !== 'multi-ba');
export type Topology = (typeof TOPOLOGIES)[number];

/** Our estimate: a coupling capacitor of the size OTL headphone amps use (the Crack's value is not published). */
export const OTL_COUPLING_CAPACITANCE_FARADS = 100e-6;
/** Our estimates for a hybrid: a 1 µF film capacitor into the buffer's 100 kΩ input resistor. */
export const HYBRID_COUPLING_CAPACITANCE_FARADS = 1e-6;
export const HYBRID_BUFFER_INPUT_RESISTANCE_OHMS = 100_000;
/** Our estimate for an op-amp or emitter-follower buffer with feedback, before any output resistor. */
export const HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS = 0.5;

export interface TubeSmallSignal {
  /** rp of the paralleled sections, ohms. */
  readonly plateResistanceOhms: number;
  readonly mu: number;
}

/** rp and µ of the follower's tube (its sections in parallel) at the follower's idle point, from Koren's model. */
export function followerTubeSmallSignal(p: CathodeFollowerParams = CATHODE_FOLLOWER_DEFAULTS): TubeSmallSignal {
  const bias = cathodeFollowerBiasPoint(p);
  const op = korenOperatingPoint(p.tube, bias.plateToCathodeVolts, bias.gridToCathodeVolts);
  return {
    plateResistanceOhms: 1 / (p.parallelSections * op.plateConductanceSiemens),
    mu: op.transconductanceSiemens / op.plateConductanceSiemens,
  };
}

/**
 * The OTL follower: its output resistance (numerically from the tube model) in series with the coupling capacitor,
 * R + 1/(sC) = (1 + sRC)/(sC); the open-circuit gain sC/(sC) = 1 shares that denominator.
 */
export function otlFollowerSource(p: CathodeFollowerParams = CATHODE_FOLLOWER_DEFAULTS, couplingFarads = OTL_COUPLING_CAPACITANCE_FARADS): OutputSource {
  const r = cathodeFollowerOutputImpedanceOhms(p);
  // R + 1/(sC) = (1 + sRC)/(sC)
  return { emfNumerator: [0, couplingFarads], impedanceNumerator: [1, r * couplingFarads], denominator: [0, couplingFarads] };
}

/**
 * The hybrid: a first-order high-pass sτ/(1 + sτ) (the coupling capacitor into the buffer's input resistor), then a
 * buffer of resistance R, written R(1 + sτ)/(1 + sτ) to share the denominator.
 */
export function hybridSource(): OutputSource {
  const tau = HYBRID_COUPLING_CAPACITANCE_FARADS * HYBRID_BUFFER_INPUT_RESISTANCE_OHMS;
  const r = HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS;
  return { emfNumerator: [0, tau], impedanceNumerator: [r, r * tau], denominator: [1, tau] };
}

export function topologySource(topology: Topology, transformer: OutputTransformerParams): OutputSource {
  if (topology === 'otl') return otlFollowerSource();
  if (topology === 'hybrid') return hybridSource();
  return transformerSource(transformer, followerTubeSmallSignal().plateResistanceOhms);
}

/** |Z_out| at one frequency. */
export function outputImpedanceOhmsAtHz(source: OutputSource, frequencyHz: number): number {
  return abs(evaluateAtHz(outputImpedance(source), frequencyHz));
}

/** 20·log10|H(j2πf)/H(j2π·1 kHz)| for H the response into the load. */
export function relativeResponseDbAtHz(h: Rational, frequencyHz: number, referenceHz = 1000): number {
  return 20 * Math.log10(abs(evaluateAtHz(h, frequencyHz)) / abs(evaluateAtHz(h, referenceHz)));
}

export { responseIntoLoad };

/** Lowest frequency the corner search reaches; below it the corner is reported as null ("below 1 Hz"). */
export const CORNER_SEARCH_LOW_HZ = 1;

/**
 * The low-frequency −3 dB corner of a response, re 1 kHz: the highest frequency under 1 kHz where it has fallen by
 * 3 dB, found on a log grid and refined by bisection; null if it stays within 3 dB down to CORNER_SEARCH_LOW_HZ.
 */
export function lowCornerOfResponseHz(h: Rational, referenceHz = 1000): number | null {
  const below = (f: number) => relativeResponseDbAtHz(h, f, referenceHz) <= -3;
  const steps = 120;
  let upper = referenceHz;
  for (let i = 1; i <= steps; i += 1) {
    const f = referenceHz * (CORNER_SEARCH_LOW_HZ / referenceHz) ** (i / steps);
    if (below(f)) {
      let lo = f;
      let hi = upper;
      for (let k = 0; k < 40; k += 1) {
        const mid = Math.sqrt(lo * hi);
        if (below(mid)) lo = mid;
        else hi = mid;
      }
      return Math.sqrt(lo * hi);
    }
    upper = f;
  }
  return null;
}
