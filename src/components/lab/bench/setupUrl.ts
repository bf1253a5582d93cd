// The bench's setup in the page's query string: ?a=<amp>&la=<load>[&b=<amp>&lb=<load>], a load written as its ohms
// ("32") or as "hp-<headphone id>". Leaves out: measurement results (they are re-measured, not stored).
import type { BenchLoad } from '../../../dsp/bench/benchAmps';

export interface BenchUrlState {
  readonly a: { readonly ampId: string; readonly load: BenchLoad };
  /** The second setup, when comparing. */
  readonly b: { readonly ampId: string; readonly load: BenchLoad } | null;
}

export function loadToParam(load: BenchLoad): string {
  return load.kind === 'resistor' ? String(load.ohms) : `hp-${load.id}`;
}

/** A load from its parameter, or null when the text is neither an offered resistance nor a known headphone id. */
export function loadFromParam(text: string | null, resistorsOhms: readonly number[], headphoneIds: readonly string[]): BenchLoad | null {
  if (!text) return null;
  if (text.startsWith('hp-')) {
    const id = text.slice(3);
    return headphoneIds.includes(id) ? { kind: 'headphone', id } : null;
  }
  const ohms = Number(text);
  return resistorsOhms.includes(ohms) ? { kind: 'resistor', ohms } : null;
}

export function stateToQuery(state: BenchUrlState): string {
  const params = new URLSearchParams({ a: state.a.ampId, la: loadToParam(state.a.load) });
  if (state.b) {
    params.set('b', state.b.ampId);
    params.set('lb', loadToParam(state.b.load));
  }
  return `?${params.toString()}`;
}

/** Reads the state from a query string; unknown or missing values fall back to `fallback`'s. */
export function stateFromQuery(
  query: string,
  fallback: BenchUrlState,
  ampIds: readonly string[],
  resistorsOhms: readonly number[],
  headphoneIds: readonly string[],
): BenchUrlState {
  const params = new URLSearchParams(query);
  const amp = (key: string, otherwise: string) => {
    const id = params.get(key);
    return id !== null && ampIds.includes(id) ? id : otherwise;
  };
  const a = { ampId: amp('a', fallback.a.ampId), load: loadFromParam(params.get('la'), resistorsOhms, headphoneIds) ?? fallback.a.load };
  const hasB = params.has('b');
  const bFallback = fallback.b ?? fallback.a;
  const b = hasB ? { ampId: amp('b', bFallback.ampId), load: loadFromParam(params.get('lb'), resistorsOhms, headphoneIds) ?? bFallback.load } : null;
  return { a, b };
}
