import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as o}from"./chunk-SKLEK22Q.js";function t(e){return!!(e.HOOKLINE_TRACE||e.RUNNER_DEBUG==="1"||e.ACTIONS_STEP_DEBUG==="true"||e.NODE_OPTIONS?.includes("--enable-source-maps"))}o(t,"traced");function n(){"getBuiltinModule"in process&&process.getBuiltinModule("node:v8").setFlagsFromString("--semi-space-growth-factor=1")}o(n,"keepYoungGenerationSmall");export{t as a,n as b};
//# sourceMappingURL=chunk-PQQ7YL52.js.map
