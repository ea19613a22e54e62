// Differential check of the YAML fast path (src/yaml/fast-decode.ts) against the general
// decoder over every YAML text of a corpus: each document of every golden output and every
// .yaml/.yml file under the given directories. Prints coverage and any mismatch; exits 1 on a
// mismatch. Usage: tsx scripts/yaml-fast-diff.ts DIR...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { splitManifests } from '../src/manifest/split.js';
import { decodeYamlGeneral } from '../src/yaml/decode.js';
import { fastDecode } from '../src/yaml/fast-decode.js';
import { readerProblem } from '../src/yaml/reader-check.js';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (name !== 'templates') yield* walk(p);
    } else if (/\.(ya?ml|golden|txt)$/.test(name) && st.size < 4_000_000) yield p;
  }
}

let total = 0;
let fast = 0;
let bad = 0;
const check = (where: string, text: string) => {
  if (readerProblem(text) !== undefined) return;
  total++;
  let want: unknown;
  let wantErr = false;
  try {
    want = decodeYamlGeneral(text);
  } catch {
    wantErr = true;
  }
  const got = fastDecode(text);
  if (got === undefined) return;
  fast++;
  if (
    wantErr ||
    !isDeepStrictEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want))) ||
    JSON.stringify(got) !== JSON.stringify(want)
  ) {
    bad++;
    if (bad <= 10)
      console.log(
        `MISMATCH ${where}${wantErr ? ' (general decoder fails)' : ''}\n${text.slice(0, 400)}\n`,
      );
  }
};
for (const dir of process.argv.slice(2)) {
  for (const file of walk(dir)) {
    const text = readFileSync(file, 'utf8');
    check(file, text);
    const docs = splitManifests(text);
    if (docs.length > 1) docs.forEach((d, i) => check(`${file}#${i}`, d));
  }
}
console.log(`${total} texts, ${fast} decoded by the fast path, ${bad} mismatches`);
process.exitCode = bad === 0 ? 0 : 1;
