import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as r}from"./chunk-SKLEK22Q.js";var n=class extends Error{constructor(s,e){super(e);this.chart=s;this.name="ProvenanceError"}chart;static{r(this,"ProvenanceError")}};export{n as a};
//# sourceMappingURL=chunk-6RPTQYF3.js.map
