import { parseAllDocuments } from 'yaml';
for (const t of ['a: 1\ninvalid\nb: 2\n', 'a: [\n1, 2]\n']) {
const docs = parseAllDocuments(t, { version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
const d = (docs as any)[0];
console.log(JSON.stringify(d.errors.map((e:any)=>[e.code,e.message,e.pos])), JSON.stringify(d.contents?.toJSON()));
}
