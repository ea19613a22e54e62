#!/bin/sh
# Issue 9's 200-run fault test: randomized install/upgrade/rollback/uninstall lifecycles on the
# simulator under injected API faults and cancellations (seeded, deterministic). Called from .ci/run.
set -eu
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
TZ=UTC tsx scripts/fault-lifecycles.ts --runs 200 --seed 1
