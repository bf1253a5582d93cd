// Issue #15's findings in the lessons' prose, checked on the built pages against the models they now read from:
// every model number in the prose is a finite computed value, and each sentence that contradicted the physics or
// another lesson says what the model says (these fail on the prose as it was before).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { largestChangeDb } from '../../src/lessonValues/outputImpedance';
import { catalogueMinOhms } from '../../src/lessonValues/sensitivityAndPower';
import { biasForClassAAmps, hd650PeakAmps } from '../../src/lessonValues/outputStageClasses';
import { builtPages } from './helpers';

const lessonPages = builtPages().filter((path) => /^\/lessons\/[^/]+\/$/.test(path));
const html = (path: string): string => readFileSync(`dist${path}index.html`, 'utf8');
/** The page's text, tags removed, whitespace collapsed. */
const text = (path: string): string => html(path).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const modelValues = (path: string): number[] => [...html(path).matchAll(/data-model-value="([^"]+)"/g)].map((m) => Number(m[1]));

test('every model value in a lesson is a finite number computed at build time, and most lessons use them', () => {
  let lessonsUsing = 0;
  for (const path of lessonPages) {
    const values = modelValues(path);
    for (const value of values) expect(Number.isFinite(value), path).toBe(true);
    if (values.length > 0) lessonsUsing += 1;
  }
  expect(lessonsUsing).toBeGreaterThanOrEqual(15);
});

test('output impedance: the 32 Ω model on 120 Ω changes by 3.3 dB, as its widget shows (the table said 3.4)', () => {
  const expected = Math.abs(largestChangeDb('closed-32', 120));
  expect(expected).toBeCloseTo(3.35, 1);
  expect(modelValues('/lessons/output-impedance/').some((v) => Math.abs(v - expected) < 1e-9)).toBe(true);
  expect(text('/lessons/output-impedance/')).not.toMatch(/120 Ω \| 1\.1 dB \| 3\.4 dB/);
});

test('output impedance names the impedance-matching myth and says a headphone amp should not match', () => {
  const page = text('/lessons/output-impedance/');
  expect(page).toMatch(/[Ii]mpedance matching/);
  expect(page).toMatch(/bridging/);
});

test('the impedance range quoted starts at the catalogue’s lowest headphone impedance, not "about 16 Ω"', () => {
  expect(catalogueMinOhms).toBeLessThan(16);
  const page = text('/lessons/sensitivity-and-power/');
  expect(page).toContain(`${catalogueMinOhms} Ω`);
  expect(page).not.toMatch(/range from about 16 Ω/);
});

test('output stage classes: the bias that keeps an HD 650 in class A is the computed half of its peak current, and low-impedance planars leave class A', () => {
  const bias = biasForClassAAmps(hd650PeakAmps);
  expect(bias).toBeCloseTo(hd650PeakAmps / 2, 12);
  expect(modelValues('/lessons/output-stage-classes/').some((v) => Math.abs(v - 1000 * bias) < 1e-9)).toBe(true);
  const page = text('/lessons/output-stage-classes/');
  expect(page).not.toMatch(/Headphones rarely leave class A/);
  expect(page).toMatch(/LCD-3/);
});

test('what a DAC does: the staircase is a non-oversampling DAC’s hold, and an oversampling DAC’s output is described', () => {
  const page = text('/lessons/what-a-dac-does/');
  expect(page).toMatch(/non-oversampling \(NOS\)/);
  expect(page).toMatch(/interpolation filter/);
  expect(page).not.toMatch(/holds it until the next one, which gives a staircase/);
});

test('line levels: a full-scale level is not compared with a nominal one', () => {
  for (const path of ['/lessons/dac-amp-combos/', '/lessons/connections/']) {
    const page = text(path);
    expect(page, path).not.toMatch(/16\.5 dB hotter than consumer line level/);
    expect(page, path).toMatch(/nominal/);
    expect(page, path).toMatch(/full scale/);
  }
});

test('a later or earlier lesson is always a link', () => {
  for (const path of lessonPages) {
    const bare = html(path).replace(/<a [^>]*>[^<]*<\/a>/g, '').replace(/<[^>]+>/g, ' ');
    expect(bare, path).not.toMatch(/\ban? (later|earlier|previous|next) lesson\b(?! →)/i);
  }
});
