// Figures the lesson "Output transformers and hybrid tube amps" quotes in its prose, computed from the models in
// src/dsp/tubeOutput so the text, the widget and the sound can't disagree. Each is a plain number in its unit.
import { headphoneById } from '../dsp/headphones';
import {
  MEASURED_TRANSFORMER,
  leakageCornerHz,
  lowCornerHz,
  midbandOutputImpedanceOhms,
  reflectedLoadOhms,
} from '../dsp/tubeOutput/outputTransformer';
import {
  HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS,
  OTL_COUPLING_CAPACITANCE_FARADS,
  type Topology,
  followerTubeSmallSignal,
  lowCornerOfResponseHz,
  outputImpedanceOhmsAtHz,
  relativeResponseDbAtHz,
  responseIntoLoad,
  topologySource,
} from '../dsp/tubeOutput/topologies';
import { logFrequencies } from '../dsp/logFrequencies';

const tube = followerTubeSmallSignal();
/** rp and µ of the two paralleled 12AU7 sections at the follower's idle point (Koren's model). */
export const plateResistanceOhms = tube.plateResistanceOhms;
export const mu = tube.mu;

export const measured = MEASURED_TRANSFORMER;
export const measuredTurnsRatio = MEASURED_TRANSFORMER.turnsRatio;
export const couplingMicrofarads = OTL_COUPLING_CAPACITANCE_FARADS * 1e6;
export const hybridBufferOhms = HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS;

/** The transformer's mid-band output impedance on the tube, (rp + Rpri)/n² + Rsec. */
export const transformerZoutOhms = midbandOutputImpedanceOhms(MEASURED_TRANSFORMER, plateResistanceOhms);
/** The tube's share alone, rp/n². */
export const tubeShareOhms = plateResistanceOhms / MEASURED_TRANSFORMER.turnsRatio ** 2;
/** What 32 Ω and 300 Ω look like from the plate: n²(R_L + Rsec). */
export const reflected32Ohms = reflectedLoadOhms(MEASURED_TRANSFORMER, 32);
export const reflected300Ohms = reflectedLoadOhms(MEASURED_TRANSFORMER, 300);
/** Bass corners into plain resistors, from Lp: [(rp + Rpri) ∥ n²(R_L + Rsec)]/(2πLp). */
export const lowCorner32Hz = lowCornerHz(MEASURED_TRANSFORMER, plateResistanceOhms, 32);
export const lowCorner300Hz = lowCornerHz(MEASURED_TRANSFORMER, plateResistanceOhms, 300);
/** The same with a 300 H primary, the headphone transformer design goal. */
export const lowCorner300HenryHz = lowCornerHz({ ...MEASURED_TRANSFORMER, primaryInductanceHenries: 300 }, plateResistanceOhms, 300);
/** The leakage inductance's corner into 32 Ω, and the leakage–capacitance resonance 1/(2π√(Ll·C)). */
export const leakageCorner32Hz = leakageCornerHz(MEASURED_TRANSFORMER, plateResistanceOhms, 32);
export const resonanceHz = 1 / (2 * Math.PI * Math.sqrt(MEASURED_TRANSFORMER.leakageInductanceHenries * MEASURED_TRANSFORMER.primaryCapacitanceFarads));

/** A 4 : 1 step-down into 250 Ω, as one kit uses a line transformer: 16 × 250 Ω. */
export const speco250ReflectedOhms = 4 ** 2 * 250;

const band = logFrequencies(20, 20_000, 161);
function summary(topology: Topology, headphoneId: string) {
  const source = topologySource(topology, MEASURED_TRANSFORMER);
  const response = responseIntoLoad(source, headphoneById(headphoneId).impedance);
  const db = band.map((f) => relativeResponseDbAtHz(response, f));
  return {
    zoutOhms: outputImpedanceOhmsAtHz(source, 1000),
    lowCornerHz: lowCornerOfResponseHz(response) ?? 0,
    bassDb: relativeResponseDbAtHz(response, 20),
    swingDb: Math.max(...db) - Math.min(...db),
  };
}

export const otl32 = summary('otl', 'closed-32');
export const otl300 = summary('otl', 'dynamic-300');
export const transformer32 = summary('transformer', 'closed-32');
export const transformer300 = summary('transformer', 'dynamic-300');
export const hybrid32 = summary('hybrid', 'closed-32');
export const hybrid300 = summary('hybrid', 'dynamic-300');

/** The level an OTL follower's output impedance costs into a 32 Ω and a 300 Ω resistor: 20·log10(R/(R + Zout)). */
export const otlLoss32Db = 20 * Math.log10(32 / (32 + otl32.zoutOhms));
export const otlLoss300Db = 20 * Math.log10(300 / (300 + otl300.zoutOhms));
/** The damping factor 32 Ω / Zout on each. */
export const otlDamping32 = 32 / otl32.zoutOhms;
export const transformerDamping32 = 32 / transformer32.zoutOhms;
