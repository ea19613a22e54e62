import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a}from"./chunk-SKLEK22Q.js";var t="Kubernetes cluster unreachable";async function r(e){if(e.unreachableCause){let n=await e.unreachableCause();return n?`${t}: ${n.message}`:void 0}return await e.isReachable()?void 0:t}a(r,"unreachableMessage");export{r as a};
//# sourceMappingURL=chunk-EFRZM33W.js.map
