import { expect } from '@jest/globals';
import type { Cluster } from '../harness.js';

/** Shared by the contract groups: the cluster and a namespace created for the run. */
export interface Ctx {
  readonly c: Cluster;
  readonly ns: string;
}

/**
 * A finished container's log is its echoed lines. The simulator adds one last line with the exit
 * reason (`Completed: exit code 0`, design of hookline issue 4); a real kubelet prints nothing
 * more. Either way the echoed lines come first and nothing else may follow.
 */
export function expectEchoLog(log: string, echoed: string[]): void {
  const lines = log.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  expect(lines.slice(0, echoed.length)).toEqual(echoed);
  const rest = lines.slice(echoed.length);
  expect(rest.length).toBeLessThanOrEqual(1);
  if (rest.length === 1) expect(rest[0]).toMatch(/^(Completed|Error): exit code \d+$/);
}
