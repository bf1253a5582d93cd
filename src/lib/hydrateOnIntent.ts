// The `client:intent` directive (registered by scripts/intentHydration.mjs): an island's code loads and hydrates on the
// reader's first sign of intent (the pointer moving over it, focus inside it, a touch, a key, a click) instead of when it
// scrolls into view, so a page costs no widget code until someone reaches for a widget. The server's HTML is the
// widget, drawn and readable, until then. Nothing the reader does in the meantime is lost: sliders, selects, boxes and
// disclosures keep what the reader did to them natively and their events are sent again once the widget listens;
// button clicks, keys and presses on custom controls wait and are replayed in order; focus inside the island is
// announced to the widget. `client:intent="url"` hydrates at once when the page's address carries a query (a shared
// setup that the server's HTML doesn't show).
import type { ClientDirective } from 'astro';

/**
 * Events that mean the reader is about to use the island. Captured on the island, so non-bubbling ones count too. A
 * pointer counts when it moves over the island: not `pointerover`, which also fires when a page scrolled by the wheel
 * slides an island under a pointer that stayed still, without the reader reaching for it.
 */
const INTENT_EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'click', 'input', 'change', 'toggle'] as const;
/** Elements that react to keys and presses without script: their native result is kept, not replayed. */
const NATIVE = 'input, select, textarea, button, a[href], summary, label, [contenteditable]';
/** Elements whose click does nothing without script, so it is held and replayed. */
const CLICKABLE = 'button, [role="button"], [role="tab"], [role="switch"], [role="menuitem"], [role="option"], [role="radio"]:not(input)';

type Replay =
  | { kind: 'value'; target: Element; path: number[]; types: Set<string> }
  | { kind: 'click'; target: Element; path: number[] }
  | { kind: 'key'; target: Element; path: number[]; init: KeyboardEventInit }
  | { kind: 'pointer'; target: Element; path: number[]; init: PointerEventInit };

/** The element's place under the island, as child indices: finds its successor if the widget re-rendered it. */
function pathFrom(island: Element, element: Element): number[] {
  const path: number[] = [];
  for (let node: Element | null = element; node && node !== island; node = node.parentElement) {
    path.unshift(node.parentElement ? Array.prototype.indexOf.call(node.parentElement.children, node) : 0);
  }
  return path;
}

/** The element now standing where the recorded one stood: itself, else the one with its id, else the one at its path. */
function current(island: Element, target: Element, path: number[]): Element | null {
  if (target.isConnected && island.contains(target)) return target;
  if (target.id) {
    const byId = island.querySelector(`#${CSS.escape(target.id)}`);
    if (byId) return byId;
  }
  let node: Element | undefined = island;
  for (const index of path) node = node?.children[index];
  return node && node.tagName === target.tagName ? node : null;
}

/** Carries what the reader set on a control the widget has since replaced. */
function copyState(from: Element, to: Element): void {
  if (from === to) return;
  if (from instanceof HTMLInputElement && to instanceof HTMLInputElement) {
    to.value = from.value;
    to.checked = from.checked;
  } else if ((from instanceof HTMLSelectElement && to instanceof HTMLSelectElement) || (from instanceof HTMLTextAreaElement && to instanceof HTMLTextAreaElement)) {
    to.value = from.value;
  } else if (from instanceof HTMLDetailsElement && to instanceof HTMLDetailsElement) {
    to.open = from.open;
  }
}

/** Resolves once the island has hydrated: Astro's `ssr` mark is gone and stays gone (a widget may hold it while its code loads). */
function hydrated(island: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (island.hasAttribute('ssr')) return;
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(() => setTimeout(check, 0));
    observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
    setTimeout(check, 0);
  });
}

function replay(island: HTMLElement, queue: Replay[]): void {
  const active = document.activeElement;
  if (active && island.contains(active) && active !== document.body) {
    active.dispatchEvent(new FocusEvent('focus'));
    active.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  }
  for (const entry of queue) {
    const target = current(island, entry.target, entry.path);
    if (!target) continue;
    if (entry.kind === 'value') {
      copyState(entry.target, target);
      for (const type of ['input', 'change', 'toggle']) if (entry.types.has(type)) target.dispatchEvent(new Event(type, { bubbles: type !== 'toggle' }));
    } else if (entry.kind === 'click') {
      if (target instanceof HTMLElement) target.click();
    } else if (entry.kind === 'key') {
      target.dispatchEvent(new KeyboardEvent('keydown', entry.init));
    } else {
      target.dispatchEvent(new PointerEvent('pointerdown', entry.init));
    }
  }
}

const intentDirective: ClientDirective = (load, options, el) => {
  const queue: Replay[] = [];
  let started = false;

  const record = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element) || !el.contains(target)) return;
    const path = pathFrom(el, target);
    if (event.type === 'input' || event.type === 'change' || event.type === 'toggle') {
      const existing = queue.find((entry) => entry.kind === 'value' && entry.target === target);
      if (existing && existing.kind === 'value') existing.types.add(event.type);
      else queue.push({ kind: 'value', target, path, types: new Set([event.type]) });
    } else if (event.type === 'click') {
      const clickable = target.closest(CLICKABLE);
      if (!clickable || !el.contains(clickable) || clickable.matches(':disabled')) return;
      event.preventDefault();
      queue.push({ kind: 'click', target: clickable, path: pathFrom(el, clickable) });
    } else if (event instanceof KeyboardEvent && event.key !== 'Tab' && !target.closest(NATIVE)) {
      const { key, code, location, repeat, shiftKey, ctrlKey, altKey, metaKey } = event;
      queue.push({ kind: 'key', target, path, init: { key, code, location, repeat, shiftKey, ctrlKey, altKey, metaKey, bubbles: true, cancelable: true } });
    } else if (event instanceof PointerEvent && event.type === 'pointerdown' && !target.closest(NATIVE)) {
      const { clientX, clientY, screenX, screenY, button, buttons, pointerType, isPrimary } = event;
      queue.push({ kind: 'pointer', target, path, init: { clientX, clientY, screenX, screenY, button, buttons, pointerType, isPrimary, bubbles: true, cancelable: true } });
    }
  };

  const start = () => {
    if (started) return;
    started = true;
    void (async () => {
      const hydrate = await load();
      await hydrate();
      await hydrated(el);
      for (const type of INTENT_EVENTS) el.removeEventListener(type, onEvent, true);
      replay(el, queue);
    })();
  };

  function onEvent(event: Event): void {
    if (event instanceof PointerEvent && event.type === 'pointermove') {
      // A move the reader made, not one the browser makes up for a pointer that content scrolled under.
      if (event.pointerType !== 'mouse' || event.movementX !== 0 || event.movementY !== 0) start();
      return;
    }
    record(event);
    start();
  }

  for (const type of INTENT_EVENTS) el.addEventListener(type, onEvent, { capture: true, passive: type === 'touchstart' || type === 'pointermove' });
  if (options.value === 'url' && window.location.search !== '') start();
};

export default intentDirective;

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the reader's first intent (src/lib/hydrateOnIntent.ts); "url": at once when the address has a query. */
    'client:intent'?: boolean | 'url';
  }
}
