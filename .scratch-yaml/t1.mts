import { parseAllDocuments, isMap, isSeq, isScalar, isAlias } from 'yaml';
const docs = parseAllDocuments("a: &x 1\nb: *x\nc: !!str 12\n<<: {d: 1}\ne: 'q'\nf: |\n  x\n---\nbad: [", { version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false });
const d = Array.isArray(docs) ? docs[0] : docs;
console.log(JSON.stringify(d.contents, null, 0).slice(0, 800));
for (const it of (d.contents as any).items) console.log(it.key.type, it.key.value, it.value?.constructor?.name, it.value?.type, it.value?.tag, it.value?.anchor, it.value?.source);
console.log(d.errors, (docs as any)[1].errors.map((e:any)=>[e.code,e.message,e.linePos]));
