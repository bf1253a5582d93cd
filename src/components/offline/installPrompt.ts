// "Install Amp Lab": the button shows only once the browser says it can install the site (beforeinstallprompt, in
// Chromium-based browsers), so it never sits there doing nothing; pressing it opens the browser's own install dialog.

/** Chromium's event (not yet in TypeScript's DOM types): `prompt()` opens the install dialog, once. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

const isInstallPrompt = (event: Event): event is BeforeInstallPromptEvent => 'prompt' in event && typeof event.prompt === 'function';

/** Shows `offer` (which holds `button`) while the browser can install the site; `button` asks it to. */
export function offerInstall(offer: HTMLElement, button: HTMLButtonElement): void {
  let pending: BeforeInstallPromptEvent | null = null;
  const withdraw = () => {
    pending = null;
    offer.hidden = true;
  };
  window.addEventListener('beforeinstallprompt', (event) => {
    if (!isInstallPrompt(event)) return;
    // Our button replaces the browser's own mini-infobar on phones; the address bar's install icon stays.
    event.preventDefault();
    pending = event;
    offer.hidden = false;
  });
  button.addEventListener('click', () => {
    const event = pending;
    withdraw();
    event?.prompt().catch(() => undefined);
  });
  window.addEventListener('appinstalled', withdraw);
}
