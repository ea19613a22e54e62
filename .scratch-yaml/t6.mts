import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseValuesYaml, yamlToGo } from '../src/yaml/index.js';
function walk(d: string, out: string[]) { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p, out); else out.push(p); } return out; }
const all = walk('/work/shared/conformance', []);
let n = 0, fail = 0;
for (const p of all.filter(p => /values[^/]*\.yaml$/.test(p) && !p.includes('/templates/'))) {
  n++;
  try { parseValuesYaml(readFileSync(p, 'utf8')); } catch (e) { fail++; console.log(p, (e as Error).message); }
}
console.log('values', n, fail);
let docs = 0, dfail = 0;
for (const p of all.filter(p => /\/golden\/.*\.yaml$/.test(p))) {
  const text = readFileSync(p, 'utf8');
  for (const piece of text.split(/(?:^|\s*\n)---\s*/)) {
    const t = piece.trim(); if (!t) continue; docs++;
    try { yamlToGo(t); } catch (e) { dfail++; if (dfail < 10) console.log(p, (e as Error).message, JSON.stringify(t.slice(0,200))); }
  }
}
console.log('docs', docs, dfail);
