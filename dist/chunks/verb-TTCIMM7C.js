import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a,b,c}from"./chunk-XFITS5X5.js";import"./chunk-KFBCHZ52.js";import"./chunk-CUHKOS2P.js";import"./chunk-SKLEK22Q.js";export{c as failureMessage,b as failureOf,a as runVerb};
//# sourceMappingURL=verb-TTCIMM7C.js.map
