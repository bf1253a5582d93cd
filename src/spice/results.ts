/**
 * Reading what ngspice returns: whether its messages say a run failed, a real analysis's scale (the swept source,
 * or time) with named vectors, and an `.ac` analysis's frequencies with named complex vectors. Pure: the page, the
 * worker and the Node tests share it.
 */
import type { ResultType } from 'eecircuit-engine';

/** ngspice's messages that mean a run produced nothing to trust (the engine then hands back the previous run's data). */
const FATAL_MESSAGE = /fatal|error|aborted|not converge|singular|timestep too small/i;

/** ngspice's messages as one text, blank lines left out. */
export function ngspiceLog(messages: readonly string[]): string {
  return messages.filter((line) => line.trim().length > 0).join('\n');
}

/** Whether ngspice's messages for a run say it failed. */
export function ngspiceFailed(messages: readonly string[]): boolean {
  return messages.some((line) => FATAL_MESSAGE.test(line));
}

/** One real analysis: its scale and the vectors asked for, in scale order. */
export interface AnalysisVectors {
  /** The swept source's values (`.dc`) or the times (`.tran`, not uniformly spaced). */
  readonly scale: readonly number[];
  /** Each requested vector's values, keyed by the name as requested (e.g. "v(p)", "i(vcp)"). */
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** The scale and the named vectors of a real result; throws, with ngspice's own messages, if any is missing. */
export function realVectors(result: ResultType, vectorNames: readonly string[], messages: readonly string[] = []): AnalysisVectors {
  const log = ngspiceLog(messages);
  if (ngspiceFailed(messages)) throw new Error(`ngspice failed:\n${log}`);
  if (result.dataType !== 'real') throw new Error('ngspice returned complex data: that is an .ac result, not a sweep or a transient');
  const [scale, ...columns] = result.data;
  if (scale === undefined || result.numPoints < 2) throw new Error(`ngspice returned no sweep${log ? `:\n${log}` : ''}`);
  const byName = new Map(columns.map((column) => [column.name.toLowerCase(), column.values]));
  const vectors: Record<string, readonly number[]> = {};
  for (const name of vectorNames) {
    const values = byName.get(name.toLowerCase());
    if (values === undefined) {
      throw new Error(`ngspice has no vector "${name}"; it has ${[...byName.keys()].join(', ')}`);
    }
    if (values.some((v) => !Number.isFinite(v))) throw new Error(`ngspice's "${name}" holds a non-finite value`);
    vectors[name] = values;
  }
  return { scale: scale.values, vectors };
}

/** One complex value of an `.ac` vector: real and imaginary parts. */
export interface ComplexValue {
  readonly re: number;
  readonly im: number;
}

/** An `.ac` analysis: its frequencies and the vectors asked for, in frequency order. */
export interface AcVectors {
  readonly frequenciesHz: readonly number[];
  readonly vectors: Readonly<Record<string, readonly ComplexValue[]>>;
}

/** The frequencies and the named complex vectors of an `.ac` result; throws, with ngspice's own messages, if any is missing. */
export function acVectors(result: ResultType, vectorNames: readonly string[], messages: readonly string[] = []): AcVectors {
  const log = ngspiceLog(messages);
  if (ngspiceFailed(messages)) throw new Error(`ngspice failed:\n${log}`);
  if (result.dataType !== 'complex') throw new Error('ngspice returned real data: that is a sweep or a transient, not an .ac result');
  const [scale, ...columns] = result.data;
  if (scale === undefined || result.numPoints < 1) throw new Error(`ngspice returned no AC analysis${log ? `:\n${log}` : ''}`);
  const byName = new Map(columns.map((column) => [column.name.toLowerCase(), column.values]));
  const vectors: Record<string, readonly ComplexValue[]> = {};
  for (const name of vectorNames) {
    const values = byName.get(name.toLowerCase());
    if (values === undefined) {
      throw new Error(`ngspice has no vector "${name}"; it has ${[...byName.keys()].join(', ')}`);
    }
    if (values.some((v) => !Number.isFinite(v.real) || !Number.isFinite(v.img))) throw new Error(`ngspice's "${name}" holds a non-finite value`);
    vectors[name] = values.map((v) => ({ re: v.real, im: v.img }));
  }
  return { frequenciesHz: scale.values.map((v) => v.real), vectors };
}
