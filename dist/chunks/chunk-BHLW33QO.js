import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{r as n}from"./chunk-HUHAL7I4.js";import{a as o}from"./chunk-SKLEK22Q.js";var r={now:o(()=>n.now(),"now")};export{r as a};
//# sourceMappingURL=chunk-BHLW33QO.js.map
