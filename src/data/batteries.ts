// Batteries and amplifier idle currents for the portable-vs-desktop lesson's supply widget, which estimates
// battery life as capacity / (quiescent current + load current). Every figure names the source it was read from
// (src/data/sources.json) and says whether it is an estimate. Plain data: no model code.
//
// Capacity depends on the drain, the temperature and the voltage the device stops at, so one number per battery is
// a simplification; each note says under which conditions the figure was measured or stated.

/** Where a figure comes from. `estimate: true` when it is derived, recalled or measured under conditions unlike a headphone amplifier's. */
export interface BatteryCitation {
  /** An id in src/data/sources.json. */
  readonly sourceId: string;
  readonly estimate: boolean;
  /** How the figure was read or derived. */
  readonly note: string;
}

export interface BatteryData {
  readonly id: string;
  readonly name: string;
  /** The nominal (average) voltage of the cell or battery, volts. */
  readonly nominalVolts: number;
  /** Charge delivered from full to empty under the conditions in the note, ampere-hours. */
  readonly capacityAmpHours: number;
  readonly cited: BatteryCitation;
}

export interface QuiescentCurrentExample {
  readonly id: string;
  readonly name: string;
  /** Current drawn from each battery with no (or very little) signal, amperes. */
  readonly amps: number;
  readonly cited: BatteryCitation;
}

export const BATTERIES = [
  {
    id: 'li-ion-18650',
    name: '18650 Li-ion cell (a maker’s standard cell)',
    nominalVolts: 3.7,
    capacityAmpHours: 2.2,
    cited: {
      sourceId: 'yokenergy-18650',
      estimate: false,
      note:
        'Maker’s specification summary: 3.7 V nominal, 2,200 mAh, charged to 4.2 V and discharged to 2.75 V. ' +
        'Some makers state 3.6 V nominal for the same chemistry (battsys-18650); the nominal voltage is an average over the discharge.',
    },
  },
  {
    id: 'li-ion-18650-high-capacity',
    name: '18650 Li-ion cell, high capacity (Panasonic NCR18650B)',
    nominalVolts: 3.6,
    capacityAmpHours: 3.28,
    cited: {
      sourceId: 'batemo-ncr18650b',
      estimate: false,
      note:
        'Measured by Batemo: 3.28 Ah discharging at C/10 (0.34 A) at 25 °C from full to 2.5 V; 3.35 Ah nominal from the maker’s ' +
        'datasheet as Batemo reports it. The 3.6 V nominal voltage is the generic ICR18650 figure (battsys-18650); Panasonic’s own ' +
        'sheet was not read.',
    },
  },
  {
    id: 'alkaline-9v',
    name: '9 V alkaline (PP3; Energizer Industrial)',
    nominalVolts: 9,
    capacityAmpHours: 0.45,
    cited: {
      sourceId: 'powerstream-9v-tests',
      estimate: true,
      note:
        'Measured by PowerStream at a constant 100 mA, discharged to 0.1 V: 450 mAh (Duracell Coppertop 310 mAh in the same test). ' +
        'An amplifier that stops near 7 V per battery, as the O2 does, gets less of it; a lighter drain gets more. Wikipedia’s table ' +
        'gives 565 mAh as a typical alkaline capacity without stating the drain (wikipedia-nine-volt-battery). Energizer’s 522 ' +
        'datasheet was not read.',
    },
  },
  {
    id: 'nimh-9v',
    name: '9 V NiMH, 7 cells (8.4 V rated)',
    nominalVolts: 8.4,
    capacityAmpHours: 0.25,
    cited: {
      sourceId: 'nwavguy-o2-details',
      estimate: false,
      note:
        'The rechargeable battery in the O2’s parts list, as NwAvGuy describes it: rated 8.4 V, about 9.5 V fully charged, 250 mAh ' +
        '(read from a forum copy of his article). Wikipedia gives 175–300 mAh for NiMH 9 V batteries (wikipedia-nine-volt-battery).',
    },
  },
] as const satisfies readonly BatteryData[];

export const QUIESCENT_CURRENT_AMPS = [
  {
    id: 'objective2',
    name: 'Objective2 (O2), standard op-amps, on two 9 V batteries',
    amps: 0.031,
    cited: {
      sourceId: 'nwavguy-o2-details',
      estimate: true,
      note:
        'Calculated, not measured: NwAvGuy gives 7–9 hours of run time from 250 mAh batteries, so each battery supplies ' +
        '250 mAh / 7–9 h ≈ 28–36 mA while the amp plays; 31 mA is the middle (8 h). His run time includes whatever listening ' +
        'load he assumed, so the idle current itself is a little lower.',
    },
  },
  {
    id: 'objective2-low-power',
    name: 'Objective2 (O2), Low Power version, on two 9 V batteries',
    amps: 0.01,
    cited: {
      sourceId: 'nwavguy-o2-details',
      estimate: true,
      note:
        'Calculated, not measured: NwAvGuy gives about 20–30 hours from the same 250 mAh batteries with low-power op-amps, ' +
        'so 250 mAh / 20–30 h ≈ 8–12.5 mA; 10 mA is the middle (25 h).',
    },
  },
] as const satisfies readonly QuiescentCurrentExample[];
