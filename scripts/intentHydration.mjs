// Registers `client:intent` (src/lib/hydrateOnIntent.ts): islands hydrate on the reader's first intent, not on sight.
/** @returns {import('astro').AstroIntegration} */
export function intentHydration() {
  return {
    name: 'amp-lab-intent-hydration',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'intent', entrypoint: new URL('../src/lib/hydrateOnIntent.ts', import.meta.url) });
      },
    },
  };
}
