import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{p as r,s as t,t as m}from"./chunk-OJ4AOEZ7.js";import{a as o}from"./chunk-SKLEK22Q.js";var n="2006-01-02T15:04:05Z07:00",s="Mon Jan _2 15:04:05 2006",c="2006-01-02 15:04:05.999999999 -0700 MST";function T(e){return e===""?m():t(n,e,r())}o(T,"readHelmTime");function l(e,i){return T(e).format(i)}o(l,"formatHelmTime");export{s as a,c as b,T as c,l as d};
//# sourceMappingURL=chunk-76B6QDHV.js.map
