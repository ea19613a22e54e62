import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as o}from"./chunk-SKLEK22Q.js";function r(e){return!!(e.HOOKLINE_TRACE||e.RUNNER_DEBUG==="1"||e.ACTIONS_STEP_DEBUG==="true"||e.NODE_OPTIONS?.includes("--enable-source-maps"))}o(r,"traced");function t(){process.getBuiltinModule("node:v8").setFlagsFromString("--semi-space-growth-factor=1")}o(t,"keepYoungGenerationSmall");export{r as a,t as b};
//# sourceMappingURL=chunk-4SDYZA47.js.map
