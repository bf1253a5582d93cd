// The width an element is drawn at, in CSS pixels, kept up to date as it resizes, so a plot can lay itself out in
// real pixels: its text stays at its CSS size (12 px labels stay 12 px on a phone) instead of shrinking with a viewBox.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useMeasuredWidth<T extends HTMLElement>(defaultPx: number): [RefObject<T>, number] {
  const ref = useRef<T>(null);
  const [widthPx, setWidthPx] = useState(defaultPx);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = (measuredPx: number): void => {
      if (measuredPx > 0) setWidthPx(Math.round(measuredPx));
    };
    measure(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry !== undefined) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, widthPx];
}
