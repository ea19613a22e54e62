import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a,b,c}from"./chunk-WDKNV43Q.js";import"./chunk-KFBCHZ52.js";import"./chunk-CUHKOS2P.js";import"./chunk-SKLEK22Q.js";export{c as failureMessage,b as failureOf,a as runVerb};
//# sourceMappingURL=verb-ZN75TWTY.js.map
