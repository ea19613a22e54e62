/**
 * Issue 8 item 7: during a wait, a progress line at least every 10 s (progressEveryMs) naming
 * what is not ready yet, through `progress` or the client's `waitProgress`. A fake timer: the
 * deadline passes only after two progress reports, so nothing depends on real time.
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeClient, KubeObject } from '../../src/kube/client.js';
import {
  PROGRESS_EVERY_MS,
  WaitTimeoutError,
  waitForHook,
  type WaitTimer,
} from '../../src/kube/wait.js';

const TIMEOUT = 300_000;

function setup() {
  const reports: string[][] = [];
  let wake: (() => void) | undefined;
  const timer: WaitTimer = {
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
        if (ms === TIMEOUT) wake = resolve;
        else if (ms === PROGRESS_EVERY_MS) setImmediate(resolve);
      }),
  };
  const running: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'default', resourceVersion: '1' },
    status: { active: 1 },
  };
  const client = {
    defaultNamespace: 'default',
    waitProgress: (p: readonly string[]) => {
      reports.push([...p]);
      if (reports.length === 2) wake?.();
    },
    list: async () => ({ items: [running], resourceVersion: '1' }),
    watch: (_q: unknown, _on: unknown, signal: AbortSignal) =>
      new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
  } as unknown as KubeClient;
  return { client, timer, reports };
}

describe('wait progress', () => {
  it("reports the client's waitProgress every 10 s, naming what is not done", async () => {
    const { client, timer, reports } = setup();
    const ref = { apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', namespace: 'default' };
    await expect(waitForHook(client, ref, { timeoutMs: TIMEOUT, timer })).rejects.toBeInstanceOf(
      WaitTimeoutError,
    );
    expect(reports.length).toBe(2);
    expect(reports[0]![0]).toBe('Job migrate: active 1, failed 0');
  });
});
