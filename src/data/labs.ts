// The lab pages: tools to use on their own, beside the lessons. The header's Lab link and the home page list them.

export interface LabPage {
  /** The page's site path; links put it through withBase (src/lib/paths.ts). */
  readonly href: string;
  readonly title: string;
  /** One line: what the reader can do there. */
  readonly blurb: string;
}

export const LAB_PAGES: readonly LabPage[] = [
  {
    href: '/lab/matcher/',
    title: 'Will this amp drive these headphones?',
    blurb: 'Pick a real headphone and a real source (or type your own figures): loudest clean level, headroom, hiss, volume setting and safe listening time, then listen.',
  },
  {
    href: '/lab/circuit/',
    title: 'Circuit lab: simulate a stage with SPICE',
    blurb: 'Change the parts of a triode stage, a cathode follower, an op-amp or a push-pull stage (or its netlist) and run it in ngspice: operating point, transfer curve, frequency response and harmonics.',
  },
  {
    href: '/lab/bench/',
    title: 'Measurement bench',
    blurb: 'Measure the amp models the way reviewers do: response into a load, THD+N and SINAD versus power, power versus load, noise and intermodulation, beside the published figures.',
  },
];
