/**
 * Electrical models of headphones as impedances Z(s): a dynamic driver's Thiele–Small equivalent circuit and a
 * multi-driver balanced-armature IEM with a passive crossover. Leaves out: acoustics, cable, non-linearity.
 */
import { type Rational, capacitor, inductor, parallel, resistor, series } from './impedance';

/** Thiele–Small electrical parameters of one moving-coil (or balanced-armature) driver, SI units. */
export interface DynamicDriverParams {
  /** Re: voice-coil DC resistance. */
  dcResistanceOhms: number;
  /** Le: voice-coil inductance (a plain inductor; real coils are lossier, see Thorborg et al., AES 2007). */
  voiceCoilInductanceHenries: number;
  /** Res: the motional branch's resistance, i.e. |Z(fs)| − Re. */
  motionalResistanceOhms: number;
  /** fs: the free resonance, where |Z| peaks. */
  resonanceHz: number;
  /** Qms: mechanical quality factor (sharpness of the impedance peak). */
  mechanicalQ: number;
}

/** Capacitance and inductance of the motional branch: Ces = Qms/(2π·fs·Res), Les = Res/(2π·fs·Qms). */
export function motionalElements(p: DynamicDriverParams): { capacitanceFarads: number; inductanceHenries: number } {
  const angularResonance = 2 * Math.PI * p.resonanceHz;
  return {
    capacitanceFarads: p.mechanicalQ / (angularResonance * p.motionalResistanceOhms),
    inductanceHenries: p.motionalResistanceOhms / (angularResonance * p.mechanicalQ),
  };
}

function assertDriverParams(p: DynamicDriverParams): void {
  const nonNegative = [p.dcResistanceOhms, p.voiceCoilInductanceHenries];
  const positive = [p.motionalResistanceOhms, p.resonanceHz, p.mechanicalQ];
  if (!nonNegative.every((v) => Number.isFinite(v) && v >= 0) || !positive.every((v) => Number.isFinite(v) && v > 0)) {
    throw new RangeError('DynamicDriverParams: Re and Le must be ≥ 0; Res, fs and Qms must be > 0 (all finite)');
  }
}

/**
 * Z(s) = Re + s·Le + (Res ∥ Les ∥ Ces), the electrical equivalent of a driver (Thiele–Small; REFERENCES §1).
 * The parallel RLC stands for the moving mass, suspension compliance and mechanical losses seen through the motor;
 * at s = j2π·fs its L and C cancel, so |Z(fs)| = |Re + j2π·fs·Le + Res| ≈ Re + Res. With Res = Re·Qms/Qes the
 * formulas Ces = Qes/(2π·fs·Re), Les = Re/(2π·fs·Qes) in REFERENCES are the same elements.
 */
export function dynamicDriverImpedance(p: DynamicDriverParams): Rational {
  assertDriverParams(p);
  const { capacitanceFarads, inductanceHenries } = motionalElements(p);
  return series(
    resistor(p.dcResistanceOhms),
    inductor(p.voiceCoilInductanceHenries),
    parallel(resistor(p.motionalResistanceOhms), inductor(inductanceHenries), capacitor(capacitanceFarads)),
  );
}

/** A three-way balanced-armature IEM: the woofer alone, mid and tweeter each behind a series capacitor. */
export interface BalancedArmatureCrossover {
  woofer: DynamicDriverParams;
  mid: DynamicDriverParams;
  midSeriesCapacitanceFarads: number;
  tweeter: DynamicDriverParams;
  tweeterSeriesCapacitanceFarads: number;
}

/** Z = Zwoofer ∥ (1/(s·Cmid) + Zmid) ∥ (1/(s·Ctweeter) + Ztweeter), each BA as Re + s·Le + its motional RLC. */
export function balancedArmatureCrossoverImpedance(c: BalancedArmatureCrossover): Rational {
  return parallel(
    dynamicDriverImpedance(c.woofer),
    series(capacitor(c.midSeriesCapacitanceFarads), dynamicDriverImpedance(c.mid)),
    series(capacitor(c.tweeterSeriesCapacitanceFarads), dynamicDriverImpedance(c.tweeter)),
  );
}

export interface HeadphoneModel {
  id: string;
  name: string;
  kind: 'dynamic' | 'planar' | 'multi-ba';
  /** One plain sentence for readers. */
  description: string;
  /** Where the parameters come from, or that they are illustrative. */
  provenance: string;
  isIllustrative: boolean;
  nominalImpedanceOhms: number;
  /** The single-driver model, for the schematic's part labels; null for the multi-BA. */
  driver: DynamicDriverParams | null;
  impedance: Rational;
}


/** REFERENCES §1 "300 Ω dynamic": peak ≈ Re + Res = 520 Ω at 90 Hz. */
export const DYNAMIC_300_DRIVER: Readonly<DynamicDriverParams> = {
  dcResistanceOhms: 300,
  voiceCoilInductanceHenries: 0.2e-3,
  motionalResistanceOhms: 220,
  resonanceHz: 90,
  mechanicalQ: 2,
};

/** REFERENCES §1 "32 Ω closed" (Re 30, Res 20, fs 60 Hz, Qms 2.5); the 40 µH Le is our choice. */
export const CLOSED_32_DRIVER: Readonly<DynamicDriverParams> = {
  dcResistanceOhms: 30,
  voiceCoilInductanceHenries: 40e-6,
  motionalResistanceOhms: 20,
  resonanceHz: 60,
  mechanicalQ: 2.5,
};

