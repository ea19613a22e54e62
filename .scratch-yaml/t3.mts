import { yamlToGo, marshalYaml, marshalYamlPretty, parseValuesYaml } from '../src/yaml/index.js';
import { readFileSync } from 'node:fs';
const v = parseValuesYaml(readFileSync('/work/shared/conformance/generated/charts/fz0/values.yaml','utf8'));
console.log(JSON.stringify(v).slice(0,600));
console.log(marshalYaml(v));
console.log(marshalYamlPretty(v));
for (const t of ['a: [1, 2\nb: 3\n','bad: [unclosed', "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\"\nspec:\n  containers:\n  - name: waiter\n    image: \"alpine:3.9\"\n    command: [\"/bin/sleep\",\"9000\"]\ninvalid"]) {
  try { yamlToGo(t); console.log('no error'); } catch (e) { console.log((e as Error).message); }
}
