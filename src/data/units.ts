// The course's units, in learning order. Each lesson names its unit and its place in the course in its frontmatter
// (`unit`, `order`); test/unit/course.test.ts checks that every unit's lessons sit together and that no lesson comes
// before one it requires.

export interface CourseUnit {
  readonly id: string;
  readonly title: string;
  /** One line: what the unit is for. */
  readonly blurb: string;
}

export const COURSE_UNITS = [
  {
    id: 'what-an-amp-does',
    title: 'What an amp is and does',
    blurb: 'What a headphone amplifier does, how to compare two sounds honestly, and what the DAC does instead.',
  },
  {
    id: 'driving-headphones',
    title: 'Driving headphones',
    blurb: 'Sensitivity and power, output impedance, gain and noise, volume controls: will this amp drive these headphones?',
  },
  {
    id: 'inside-the-amp',
    title: 'Inside the amp',
    blurb: 'Gain stages, solid-state and tubes, output transformers, output stage classes and class D, portable and desktop designs, power supplies, protection.',
  },
  {
    id: 'digital-side',
    title: 'The digital side',
    blurb: 'Bits and dither, sample rates, clock jitter, EQ and crossfeed: what happens to the signal before the amplifier.',
  },
  {
    id: 'connecting',
    title: 'Connecting it all',
    blurb: 'DAC/amp combos and interfaces, Bluetooth, balanced outputs, and the cables and levels between the boxes.',
  },
  {
    id: 'listening-honestly',
    title: 'Listening honestly and safely',
    blurb: 'Myths against measurements, and how loud is too loud for how long.',
  },
] as const satisfies readonly CourseUnit[];

export type CourseUnitId = (typeof COURSE_UNITS)[number]['id'];
export const COURSE_UNIT_IDS = COURSE_UNITS.map((u) => u.id) as [CourseUnitId, ...CourseUnitId[]];
