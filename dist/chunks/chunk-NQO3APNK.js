import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
var c=Object.defineProperty;var d=(a,b)=>c(a,"name",{value:b,configurable:!0});export{d as a};
//# sourceMappingURL=chunk-NQO3APNK.js.map
