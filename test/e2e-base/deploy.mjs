// The sub-path the deployment tests build and serve the site under, and where that build goes (beside dist/, which
// they leave alone). scripts/test.mjs builds it; playwright.base.config.ts serves it; the specs check it.

export const TEST_BASE = '/amp-lab/';
export const TEST_OUT_DIR = 'dist-base';
