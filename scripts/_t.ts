import { readFileSync } from 'node:fs';
import { splitManifests } from '../src/manifest/split.js';
import { fastDecode } from '../src/yaml/fast-decode.js';
const text = readFileSync(process.argv[2]!, 'utf8');
const docs = process.argv[3] ? [text] : splitManifests(text);
let n = 0,
  f = 0,
  bytes = 0,
  fb = 0;
for (const d of docs) {
  n++;
  bytes += d.length;
  if (fastDecode(d) !== undefined) {
    f++;
    fb += d.length;
  } else if (process.argv[4]) console.log('---BAIL\n' + d.slice(0, 300));
}
console.log(`${f}/${n} docs, ${fb}/${bytes} bytes fast`);
