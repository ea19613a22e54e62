#!/usr/bin/env bash
# The real-cluster suites (issue 7 item 6), called by .ci/run:
#   1. installs etcd-server from Debian if etcd is missing;
#   2. starts the real kube-apiserver + kube-controller-manager of ../shared/realcluster
#      (stopped again by a trap, whatever happens);
#   3. unpacks the real Helm beside it;
#   4. runs the simulator's contract suite against the real server, then the differential
#      suite (hookline vs Helm, and interop) in __tests__/realcluster/.
# Skips (exit 0, with a message) when ../shared/realcluster is absent.
#
# Environment: REALCLUSTER_DIR (default ../shared/realcluster beside the repository),
# HOOKLINE_CONFORMANCE_DIR (default ../shared/conformance), and start.sh's own settings
# (K8S_HOME, K8S_API_PORT, ...; see its header) to run beside another cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

REALCLUSTER_DIR="${REALCLUSTER_DIR:-$PWD/../shared/realcluster}"
if [ ! -x "$REALCLUSTER_DIR/start.sh" ]; then
  echo "ci-realcluster: no real cluster at $REALCLUSTER_DIR; skipping the real-cluster suites"
  exit 0
fi
REALCLUSTER_DIR="$(cd "$REALCLUSTER_DIR" && pwd)"
export K8S_HOME="${K8S_HOME:-${TMPDIR:-/tmp}/hookline-realcluster}"
export HOOKLINE_CONFORMANCE_DIR="${HOOKLINE_CONFORMANCE_DIR:-$PWD/../shared/conformance}"

if ! command -v etcd >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server
fi

stop_cluster() { "$REALCLUSTER_DIR/stop.sh" || true; }
trap stop_cluster EXIT
"$REALCLUSTER_DIR/start.sh"

HELM_BIN="$K8S_HOME/bin/helm"
if [ ! -x "$HELM_BIN" ]; then
  mkdir -p "$K8S_HOME/bin"
  xz -dc "$REALCLUSTER_DIR/bin/helm.xz" > "$HELM_BIN.tmp"
  chmod +x "$HELM_BIN.tmp"
  mv "$HELM_BIN.tmp" "$HELM_BIN"
fi
"$HELM_BIN" version --short

export HOOKLINE_TEST_KUBECONFIG="$K8S_HOME/run/kubeconfig"
export HOOKLINE_TEST_HELM="$HELM_BIN"
export NODE_OPTIONS='--experimental-vm-modules --no-warnings'

echo "== contract suite against the real API server"
jest __tests__/simulator/contract.test.ts
echo "== differential and interop suites (hookline vs Helm $("$HELM_BIN" version --short))"
jest __tests__/realcluster
