// While a widget waits for its stages' code at hydration it keeps the server's HTML, whose controls do nothing yet:
// its island keeps Astro's "ssr" mark (not yet hydrated) until the code is here, so the page and its tests can tell.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useHeldIsland(ready: boolean): RefObject<HTMLDivElement> {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const island = ref.current?.closest('astro-island');
    if (ready || !island) return;
    // Astro clears the mark once hydrate() returns, after this effect: put it back each time until the code is here.
    const hold = () => {
      if (!island.hasAttribute('ssr')) island.setAttribute('ssr', '');
    };
    const observer = new MutationObserver(hold);
    observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
    hold();
    return () => {
      observer.disconnect();
      island.removeAttribute('ssr');
    };
  }, [ready]);
  return ref;
}
