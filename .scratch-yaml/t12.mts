import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseValuesYaml, marshalYaml } from '../src/yaml/index.js';
import { isMap } from '../src/gotemplate/values.js';
const REAL = '/work/shared/conformance/real-charts';
function merge(dst: any, src: any): any { for (const k of Object.keys(src)) { const s = src[k]; if (s === null) { delete dst[k]; continue; } if (isMap(s) && isMap(dst[k])) merge(dst[k], s); else dst[k] = s; } return dst; }
const cases = JSON.parse(readFileSync(join(REAL,'cases.json'),'utf8'));
const CALL = /^\s*\{\{-? toYaml (\.Values[\w.]*|\.) \| nindent (\d+) \}\}\s*$/;
const WITH = /^\s*\{\{-? with (\.Values[\w.]*) \}\}\s*$/;
const KEY = /^(\s*)([\w.-]+):\s*$/;
let ok=0, bad=0;
for (const c of cases) {
  if (c.expect_error || !(c.values_files ?? []).length) continue;
  const chart = c.chart.replace(/^charts\//,'');
  let vals = parseValuesYaml(readFileSync(join(REAL, c.chart, 'values.yaml'),'utf8'));
  for (const f of c.values_files) vals = merge(vals, parseValuesYaml(readFileSync(join(REAL, f),'utf8')));
  const golden = readFileSync(join(REAL,'golden',c.id+'.yaml'),'utf8');
  const dir = join(REAL, c.chart, 'templates'); if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir,{recursive:true}) as string[]) {
    if (!file.endsWith('.yaml')) continue;
    const lines = readFileSync(join(dir,file),'utf8').split('\n');
    const docs: string[][] = []; let cur: string[]|undefined;
    for (const l of golden.split('\n')) { if (l==='---') cur=undefined; else if (l===`# Source: ${chart}/templates/${file}`) docs.push(cur=[]); else if (cur) cur.push(l); }
    if (docs.length !== 1) continue;
    const doc = docs[0]!;
    for (let i=1;i<lines.length;i++) {
      const call = CALL.exec(lines[i]!); const key = KEY.exec(lines[i-1]!);
      if (!call||!key) continue;
      if (lines.filter(l=>l===lines[i-1]).length!==1) continue;
      const next = lines[i+1] ?? ''; const ni = /^\s*/.exec(next)![0].length;
      if (!/^\s*(\{\{-.*)?$/.test(next) && ni >= Number(call[2])) continue;
      let expr = call[1]!; if (expr==='.') { const w = WITH.exec(lines[i-2] ?? ''); if (!w) continue; expr = w[1]!; }
      const kl = lines[i-1]!.replace(/\s+$/,''); const at = doc.indexOf(kl); if (at<0||doc.indexOf(kl,at+1)>=0) continue;
      const pad=' '.repeat(Number(call[2])); const out:string[]=[]; for (let j=at+1;j<doc.length&&doc[j]!.startsWith(pad);j++) out.push(doc[j]!.slice(pad.length));
      const exp = out.join('\n'); if (!exp) continue;
      let v: any = vals; for (const p of expr.split('.').slice(2)) v = v==null?null:(v[p] ?? null);
      const got = marshalYaml(v).replace(/\n$/,'');
      if (got===exp) ok++; else { bad++; console.log('MISMATCH', c.id, file, expr, '\n'+got+'\n---want\n'+exp); }
    }
  }
}
console.log(ok, bad);
