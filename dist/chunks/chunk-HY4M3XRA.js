import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as s}from"./chunk-SKLEK22Q.js";var g={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"};function c(n){return n.replace(/[&<>"]/g,t=>g[t]).replace(/\s*\n\s*/g," ")}s(c,"htmlText");function o(n){return n.replace(/[&<>]/g,t=>g[t]).replace(/[\\`*_[\]|~#!]/g,t=>`\\${t}`).replace(/\s*\n\s*/g," ")}s(o,"inline");function l(n){let t=n.replace(/\s*\n\s*/g," "),e=Math.max(0,...(t.match(/`+/g)??[]).map(a=>a.length)),r="`".repeat(e+1),i=t.startsWith("`")||t.endsWith("`")?" ":"";return`${r}${i}${t}${i}${r}`}s(l,"code");function p(n,t="text"){let e=Math.max(0,...(n.match(/`{3,}/g)??[]).map(a=>a.length)),r="`".repeat(Math.max(3,e+1)),i=n.endsWith(`
`)?n:`${n}
`;return`${r}${t}
${i}${r}`}s(p,"fence");function u(n,t,e=!1){return[`<details${e?" open":""}><summary>${c(n)}</summary>`,"",...t,"","</details>",""]}s(u,"details");function $(n,t){let e=s(r=>typeof r=="string"?o(r):r.raw,"cell");return[`| ${n.map(r=>o(r)).join(" | ")} |`,`| ${n.map(()=>"---").join(" | ")} |`,...t.map(r=>`| ${r.map(e).join(" | ")} |`),""]}s($,"table");function m(n,t){let e=n.replace(/\n$/,"").split(`
`);return t<0||e.length<=t?{text:n,cut:0}:{text:e.slice(e.length-t).join(`
`),cut:e.length-t}}s(m,"tailLines");export{o as a,l as b,p as c,u as d,$ as e,m as f};
//# sourceMappingURL=chunk-HY4M3XRA.js.map
