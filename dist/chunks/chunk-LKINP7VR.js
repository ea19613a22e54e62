import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{c as e,d as n}from"./chunk-BWKPM3NG.js";import{a as t}from"./chunk-SKLEK22Q.js";function a(r){try{return e(r),!0}catch{return!1}}t(a,"isValidSemver");function s(r,o){try{return n.parse(r).check(e(o))}catch{return!1}}t(s,"isCompatibleRange");export{a,s as b};
//# sourceMappingURL=chunk-LKINP7VR.js.map
