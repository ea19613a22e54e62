import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as r}from"./chunk-SKLEK22Q.js";function l(e){return[...e].sort((t,n)=>t.version-n.version)}r(l,"sortByRevision");function o(e,t){return t(e).reverse()}r(o,"reverse");function p(e){return o(e,l)[0]}r(p,"latest");export{l as a,o as b,p as c};
//# sourceMappingURL=chunk-TZ5YVC42.js.map
