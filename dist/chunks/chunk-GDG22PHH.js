import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{r as n}from"./chunk-BDSP267I.js";import{a as o}from"./chunk-SKLEK22Q.js";var r={now:o(()=>n.now(),"now")};export{r as a};
//# sourceMappingURL=chunk-GDG22PHH.js.map
