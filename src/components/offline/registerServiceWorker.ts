// Registers the service worker that scripts/serviceWorker.mjs builds, and hands over to a new version cleanly: the
// new worker waits (a page keeps the scripts it was loaded with) and the page says a new version is ready; Reload
// lets it take over, then reloads once it has. A page whose worker was replaced from another tab says so too. On a
// first visit it asks the new worker to keep the page, so the lesson just read opens offline.

/** What the page shows when a new version is ready: `show(reload)` reveals it, its button calls `reload`. */
export interface UpdateNotice {
  show(reload: () => void): void;
}

/** The message Workbox's generated worker answers by activating at once (skipWaiting). */
const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** Workbox's message asking the worker to fetch URLs through its own routes, so a page joins the pages cache. */
const cacheUrls = (urls: readonly string[]) => ({ type: 'CACHE_URLS', payload: { urlsToCache: urls } }) as const;

/** Registers `scriptUrl` for `scope` after the page has loaded; offline support is an extra, so failures stay quiet. */
export function registerServiceWorker(scriptUrl: string, scope: string, notice: UpdateNotice): void {
  if (!('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  const hadController = workers.controller !== null;
  let reloadAsked = false;
  workers.addEventListener('controllerchange', () => {
    if (reloadAsked) window.location.reload();
    else if (hadController) notice.show(() => window.location.reload());
  });
  const offer = (waiting: ServiceWorker) =>
    notice.show(() => {
      reloadAsked = true;
      waiting.postMessage(SKIP_WAITING);
    });
  const register = () => {
    workers
      .register(scriptUrl, { scope })
      .then((registration) => {
        if (registration.waiting && workers.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && workers.controller) offer(installing);
          });
        });
      })
      .catch(() => undefined);
  };
  // A first visit is not served by the worker (it starts afterwards), so ask it to keep this page as well.
  if (!hadController) {
    const page = window.location.href.split('#')[0] ?? window.location.href;
    void workers.ready.then((registration) => registration.active?.postMessage(cacheUrls([page])));
  }
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
