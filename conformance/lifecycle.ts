/**
 * `npm run lifecycle-conformance`: every chart of ../shared/conformance/real-charts and of Helm's
 * test charts in ../shared/conformance/helm-template (or HOOKLINE_CONFORMANCE_DIR), with each
 * case's values, through install --wait, upgrade with a changed value, rollback to 1 and
 * uninstall, each case on its own in-process simulated cluster. After each step it checks the
 * release records, the objects with Helm's ownership metadata, the hook order and delete
 * policies, and after uninstall that only `keep` objects are left (conformance/lifecycle/).
 *
 * Prints one line per unexpected result and `N passed, M failed`. Cases listed in
 * conformance/lifecycle-known-failures.json (each with a reason and the failure detail as last
 * seen) may fail; the run fails when an unlisted case fails, a listed one passes, or a listed
 * one fails differently.
 *
 * Options: `--only SUBSTRING` (repeatable), `--verbose` (known failures and timings too),
 * `--jobs N` (cases at once, default 4), `--speed N` (simulated seconds per real second,
 * default 200).
 */
import { withLargeStack } from '../src/runtime/large-stack.js';
import { installNodeEnvironment } from '../src/node-environment.js';
import { corpusRoot, knownFailures } from './known.js';
import { lifecycleCases, type LifecycleCase } from './lifecycle/cases.js';
import { runLifecycleCase } from './lifecycle/run-case.js';
import type { CaseResult } from './types.js';

// The pure core reads time through the environment the entry installs (on each thread).
installNodeEnvironment();

function numberFlag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const n = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Runs `cases` with at most `jobs` at once, results in case order. */
async function runAll(
  cases: LifecycleCase[],
  jobs: number,
  run: (c: LifecycleCase) => Promise<CaseResult>,
): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array<CaseResult>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await run(cases[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, cases.length) }, worker));
  return results;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const only = args.flatMap((a, i) => (a === '--only' ? [args[i + 1] ?? ''] : []));
  const verbose = args.includes('--verbose');
  const jobs = numberFlag(args, '--jobs', 4);
  const speed = numberFlag(args, '--speed', 200);
  const known = knownFailures('lifecycle-known-failures.json');
  const all = lifecycleCases(corpusRoot());
  const cases = only.length ? all.filter((c) => only.some((o) => c.id.includes(o))) : all;
  const started = Date.now();
  const results = await runAll(cases, jobs, async (c) => {
    const t0 = Date.now();
    const r = await runLifecycleCase(c, { speed, timeoutMs: 60_000 });
    if (verbose) console.log(`${r.ok ? 'ok' : 'fail'} ${c.id} (${Date.now() - t0} ms)`);
    return r;
  });

  let passed = 0;
  let failed = 0;
  let listed = 0;
  let unexpected = 0;
  for (const r of results) {
    const k = known.get(r.id);
    if (r.ok) {
      passed++;
      if (k) {
        unexpected++;
        console.log(`PASS (listed as known failure: remove it) ${r.id}`);
      }
      continue;
    }
    failed++;
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
    const ids = new Set(cases.map((c) => c.id));
    for (const id of known.keys()) {
      if (!ids.has(id)) {
        unexpected++;
        console.log(`lifecycle-known-failures.json lists ${id}, which is not a case`);
      }
    }
  }
  const aliases = cases.reduce((n, c) => n + c.aliases.length, 0);
  console.log(`${passed} passed, ${failed} failed`);
  if (listed > 0)
    console.log(
      `(${listed} of the failures are listed in conformance/lifecycle-known-failures.json)`,
    );
  if (aliases > 0)
    console.log(`(${aliases} more corpus cases have the same chart and values as one above)`);
  if (verbose) console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  return unexpected === 0 ? 0 : 1;
}

// A large stack lets include recursion reach Helm's limit of 1,000 (see src/runtime/large-stack.ts).
process.exitCode = await withLargeStack(new URL(import.meta.url), main);
