import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{r as n}from"./chunk-OJ4AOEZ7.js";import{a as o}from"./chunk-SKLEK22Q.js";var r={now:o(()=>n.now(),"now")};export{r as a};
//# sourceMappingURL=chunk-MN4LRZ73.js.map
