/**
 * Contract cases the real cluster of ../shared/realcluster (Kubernetes v1.20.2, simulated pods,
 * no image pulls, no storage provisioner; its README lists the gaps) cannot show. The contract
 * describes a current cluster; these cases are declared here with their reason and never
 * skipped silently: against HOOKLINE_TEST_KUBECONFIG a `fails` case still runs and must fail
 * (if it passes, the server changed and the entry must go), and a `not-shown` case (one that
 * could only time out) is reported as skipped with its reason in the test name. Against the
 * simulator every case runs as written.
 */
import { it as jestIt } from '@jest/globals';
import { REAL } from '../harness.js';

interface Difference {
  /** `fails`: run it, it must fail. `not-shown`: the cluster has no such behaviour at all. */
  mode: 'fails' | 'not-shown';
  reason: string;
}

export const REAL_SERVER_DIFFERENCES: ReadonlyMap<string, Difference> = new Map([
  [
    'answers an unknown API group with 404 through the client',
    {
      mode: 'fails',
      reason:
        'v1.20 answers an unknown API group with the plain-text body "404 page not found", not a Status object',
    },
  ],
  [
    'unknown fields under fieldValidation=Strict are 400',
    {
      mode: 'fails',
      reason: 'fieldValidation arrived in v1.25; v1.20 drops unknown fields silently',
    },
  ],
  [
    'an unknown field under fieldValidation=Strict is 400 naming the field',
    {
      mode: 'fails',
      reason: 'fieldValidation arrived in v1.25; v1.20 drops unknown fields silently',
    },
  ],
  [
    'an unknown field by default is dropped with a Warning header',
    {
      mode: 'fails',
      reason: 'the unknown-field Warning header arrived in v1.25 with fieldValidation',
    },
  ],
  [
    'a wrong type is 422 Invalid with a cause on the field',
    {
      mode: 'fails',
      reason:
        'v1.20 reports CRD type errors as FieldValueInvalid; newer servers say FieldValueTypeInvalid',
    },
  ],
  [
    'a compacted resourceVersion gets an ERROR event with code 410',
    {
      mode: 'not-shown',
      reason:
        'whether resourceVersion 1 is compacted depends on the age of the cluster (kube-apiserver compacts etcd every 5 minutes): a freshly started cluster still serves it',
    },
  ],
  [
    "a Job's Pods carry job-name labels and a controller ownerReference",
    {
      mode: 'fails',
      reason:
        'v1.20 labels Job pods job-name and controller-uid only; batch.kubernetes.io/job-name came in v1.27',
    },
  ],
  [
    'an image that does not exist leaves the Pod Pending in ErrImagePull/ImagePullBackOff',
    { mode: 'not-shown', reason: 'the realcluster simulates pods and pulls no images' },
  ],
  [
    'records Scheduled, Pulled, Created and Started events for a Pod',
    { mode: 'not-shown', reason: "the realcluster's pod runner records no pod events" },
  ],
  [
    'a claimed PersistentVolumeClaim is Bound to a provisioned volume',
    {
      mode: 'not-shown',
      reason: 'the realcluster has no storage provisioner: claims stay Pending',
    },
  ],
]);

type TestFn = () => Promise<unknown>;

/** `it` for contract cases, honouring the declared differences when the cluster is real. */
function contractIt(name: string, fn: TestFn, timeout?: number): void {
  const diff = REAL ? REAL_SERVER_DIFFERENCES.get(name) : undefined;
  if (!diff) return jestIt(name, fn, timeout);
  const title = `${name} [declared difference of the real server: ${diff.reason}]`;
  if (diff.mode === 'not-shown') return jestIt.skip(title, fn);
  jestIt(
    title,
    async () => {
      let failed = false;
      try {
        await fn();
      } catch {
        failed = true;
      }
      if (!failed)
        throw new Error(
          'declared as a difference of the real server but it passed: remove it from real-differences.ts',
        );
    },
    timeout,
  );
}

type Row = readonly unknown[] | string | number;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the rows' types are the table's
type EachFn = (...args: any[]) => Promise<unknown>;

/** The name jest gives a row for `%s`/`%d`/`%i` placeholders (enough for the declared cases). */
function rowName(fmt: string, row: Row): string {
  const args = Array.isArray(row) ? row : [row];
  let i = 0;
  return fmt.replace(/%[sdi]/g, () => String(args[i++]));
}

/** `it.each(table)(name, fn)`: rows whose name is a declared difference get contractIt. */
function each(table: readonly Row[]) {
  return (fmt: string, fn: EachFn, timeout?: number): void => {
    for (const row of table) {
      const args = Array.isArray(row) ? [...(row as unknown[])] : [row];
      const name = rowName(fmt, row);
      if (REAL && REAL_SERVER_DIFFERENCES.has(name)) contractIt(name, () => fn(...args), timeout);
      else jestIt.each([row] as never[])(fmt, fn as never, timeout);
    }
  };
}

export const it = Object.assign(contractIt, { each });
