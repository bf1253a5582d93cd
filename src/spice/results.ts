/**
 * Reading what ngspice returns: whether its messages say a run failed, and a real analysis's scale (the swept
 * source, or time) with named vectors, an `.ac` sweep's complex vectors, and an `.op`'s one value per vector. Pure:
 * the page, the worker and the Node tests share it.
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

/** An AC sweep: its frequencies and each requested vector as real and imaginary parts. */
export interface ComplexAnalysisVectors {
  readonly frequencyHz: readonly number[];
  readonly vectors: Readonly<Record<string, { readonly re: readonly number[]; readonly im: readonly number[] }>>;
}

/** The frequencies and the named vectors of an `.ac` result; throws, with ngspice's own messages, if any is missing. */
export function complexVectors(result: ResultType, vectorNames: readonly string[], messages: readonly string[] = []): ComplexAnalysisVectors {
  const log = ngspiceLog(messages);
  if (ngspiceFailed(messages)) throw new Error(`ngspice failed:\n${log}`);
  if (result.dataType !== 'complex') throw new Error('ngspice returned real data: that is not an .ac result');
  const [scale, ...columns] = result.data;
  if (scale === undefined || result.numPoints < 1) throw new Error(`ngspice returned no AC analysis${log ? `:\n${log}` : ''}`);
  const byName = new Map(columns.map((column) => [column.name.toLowerCase(), column.values]));
  const vectors: Record<string, { re: number[]; im: number[] }> = {};
  for (const name of vectorNames) {
    const values = byName.get(name.toLowerCase());
    if (values === undefined) throw new Error(`ngspice has no vector "${name}"; it has ${[...byName.keys()].join(', ')}`);
    const re = values.map((v) => v.real);
    const im = values.map((v) => v.img);
    if ([...re, ...im].some((v) => !Number.isFinite(v))) throw new Error(`ngspice's "${name}" holds a non-finite value`);
    vectors[name] = { re, im };
  }
  return { frequencyHz: scale.values.map((v) => v.real), vectors };
}

/** An `.op` result: every vector ngspice gave (node voltages "v(p)", source currents "i(vsupply)"), by lower-case name. */
export function operatingPointValues(result: ResultType, messages: readonly string[] = []): ReadonlyMap<string, number> {
  const log = ngspiceLog(messages);
  if (ngspiceFailed(messages)) throw new Error(`ngspice failed:\n${log}`);
  if (result.dataType !== 'real' || result.numPoints !== 1) {
    throw new Error(`ngspice returned no operating point${log ? `:\n${log}` : ''}`);
  }
  return new Map(
    result.data.map((column) => {
      const value = column.values[0];
      if (value === undefined || !Number.isFinite(value)) throw new Error(`ngspice's "${column.name}" holds no finite value`);
      return [column.name.toLowerCase(), value] as const;
    }),
  );
}

/** One complex value of an `.ac` vector: real and imaginary parts. */
export interface ComplexValue {
  readonly re: number;
  readonly im: number;
}

/** An `.ac` analysis: its frequencies and the vectors asked for, each as complex values in frequency order. */
export interface AcVectors {
  readonly frequenciesHz: readonly number[];
  readonly vectors: Readonly<Record<string, readonly ComplexValue[]>>;
}

/** complexVectors' result with each vector as a list of complex values. */
export function acVectors(result: ResultType, vectorNames: readonly string[], messages: readonly string[] = []): AcVectors {
  const { frequencyHz, vectors } = complexVectors(result, vectorNames, messages);
  return {
    frequenciesHz: frequencyHz,
    vectors: Object.fromEntries(Object.entries(vectors).map(([name, { re, im }]) => [name, re.map((real, i) => ({ re: real, im: im[i] ?? 0 }))])),
  };
}
