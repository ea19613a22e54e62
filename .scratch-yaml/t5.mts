import { realToYamlCases, realValuesText } from '../__tests__/yaml/corpus.js';
import { parseValuesYaml, marshalYaml } from '../src/yaml/index.js';
import type { GoValue } from '../src/gotemplate/values.js';
const cases = realToYamlCases();
let ok = 0, bad = 0;
for (const c of cases) {
  let v: GoValue = parseValuesYaml(realValuesText(c.chart));
  for (const p of c.path) v = v === null ? null : ((v as any)[p] ?? null);
  const got = marshalYaml(v).replace(/\n$/, '');
  if (got === c.expected) ok++; else { bad++; if (bad < 8) console.log('MISMATCH', c.id, c.expr, '\n--- got\n' + got + '\n--- want\n' + c.expected); }
}
console.log(cases.length, ok, bad);
