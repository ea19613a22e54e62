import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as S,b as $,c as v}from"./chunk-6E6FEYM5.js";import{a as h,b as k}from"./chunk-CRYMQINE.js";import{t as C,u as E}from"./chunk-56U7UD4E.js";import{a as y,b as w}from"./chunk-WVP72JJQ.js";import{f as O}from"./chunk-FMDTCY3I.js";import{h as N}from"./chunk-LGGEXQXZ.js";import{pa as b}from"./chunk-DKKMCVLA.js";import"./chunk-5ZZCE5AX.js";import"./chunk-W45LVBVJ.js";import"./chunk-V5Y7G4ZW.js";import{a as l}from"./chunk-OLRVWW5I.js";var L=/# Source: [^/]+\/(.+)/;function R(r,t){try{return h(r,t)}catch{return!1}}l(R,"matches");function V(r,t){let e=N(r),d=[];for(let s of t){let c=s.replace(/\\/g,"/"),n=!1;for(let m of e){let i=L.exec(m);!i||!R(c,i[1])||(d.push(m),n=!0)}if(!n)throw new Error(`could not find template ${s} in chart`)}return d.map(s=>`---
${s}
`).join("")}l(V,"selectShowOnly");function A(r,t){let e=l((n,m,i,a)=>{let f=`${n}/${i}`;r.writeFile(f,`---
# Source: ${i}
${a}
`,{append:m.has(i)}),m.add(i),r.stdout(`wrote ${f}
`)},"write"),d=t.releaseName?`${t.dir}/${t.releaseName}`:t.dir,s=new Set;for(let n of t.crds)e(t.dir,s,n.filename,n.content);for(let n of t.manifests)e(d,s,n.name,n.content);let c=new Set;for(let n of t.hooks)e(d,c,n.path,n.manifest);r.stdout(`
`)}l(A,"writeOutputDir");var j=[...S,{name:"namespace",short:"n",kind:"string"},{name:"kube-version",kind:"string"},{name:"api-versions",short:"a",kind:"stringSlice"},{name:"show-only",short:"s",kind:"stringArray"},{name:"include-crds",kind:"bool"},{name:"skip-crds",kind:"bool"},{name:"skip-tests",kind:"bool"},{name:"no-hooks",kind:"bool"},{name:"is-upgrade",kind:"bool"},{name:"name-template",kind:"string"},{name:"generate-name",short:"g",kind:"bool"},{name:"output-dir",kind:"string"},{name:"release-name",kind:"bool"},{name:"debug",kind:"bool"},{name:"skip-schema-validation",kind:"bool"},{name:"render-subchart-notes",kind:"bool"},{name:"validate",kind:"bool"}];async function Y(r,t){let e=w(r,j),d=e.bools.get("debug")??!1,s=e.strings.get("kube-version")||void 0;if(s!==void 0&&b(s),e.bools.get("validate"))throw new y("--validate needs a cluster; run `hookline install --dry-run` instead");let[c,n]=v(e.positionals,{nameTemplate:e.strings.get("name-template"),generateName:e.bools.get("generate-name")??!1,defaultName:"release-name"}),m=$(e,t),i=k(t.resolve(n)),a;try{a=E(i,{values:m,releaseName:c,namespace:e.strings.get("namespace")??"default",isUpgrade:e.bools.get("is-upgrade")??!1,kubeVersion:s,apiVersions:e.lists.get("api-versions")??[],helmVersion:t.env("HOOKLINE_HELM_VERSION"),skipSchemaValidation:e.bools.get("skip-schema-validation")??!1,includeCrds:e.bools.get("include-crds")??!1,subNotes:e.bools.get("render-subchart-notes")??!1,warn:l(o=>t.log(`${o}
`),"warn")})}catch(o){throw o instanceof C?d?(t.stdout(`${o.debugManifest.trim()}
`),o):new Error(`${o.message}

Use --debug flag to render out invalid YAML`,{cause:o}):o}for(let{path:o,value:I}of a.skippedHooks)t.log(`warning: ${o}: unknown hook ${JSON.stringify(I)}: the document is skipped (neither rendered nor applied)
`);let f=`${a.manifest.trim()}
`,H=e.bools.get("no-hooks")?[]:a.hooks,M=e.bools.get("skip-tests")??!1,u=H.filter(o=>!(M&&O(o))),g=e.strings.get("output-dir");if(g)return A(t,{dir:g,releaseName:e.bools.get("release-name")?c:void 0,crds:e.bools.get("include-crds")?a.crds:[],manifests:a.manifests,hooks:u}),0;for(let o of u)f+=`---
# Source: ${o.path}
${o.manifest}
`;let p=e.lists.get("show-only")??[];return t.stdout(p.length?V(f,p):f),0}l(Y,"templateCommand");export{Y as templateCommand};
//# sourceMappingURL=template-UVJPVTV3.js.map
