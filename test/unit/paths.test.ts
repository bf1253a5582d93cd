// Site paths under the base the site is deployed at (src/lib/paths.ts), and the setting that names it
// (scripts/siteBase.mjs, AMP_LAB_BASE).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteBase } from '../../scripts/siteBase.mjs';
import { joinBase, stripBase, withBase, withoutBase } from '../../src/lib/paths';
import { lessonOf } from '../../src/lib/lessonOf';

describe('AMP_LAB_BASE', () => {
  it('is the root when unset or empty', () => {
    expect(siteBase(undefined)).toBe('/');
    expect(siteBase('')).toBe('/');
    expect(siteBase('/')).toBe('/');
  });

  it('gets one leading and one trailing slash however it is written', () => {
    for (const written of ['amp-lab', '/amp-lab', 'amp-lab/', '/amp-lab/', ' /amp-lab// ']) expect(siteBase(written)).toBe('/amp-lab/');
    expect(siteBase('/courses/amp-lab')).toBe('/courses/amp-lab/');
  });

  it('refuses what is not a plain path, saying what it should be', () => {
    for (const bad of ['https://example.org/amp-lab/', '/a//b/', '/../x/', '/amp lab/', '/amp-lab/?x', '/amp-lab/#top']) {
      expect(() => siteBase(bad)).toThrow(/AMP_LAB_BASE must be a path such as \/amp-lab\//);
    }
  });
});

describe('site paths under a base', () => {
  it('puts the base in front of a root-relative path, fragment and all', () => {
    expect(joinBase('/amp-lab/', '/')).toBe('/amp-lab/');
    expect(joinBase('/amp-lab/', '/lessons/jitter/')).toBe('/amp-lab/lessons/jitter/');
    expect(joinBase('/amp-lab/', '/#course')).toBe('/amp-lab/#course');
    expect(joinBase('/amp-lab', '/glossary/#dac')).toBe('/amp-lab/glossary/#dac');
    expect(joinBase('/', '/glossary/#dac')).toBe('/glossary/#dac');
  });

  it('leaves relative, fragment, protocol-relative and absolute URLs alone', () => {
    for (const url of ['#damping-factor', 'jitter/', '//cdn.example/x.js', 'https://example.org/']) expect(joinBase('/amp-lab/', url)).toBe(url);
  });

  it('takes the base off a path on the deployment, and leaves a path outside it as it is', () => {
    expect(stripBase('/amp-lab/', '/amp-lab/lab/matcher/')).toBe('/lab/matcher/');
    expect(stripBase('/amp-lab/', '/amp-lab/')).toBe('/');
    expect(stripBase('/amp-lab/', '/amp-lab')).toBe('/');
    expect(stripBase('/amp-lab/', '/amp-labs/x/')).toBe('/amp-labs/x/');
    expect(stripBase('/', '/lab/matcher/')).toBe('/lab/matcher/');
  });
});

describe('under a base of /amp-lab/ (import.meta.env.BASE_URL)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('links and page paths carry it, and progress records keep site paths without it', () => {
    vi.stubEnv('BASE_URL', '/amp-lab/');
    expect(withBase('/progress/')).toBe('/amp-lab/progress/');
    expect(withoutBase('/amp-lab/glossary/')).toBe('/glossary/');
    expect(lessonOf(null, '/amp-lab/lab/matcher/')).toBe('/lab/matcher/');
    expect(lessonOf(null, '/amp-lab/lessons/jitter/')).toBe('jitter');
  });

  it('at the root nothing changes', () => {
    expect(withBase('/progress/')).toBe('/progress/');
    expect(lessonOf(null, '/lab/matcher/')).toBe('/lab/matcher/');
  });
});
