import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
var C=4e3;export{C as a};
//# sourceMappingURL=chunk-QQGPH4KG.js.map
