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
    blurb: 'Pick a real headphone and source (or type your own figures): loudest clean level, hiss, safe listening time; then listen.',
  },
  {
    href: '/lab/circuit/',
    title: 'Circuit lab: simulate a stage with SPICE',
    blurb: 'Edit a tube, op-amp or push-pull stage, or its netlist, run it in ngspice, then hear it against the original.',
  },
  {
    href: '/lab/bench/',
    title: 'Measurement bench',
    blurb: 'Measure the amps as reviewers do (SINAD, THD+N against power, noise, IMD), beside the published figures.',
  },
];
