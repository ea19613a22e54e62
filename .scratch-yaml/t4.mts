import { toYamlCases, chartValuesText } from '../__tests__/yaml/corpus.js';
import { parseValuesYaml, marshalYaml, yamlToGo, parseYamlArray } from '../src/yaml/index.js';
import type { GoValue } from '../src/gotemplate/values.js';
const cases = toYamlCases();
let ok = 0, bad = 0;
for (const c of cases) {
  const chart = c.id.split('/')[0]!;
  let v: GoValue;
  const m = /^from(Yaml|YamlArray) "(.*)"$/.exec(c.expr);
  if (m) {
    const text = JSON.parse('"' + m[2] + '"');
    try { v = m[1] === 'Yaml' ? parseValuesYaml(text) : parseYamlArray(text); }
    catch (e) { v = m[1] === 'Yaml' ? {Error: (e as Error).message} as any : [(e as Error).message]; }
  } else {
    v = parseValuesYaml(chartValuesText(chart));
    for (const p of c.expr.replace(/^\$/, '').split('.').slice(2)) v = v === null ? null : ((v as any)[p] ?? null);
  }
  const got = marshalYaml(v).replace(/\n$/, '');
  if (got === c.expected) ok++; else { bad++; if (bad < 15) console.log('MISMATCH', c.id, c.expr, '\n--- got\n' + got + '\n--- want\n' + c.expected); }
}
console.log(cases.length, ok, bad);
