#!/usr/bin/env bash
# The apply-method and capabilities suite (__tests__/realcluster/apply.test.ts, design decision 8)
# against the real Kubernetes 1.20.2 API server and real Helm 3.15.4 of ../shared/realcluster.
# Starts its own cluster (K8S_HOME and ports below, overridable), always stops it.
#   scripts/ci-realcluster-apply.sh [path/to/realcluster]
set -euo pipefail
cd "$(dirname "$0")/.."
RC="${1:-${HOOKLINE_REALCLUSTER:-../shared/realcluster}}"
if [ ! -x "$RC/start.sh" ]; then
  echo "ci-realcluster-apply: no real cluster at $RC; skipped" >&2
  exit 0
fi
export K8S_HOME="${K8S_HOME:-/tmp/rc-apply}"
export K8S_API_PORT="${K8S_API_PORT:-16443}" K8S_ETCD_PORT="${K8S_ETCD_PORT:-12379}"
export K8S_ETCD_PEER_PORT="${K8S_ETCD_PEER_PORT:-12380}" K8S_KCM_PORT="${K8S_KCM_PORT:-10257}"
export K8S_KUBELET_PORT="${K8S_KUBELET_PORT:-10250}"
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p "$K8S_HOME"
trap '"$RC/stop.sh" >/dev/null 2>&1 || true' EXIT
"$RC/start.sh"
xz -dc "$RC/bin/helm.xz" > "$K8S_HOME/helm-bin"
chmod +x "$K8S_HOME/helm-bin"
HOOKLINE_TEST_KUBECONFIG="$K8S_HOME/run/kubeconfig" HOOKLINE_TEST_HELM="$K8S_HOME/helm-bin" \
  NODE_OPTIONS='--experimental-vm-modules --no-warnings' \
  jest __tests__/realcluster/apply.test.ts --testTimeout=180000
