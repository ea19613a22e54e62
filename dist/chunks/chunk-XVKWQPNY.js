import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{ca as e,da as n}from"./chunk-MLWC6J2Q.js";import{a as t}from"./chunk-SKLEK22Q.js";function a(r){try{return e(r),!0}catch{return!1}}t(a,"isValidSemver");function s(r,o){try{return n.parse(r).check(e(o))}catch{return!1}}t(s,"isCompatibleRange");export{a,s as b};
//# sourceMappingURL=chunk-XVKWQPNY.js.map
