/**
 * `npm run conformance`: every case of ../shared/conformance (or HOOKLINE_CONFORMANCE_DIR),
 * compared byte for byte with what real Helm produced. Prints one line per failing case and a
 * final `N passed, M failed`. Cases listed in conformance/known-failures.json (each with a
 * reason) may fail; the run fails when an unlisted case fails or a listed one passes.
 *
 * Options: `--only SUBSTRING` (repeatable) runs matching case ids only; `--verbose` prints
 * known failures too.
 */
import { cliSuites } from './suites/cli-corpora.js';
import { coalesceSuite } from './suites/coalesce-cases.js';
import { engineSuite } from './suites/engine-cases.js';
import type { CaseResult } from './types.js';
import { withLargeStack } from '../src/runtime/large-stack.js';
import { installNodeEnvironment } from '../src/node-environment.js';
import { corpusRoot, knownFailures } from './known.js';

installNodeEnvironment();

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const only = args.flatMap((a, i) => (a === '--only' ? [args[i + 1] ?? ''] : []));
  const verbose = args.includes('--verbose');
  const root = corpusRoot();
  const known = knownFailures('known-failures.json');
  const suites = [engineSuite(root), coalesceSuite(root), ...cliSuites(root)];
  const results: CaseResult[] = [];
  for (const suite of suites) results.push(...(await suite.run()));
  const selected = only.length
    ? results.filter((r) => only.some((o) => r.id.includes(o)))
    : results;

  let passed = 0;
  let failed = 0;
  let listed = 0;
  let unexpected = 0;
  const seen = new Set<string>();
  for (const r of selected) {
    seen.add(r.id);
    if (r.ok) {
      passed++;
      if (known.has(r.id)) {
        unexpected++;
        console.log(`PASS (listed as known failure: remove it) ${r.id}`);
      }
      continue;
    }
    failed++;
    const k = known.get(r.id);
    if (k && k.detail !== undefined && k.detail !== r.detail) {
      unexpected++;
      console.log(`CHANGED ${r.id}: listed as failing with "${k.detail}", now: ${r.detail ?? ''}`);
    } else if (k) {
      listed++;
      if (verbose) console.log(`known ${r.id}: ${r.detail ?? ''}`);
    } else {
      unexpected++;
      console.log(`FAIL ${r.id}: ${r.detail ?? ''}`);
    }
  }
  if (!only.length) {
    for (const id of known.keys()) {
      if (!seen.has(id)) {
        unexpected++;
        console.log(`known-failures.json lists ${id}, which is not a case`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (listed > 0)
    console.log(`(${listed} of the failures are listed in conformance/known-failures.json)`);
  return unexpected === 0 ? 0 : 1;
}

// A large stack lets include recursion reach Helm's limit of 1,000 (see src/runtime/large-stack.ts).
process.exitCode = await withLargeStack(new URL(import.meta.url), main);
