import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{c as o}from"./chunk-V5Y7G4ZW.js";import{a as n}from"./chunk-OLRVWW5I.js";var e={tz:n(()=>process.env.TZ,"tz"),nowMillis:n(()=>Date.now(),"nowMillis"),monotonicNanos:n(()=>process.hrtime.bigint(),"monotonicNanos")};function t(){return o(e)}n(t,"installNodeEnvironment");export{t as installNodeEnvironment,e as nodeTimeEnvironment};
//# sourceMappingURL=node-environment-ONAIYE3Q.js.map
