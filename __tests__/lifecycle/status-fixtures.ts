/** Hand-built release records for the status/history formatting tests. */
import type { Hook } from '../../src/release/hook.js';
import { emptyInfo, type Release } from '../../src/release/types.js';

/** The goldens' fixed time: Fri Sep  2 22:04:05 1977 UTC = Unix 242085845. */
export const GOLDEN_TIME = '1977-09-02T22:04:05Z';

export type RecordOverrides = Partial<Omit<Release, 'info'>> & { info?: Partial<Release['info']> };

export function record(overrides: RecordOverrides): Release {
  const { info, ...rest } = overrides;
  return {
    name: 'rel',
    namespace: 'default',
    chart: null,
    config: null,
    manifest: '',
    hooks: [],
    version: 1,
    labels: {},
    ...rest,
    info: { ...emptyInfo(), ...info },
  };
}

/** A test hook with the given last run. */
export function testHook(name: string, lastRun: Hook['last_run'], events = ['test']): Hook {
  return {
    name,
    kind: 'Pod',
    path: `chart/templates/tests/${name}.yaml`,
    manifest: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}`,
    events: events as Hook['events'],
    last_run: lastRun,
    weight: 0,
    delete_policies: [],
    output_log_policies: [],
  };
}
