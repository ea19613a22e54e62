import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a,b}from"./chunk-UABQ4G6X.js";import"./chunk-SKLEK22Q.js";export{a as USAGE,b as usageOnly};
//# sourceMappingURL=usage-K5TJAPL2.js.map
