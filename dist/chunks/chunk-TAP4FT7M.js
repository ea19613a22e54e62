import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a,d as f}from"./chunk-76B6QDHV.js";import{a as p}from"./chunk-OBSZDQ42.js";import{a as r,f as u}from"./chunk-SKLEK22Q.js";var c=u(p(),1);var i=`---
# Source: `,S="# HIDDEN: The Secret output has been suppressed";function h(e,n={}){let t=`NAME: ${e.name}
`;if(e.info.last_deployed!==""&&(t+=`LAST DEPLOYED: ${f(e.info.last_deployed,a)}
`),t+=`NAMESPACE: ${e.namespace}
`,t+=`STATUS: ${e.info.status}
`,t+=`REVISION: ${e.version}
`,t+=l(e.hooks),e.info.description.toLowerCase()==="dry run complete"){t+=`HOOKS:
`;for(let s of e.hooks)t+=`---
# Source: ${s.path}
${s.manifest}
`;let o=n.hideSecret?m(e.manifest):e.manifest;t+=`MANIFEST:
${o}
`}return e.info.notes.length>0&&(t+=`NOTES:
${e.info.notes.trim()}
`),t}r(h,"formatStatus");function l(e){let n=e.filter(o=>o.events.includes("test"));if(n.length===0)return`TEST SUITE: None
`;let t="";for(let o of n)for(let s of o.events)s!=="test"||o.last_run.started_at===""||(t+=`TEST SUITE:     ${o.name}
Last Started:   ${f(o.last_run.started_at,a)}
Last Completed: ${f(o.last_run.completed_at,a)}
Phase:          ${o.last_run.phase}
`);return t}r(l,"testSuites");function m(e){return e.startsWith(i)?e.slice(i.length).split(`
${i}`).map(n=>{let t=n.indexOf(`
`),o=t<0?n:n.slice(0,t),s=t<0?"":n.slice(t+1);return d(s)?`${i}${o}
${S}
`:`${i}${n}`}).map((n,t,o)=>t<o.length-1&&!n.endsWith(`
`)?`${n}
`:n).join(""):e}r(m,"hideSecrets");function d(e){let n;try{n=(0,c.parse)(e)}catch{return!1}if(n===null||typeof n!="object")return!1;let t=n;return t.apiVersion==="v1"&&t.kind==="Secret"}r(d,"isV1Secret");export{h as a};
//# sourceMappingURL=chunk-TAP4FT7M.js.map
