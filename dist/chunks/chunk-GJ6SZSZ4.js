import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{b as r,d as i}from"./chunk-SKLEK22Q.js";var o=i((p,e)=>{e.exports=r("node:module")});export{o as a};
//# sourceMappingURL=chunk-GJ6SZSZ4.js.map
