// Stops with one line when this Node.js is older than package.json's engines.node asks (Astro 7.4 needs 22.23.4 or
// newer). Written for any Node version still in use, so the message itself can't fail.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const minimum = /(\d+)\.(\d+)\.(\d+)/.exec(wanted).slice(1).map(Number);
const current = process.versions.node.split('.').map(Number);
const older = (a, b) => (a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

if (older(current, minimum)) {
  console.error(
    `Amp Lab needs Node.js 24 LTS (or ${minimum.join('.')} or newer, as Astro 7 asks); this is Node ${process.versions.node}. See .nvmrc.`,
  );
  process.exit(1);
}
