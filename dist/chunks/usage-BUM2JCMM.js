import{createRequire as __hooklineRequire}from'node:module';const require=__hooklineRequire(import.meta.url);
import{a as l}from"./chunk-NQO3APNK.js";var t=`hookline: Helm's chart lifecycle, natively.

Usage:
  hookline template [NAME] CHART [flags]   render a chart exactly as \`helm template\`
  hookline install NAME CHART [flags]      install a chart (helm install)
  hookline upgrade NAME CHART [flags]      upgrade a release (helm upgrade; -i installs)
  hookline rollback NAME [REVISION]        roll a release back (helm rollback)
  hookline uninstall NAME [flags]          uninstall a release (helm uninstall)
  hookline test NAME [--logs]              run a release's test hooks (helm test)
  hookline status NAME [--revision N]      show a release (helm status)
  hookline history NAME [--max N]          list a release's revisions (helm history)
  hookline recover-pending NAME            mark a release stuck in pending-* as failed
  hookline simulator [--port N] [--kubeconfig-out FILE] [--speed X] [--faults SPEC]
                                           serve the simulated Kubernetes cluster
  hookline demo [CHART]                    a chart's whole lifecycle on the simulated cluster
  hookline pull CHART [--version V]        download a chart (helm pull)
  hookline push CHART.tgz oci://REMOTE     push a chart archive to an OCI registry (helm push)
  hookline repo add|list|remove|update     manage chart repositories (helm repo)
  hookline registry login|logout HOST      store registry credentials (helm registry login)
  hookline dependency build|update|list DIR
                                           vendor a chart's dependencies (helm dependency)

A CHART is a directory, a .tgz, oci://REGISTRY/PATH/NAME (with --version or @sha256:\u2026),
REPO/CHART (after \`hookline repo add\`), --repo URL CHART, or an https URL to a .tgz.

Cluster commands take --kubeconfig FILE, --kube-context, -n/--namespace, or --simulate (an
in-process simulated cluster for this one command).
`;function n(o,a){let[e]=o;if(e===void 0||e==="help"||e==="--help"||e==="-h")return a(t),e===void 0?1:0}l(n,"usageOnly");export{t as USAGE,n as usageOnly};
//# sourceMappingURL=usage-BUM2JCMM.js.map
