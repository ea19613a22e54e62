import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as e}from"./chunk-SKLEK22Q.js";function t(r){return r instanceof Error?r:new Error(String(r))}e(t,"asError");function u(r,o){for(let n=r;n instanceof Error;n=n.cause)if(n instanceof o)return n}e(u,"causeOfType");function i(r){return r instanceof Error?r.message:String(r)}e(i,"errorText");export{t as a,u as b,i as c};
//# sourceMappingURL=chunk-CUHKOS2P.js.map
