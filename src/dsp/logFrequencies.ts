// Frequency grids for curves and searches, alone in their module so a widget that needs a grid loads no model with it.

/** count frequencies from fromHz to toHz (both included), equally spaced on a log axis. */
export function logFrequencies(fromHz: number, toHz: number, count: number): number[] {
  if (!(fromHz > 0) || !(toHz > 0) || !Number.isFinite(fromHz) || !Number.isFinite(toHz)) {
    throw new RangeError('logFrequencies: fromHz and toHz must be finite and > 0');
  }
  const points = Math.floor(count);
  if (!(points >= 1)) return [];
  if (points === 1) return [fromHz];
  const ratio = toHz / fromHz;
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? toHz : fromHz * ratio ** (i / (points - 1))));
}