/** Our choice for a 250 Ω closed studio headphone: ≈ 250 Ω at 1 kHz, a bass peak ≈ 450 Ω at 80 Hz. */
export const STUDIO_250_DRIVER: Readonly<DynamicDriverParams> = {
  dcResistanceOhms: 245,
  voiceCoilInductanceHenries: 0.3e-3,
  motionalResistanceOhms: 205,
  resonanceHz: 80,
  mechanicalQ: 1.8,
};

/** Our choice for a planar magnetic: 50 Ω, a 1.5 Ω bump at 45 Hz and almost no inductance. */
export const PLANAR_DRIVER: Readonly<DynamicDriverParams> = {
  dcResistanceOhms: 50,
  voiceCoilInductanceHenries: 2e-6,
  motionalResistanceOhms: 1.5,
  resonanceHz: 45,
  mechanicalQ: 1.5,
};

/**
 * Our choice for a three-way BA IEM: ≈ 9 Ω in the bass, a ≈ 49 Ω peak near 850 Hz (woofer resonance and
 * inductance while the series capacitors still block the mid and tweeter), ≈ 4.4 Ω near 13 kHz (the tweeter
 * branch's series resonance), ≈ 10 Ω at 20 kHz.
 */
export const MULTI_BA_CROSSOVER: Readonly<BalancedArmatureCrossover> = {
  woofer: { dcResistanceOhms: 9, voiceCoilInductanceHenries: 1.5e-3, motionalResistanceOhms: 40, resonanceHz: 1200, mechanicalQ: 1.5 },
  mid: { dcResistanceOhms: 14, voiceCoilInductanceHenries: 1e-3, motionalResistanceOhms: 6, resonanceHz: 3500, mechanicalQ: 1.5 },
  midSeriesCapacitanceFarads: 2.2e-6,
  tweeter: { dcResistanceOhms: 3.5, voiceCoilInductanceHenries: 0.15e-3, motionalResistanceOhms: 2.5, resonanceHz: 8000, mechanicalQ: 1.2 },
  tweeterSeriesCapacitanceFarads: 1.2e-6,
};

function dynamicModel(
  fields: Omit<HeadphoneModel, 'driver' | 'impedance'>,
  driver: Readonly<DynamicDriverParams>,
): HeadphoneModel {
  return { ...fields, driver: { ...driver }, impedance: dynamicDriverImpedance(driver) };
}

export const HEADPHONE_MODELS: readonly HeadphoneModel[] = [
  dynamicModel(
    {
      id: 'dynamic-300',
      name: '300 Ω open dynamic (HD600-class)',
      kind: 'dynamic',
      description: 'A high-impedance open headphone whose impedance rises to about 520 Ω at its 90 Hz bass resonance.',
      provenance: `Illustrative model: parameters hand-picked to resemble an HD600-class headphone, not fitted to a measurement of one.`,
      isIllustrative: true,
      nominalImpedanceOhms: 300,
    },
    DYNAMIC_300_DRIVER,
  ),
  dynamicModel(
    {
      id: 'closed-32',
      name: '32 Ω closed-back dynamic',
      kind: 'dynamic',
      description: 'A low-impedance closed headphone whose impedance rises from 30 Ω to about 50 Ω at its 60 Hz resonance.',
      provenance: `Illustrative model: parameters hand-picked, not fitted to a measurement of any product.`,
      isIllustrative: true,
      nominalImpedanceOhms: 32,
    },
    CLOSED_32_DRIVER,
  ),
  dynamicModel(
    {
      id: 'studio-250',
      name: '250 Ω closed studio dynamic',
      kind: 'dynamic',
      description: 'A closed studio headphone (DT 770-class) near 250 Ω in the midrange with a bass peak of about 450 Ω at 80 Hz.',
      provenance: `Illustrative model: parameters hand-picked, not fitted to a measured DT 770.`,
      isIllustrative: true,
      nominalImpedanceOhms: 250,
    },
    STUDIO_250_DRIVER,
  ),
  dynamicModel(
    {
      id: 'planar',
      name: 'Planar magnetic (nearly flat)',
      kind: 'planar',
      description: 'A planar magnetic headphone that looks to the amplifier almost like a plain 50 Ω resistor.',
      provenance: `Illustrative model: parameters hand-picked; planar magnetic drivers are nearly a flat resistance.`,
      isIllustrative: true,
      nominalImpedanceOhms: 50,
    },
    PLANAR_DRIVER,
  ),
  {
    id: 'multi-ba',
    name: 'Multi-driver balanced-armature IEM',
    kind: 'multi-ba',
    description:
      'An in-ear monitor with three balanced-armature drivers and a passive crossover, whose impedance swings from about 4 Ω to about 50 Ω across the audio band.',
    provenance: `Illustrative model: drivers and crossover hand-picked so the impedance swings from several ohms to tens of ohms, as multi-driver IEMs do; not fitted to any product.`,
    isIllustrative: true,
    nominalImpedanceOhms: 10,
    driver: null,
    impedance: balancedArmatureCrossoverImpedance(MULTI_BA_CROSSOVER),
  },
];

/** The model with this id; throws a RangeError for an unknown id. */
export function headphoneById(id: string): HeadphoneModel {
  const model = HEADPHONE_MODELS.find((candidate) => candidate.id === id);
  if (model === undefined) {
    throw new RangeError(`Unknown headphone model id "${id}"; known: ${HEADPHONE_MODELS.map((m) => m.id).join(', ')}`);
  }
  return model;
}
