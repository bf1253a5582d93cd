// Wide display equations scroll sideways inside their own box on a narrow screen; a box that scrolls must be
// reachable from the keyboard, so it joins the tab order only while it actually overflows (a resize can change that).
// Equations that fit stay out of the tab order.

export function focusableWhenScrolling(selector: string, root: ParentNode = document): void {
  const update = (element: HTMLElement) => {
    if (element.scrollWidth > element.clientWidth + 1) element.tabIndex = 0;
    else element.removeAttribute('tabindex');
  };
  const elements = [...root.querySelectorAll<HTMLElement>(selector)];
  elements.forEach(update);
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  elements.forEach((element) => observer.observe(element));
}
