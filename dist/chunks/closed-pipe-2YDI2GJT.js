import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a,b,c}from"./chunk-5WIFLE7Q.js";import"./chunk-SKLEK22Q.js";export{c as drained,b as readerGone,a as tolerateClosedPipe};
//# sourceMappingURL=closed-pipe-2YDI2GJT.js.map
