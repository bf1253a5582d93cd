// Loads Pagefind's search UI into an element, once, on demand: its stylesheet, its script and then (as the reader
// types) its index, all from /pagefind/ on this site (under its base). Results show the matching sections of each page,
// linked under the base too.
import { withBase } from './paths';

interface PagefindUIOptions {
  element: HTMLElement;
  /** Put in front of every result's URL (the index holds site paths). */
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  autofocus: boolean;
  translations: { placeholder: string };
}
interface PagefindUIInstance {
  /** Searches for `term` as if the reader had typed it into the box. */
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: PagefindUIOptions) => PagefindUIInstance;

const PLACEHOLDER = 'Search lessons, the lab, the glossary and sources';
const BASE = withBase('/pagefind/');
const mounted = new WeakSet<HTMLElement>();
let loading: Promise<PagefindUIConstructor> | null = null;

function loadPagefindUI(): Promise<PagefindUIConstructor> {
  loading ??= new Promise<PagefindUIConstructor>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${BASE}pagefind-ui.css`;
    document.head.append(style);
    const script = document.createElement('script');
    script.src = `${BASE}pagefind-ui.js`;
    script.onload = () => {
      const ui = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
      if (ui) resolve(ui);
      else reject(new Error('the search script loaded but has no PagefindUI'));
    };
    script.onerror = () => reject(new Error('the search script could not be loaded'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The search box's placeholder and accessible name (a stand-in box before Pagefind loads uses it too). */
export const SEARCH_PLACEHOLDER = PLACEHOLDER;

/**
 * Puts the search box into `element` (once); `status` says what is happening while it loads or if it fails.
 * `typedSoFar`, when given, says what the reader typed while the search was loading; it is searched for at once.
 */
export async function mountSearch(element: HTMLElement, status: HTMLElement, typedSoFar?: () => string): Promise<void> {
  if (mounted.has(element)) {
    element.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }
  status.textContent = 'Loading search…';
  try {
    const PagefindUI = await loadPagefindUI();
    if (mounted.has(element)) return;
    mounted.add(element);
    const ui = new PagefindUI({ element, baseUrl: withBase('/'), showSubResults: true, showImages: false, autofocus: true, translations: { placeholder: PLACEHOLDER } });
    const term = typedSoFar?.() ?? '';
    if (term) ui.triggerSearch(term);
    // Pagefind's box is named only by its placeholder; give it a real label.
    element.querySelector('input')?.setAttribute('aria-label', PLACEHOLDER);
    status.textContent = '';
  } catch {
    status.textContent = 'Search could not be loaded. Check your connection and try again.';
  }
}
