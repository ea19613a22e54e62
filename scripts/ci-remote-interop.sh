#!/usr/bin/env bash
# Interop between hookline and the real Helm over a local docker-registry and a chart repository
# served by the test itself (__tests__/remote-interop). Needs ../shared/realcluster/bin/helm.xz
# and Debian's docker-registry (apt-get install -y docker-registry). Takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
HELM_XZ="${HELM_XZ:-$PWD/../shared/realcluster/bin/helm.xz}"
export HOOKLINE_HELM_BIN="${HOOKLINE_HELM_BIN:-/tmp/remote-helm}"
if [ ! -x "$HOOKLINE_HELM_BIN" ] && [ -f "$HELM_XZ" ]; then
  xz -dc "$HELM_XZ" > "$HOOKLINE_HELM_BIN"
  chmod +x "$HOOKLINE_HELM_BIN"
fi
NODE_OPTIONS='--experimental-vm-modules --no-warnings' \
  jest --testMatch '**/*.interop.ts' __tests__/remote-interop
