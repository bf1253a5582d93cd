// A test-only page built by Vite in memory and served from a server of its own on 127.0.0.1 (a secure context, so
// AudioWorklet is there; a page's AudioWorklet.addModule fetch does not pass through page.route). dacOffline.spec.ts
// and circuitListen.spec.ts use it for their harnesses.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { build, type PluginOption, type Rolldown } from 'vite';

type HarnessFiles = Map<string, { body: string | Uint8Array; contentType: string }>;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

/** Builds the harness in `dir` (its index.html and what it imports) under `base`, without writing files. */
async function buildHarness(dir: string, base: string, plugins: PluginOption[]): Promise<HarnessFiles> {
  const result = await build({
    configFile: false,
    root: dir,
    base,
    logLevel: 'error',
    plugins,
    build: { write: false, minify: false, rolldownOptions: { input: join(dir, 'index.html') } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files: HarnessFiles = new Map();
  for (const output of outputs) {
    for (const file of output.output) {
      const body = file.type === 'chunk' ? file.code : file.source;
      files.set(`${base}${file.fileName}`, { body, contentType: CONTENT_TYPES[extname(file.fileName)] ?? 'application/octet-stream' });
    }
  }
  return files;
}

export interface ServedHarness {
  /** The harness page's address. */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the harness in `dir` and serves it under `base` on a free port. */
export async function serveHarness(dir: string, base: string, plugins: PluginOption[] = []): Promise<ServedHarness> {
  const files = await buildHarness(dir, base, plugins);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(file ? 200 : 404, { 'content-type': file?.contentType ?? 'text/plain' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}${base}index.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
