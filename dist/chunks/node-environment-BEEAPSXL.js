import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{c as o}from"./chunk-HWL35GYA.js";import{a as n}from"./chunk-SKLEK22Q.js";var e={tz:n(()=>process.env.TZ,"tz"),nowMillis:n(()=>Date.now(),"nowMillis"),monotonicNanos:n(()=>process.hrtime.bigint(),"monotonicNanos")};function t(){return o(e)}n(t,"installNodeEnvironment");export{t as installNodeEnvironment,e as nodeTimeEnvironment};
//# sourceMappingURL=node-environment-BEEAPSXL.js.map
