// The name of the service worker's cache of visited pages: scripts/serviceWorker.mjs fills it, the offline page
// reads it to list the lessons saved on this device.
export const PAGES_CACHE = 'amp-lab-pages';
