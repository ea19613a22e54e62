import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as o}from"./chunk-SKLEK22Q.js";function E(e){return!!(e.HOOKLINE_TRACE||e.RUNNER_DEBUG==="1"||e.ACTIONS_STEP_DEBUG==="true"||e.NODE_OPTIONS?.includes("--enable-source-maps"))}o(E,"traced");export{E as a};
//# sourceMappingURL=chunk-GLS5MBL3.js.map
