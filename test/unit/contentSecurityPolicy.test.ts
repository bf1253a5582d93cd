// The policy's pieces (scripts/contentSecurityPolicy.mjs): hash sources as CSP spells them, reading a page's <meta>
// policy, one policy that holds on every page, and the _headers file. The built site is checked in test/e2e/csp.spec.ts.
import { describe, expect, test } from 'vitest';
import {
  HEADER_ONLY_DIRECTIVES,
  contentSecurityPolicy,
  headersFile,
  metaPolicy,
  policyDirectives,
  sha256Source,
  unionPolicy,
} from '../../scripts/contentSecurityPolicy.mjs';

describe('sha256Source', () => {
  test("gives the CSP specification's hash for its example script", () => {
    // CSP Level 3, "hash-source" example: alert('Hello, world.'); → sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=
    expect(sha256Source("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
  });
});

describe('contentSecurityPolicy', () => {
  test('lets scripts come only from the site or a hash, never inline or eval, and WebAssembly compile', () => {
    const { scriptDirective, directives } = contentSecurityPolicy();
    expect(scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives).toContain("connect-src 'self'");
    expect(directives.some((d: string) => d.startsWith('frame-ancestors'))).toBe(false);
  });
});

describe('metaPolicy', () => {
  test("reads the policy from a page's meta tag, undoing HTML escapes", () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="script-src &#39;self&#39;; img-src &#39;self&#39; data:;"></head>`;
    expect(metaPolicy(html)).toBe("script-src 'self'; img-src 'self' data:;");
  });

  test('is null for a page without one', () => {
    expect(metaPolicy('<head><meta charset="utf-8"></head>')).toBeNull();
  });
});

describe('unionPolicy', () => {
  test('keeps each directive once with every source any page gives it, in first-seen order', () => {
    const a = "default-src 'self';script-src 'self' 'sha256-A'; style-src 'self'";
    const b = "default-src 'self'; script-src 'self' 'sha256-B';style-src 'self' 'sha256-C';";
    expect(policyDirectives(unionPolicy([a, b]))).toEqual([
      "default-src 'self'",
      "script-src 'self' 'sha256-A' 'sha256-B'",
      "style-src 'self' 'sha256-C'",
    ]);
  });
});

describe('headersFile', () => {
  test('gives every path the policy plus the header-only directives, nosniff and a referrer policy', () => {
    const text = headersFile("default-src 'self'; script-src 'self';");
    const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines).toEqual([
      '/*',
      `  Content-Security-Policy: default-src 'self'; script-src 'self'; ${HEADER_ONLY_DIRECTIVES.join('; ')}`,
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: same-origin',
    ]);
  });
});
