/**
 * Runs ngspice in batch mode on a netlist with a `.dc` sweep and returns the swept values and the requested
 * vectors as numbers, for tests that check our circuit models against an independent simulator. Leaves out: other
 * analyses (.op, .ac, .tran) and any netlist with its own .control block — this helper writes that block itself.
 * ngspice is required: a missing binary is an error, never a skipped test.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGSPICE_PATH = '/usr/bin/ngspice';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface DcSweep {
  /** The swept source's values, in sweep order. */
  readonly sweep: number[];
  /** The vector's value at each sweep point. */
  readonly values: number[];
}

export interface DcSweepVectors {
  readonly sweep: number[];
  /** Each requested vector's values, keyed by the name as requested (e.g. "v(p)", "i(vbb)"). */
  readonly vectors: Readonly<Record<string, number[]>>;
}

export interface NgspiceOptions {
  readonly timeoutMs?: number;
}

/** Throws if ngspice is not installed where we expect it, with what to do about it. */
export function assertNgspiceInstalled(): void {
  try {
    accessSync(NGSPICE_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `ngspice not found at ${NGSPICE_PATH}: the SPICE cross-checks need it (Debian/Ubuntu: apt-get install ngspice)`,
    );
  }
}

/** The netlist without its final `.end`, with a .control block that runs the deck and writes the vectors. */
function withControlBlock(netlist: string, vectors: readonly string[], dataPath: string): string {
  const lines = netlist.replace(/\r\n/g, '\n').split('\n');
  if (lines.some((line) => /^\s*\.control\b/i.test(line))) {
    throw new Error('runDcSweep: the netlist must not have its own .control block (the helper writes one)');
  }
  if (!lines.some((line) => /^\s*\.dc\b/i.test(line))) {
    throw new Error('runDcSweep: the netlist has no .dc line to sweep');
  }
  while (lines.length > 0 && /^\s*(\.end\s*)?$/i.test(lines[lines.length - 1] ?? '')) lines.pop();
  return [
    ...lines,
    '.control',
    'set filetype=ascii',
    'set wr_vecnames',
    'set wr_singlescale',
    'set numdgt=12',
    'run',
    `wrdata ${dataPath} ${vectors.join(' ')}`,
    'quit',
    '.endc',
    '.end',
    '',
  ].join('\n');
}

function runNgspice(cwd: string, netlistPath: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(NGSPICE_PATH, ['-b', netlistPath], { cwd, timeout: timeoutMs }, (error, stdout, stderr) => {
      const log = `${stdout}\n${stderr}`;
      if (error) {
        const reason = error.killed ? `timed out after ${timeoutMs} ms` : error.message;
        reject(new Error(`ngspice failed (${reason}):\n${log.slice(-2000)}`));
        return;
      }
      resolve(log);
    });
  });
}

/** Parses wrdata's single-scale table: a header line of names, then one row of numbers per sweep point. */
function parseTable(text: string, vectors: readonly string[], log: string): DcSweepVectors {
  const rows = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const [header, ...data] = rows;
  if (header === undefined || data.length === 0) {
    throw new Error(`ngspice wrote no data rows; its output ends:\n${log.slice(-2000)}`);
  }
  const columns = vectors.length + 1;
  const sweep: number[] = [];
  const values: number[][] = vectors.map(() => []);
  for (const row of data) {
    const numbers = row.split(/\s+/).map(Number);
    if (numbers.length !== columns || numbers.some((n) => !Number.isFinite(n))) {
      throw new Error(`ngspice data row not ${columns} finite numbers: "${row}"`);
    }
    sweep.push(numbers[0] ?? Number.NaN);
    values.forEach((column, i) => column.push(numbers[i + 1] ?? Number.NaN));
  }
  return { sweep, vectors: Object.fromEntries(vectors.map((name, i) => [name, values[i] ?? []])) };
}

/**
 * Runs the netlist's `.dc` sweep (`ngspice -b`, in a temporary directory) and returns the sweep and each vector.
 * Throws if ngspice is missing, fails, times out, or writes no data (its log is in the message).
 */
export async function runDcSweepVectors(
  netlist: string,
  vectors: readonly string[],
  options: NgspiceOptions = {},
): Promise<DcSweepVectors> {
  assertNgspiceInstalled();
  if (vectors.length === 0) throw new Error('runDcSweep: name at least one vector, e.g. "v(out)"');
  const dir = await mkdtemp(join(tmpdir(), 'ngspice-'));
  try {
    const netlistPath = join(dir, 'deck.cir');
    const dataPath = join(dir, 'sweep.txt');
    await writeFile(netlistPath, withControlBlock(netlist, vectors, dataPath));
    const log = await runNgspice(dir, netlistPath, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const text = await readFile(dataPath, 'utf8').catch(() => '');
    return parseTable(text, vectors, log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One vector of a `.dc` sweep: runDcSweepVectors for the common case. */
export async function runDcSweep(netlist: string, vector: string, options: NgspiceOptions = {}): Promise<DcSweep> {
  const { sweep, vectors } = await runDcSweepVectors(netlist, [vector], options);
  return { sweep, values: vectors[vector] ?? [] };
}
