// `hookline simulator` flags (docs/design.md section 1: `hookline simulator --port N` serves the
// simulated cluster and writes a kubeconfig).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  parseSimulatorFlags,
  runSimulatorCommand,
  SimulatorUsageError,
} from '../../src/simulator/cli.js';

describe('parseSimulatorFlags', () => {
  it.each([
    [[], { port: 0, speed: 1 }],
    [['--port', '8080'], { port: 8080, speed: 1 }],
    [['--port=9'], { port: 9, speed: 1 }],
    [['--kubeconfig-out', '/tmp/k'], { port: 0, speed: 1, kubeconfigOut: '/tmp/k' }],
    [['--speed', '2.5', '--port', '1'], { port: 1, speed: 2.5 }],
  ])('%j → %j', (argv, flags) => {
    expect(parseSimulatorFlags(argv)).toEqual(flags);
  });

  it.each([
    [['--port'], 'flag needs an argument: --port'],
    [['--port', 'x'], 'invalid argument "x" for "--port" flag: must be an integer from 0 to 65535'],
    [
      ['--port', '70000'],
      'invalid argument "70000" for "--port" flag: must be an integer from 0 to 65535',
    ],
    [['--speed', '0'], 'invalid argument "0" for "--speed" flag: must be a positive number'],
    [['--verbose'], 'unknown flag: --verbose'],
  ])('%j fails: %s', (argv, message) => {
    expect(() => parseSimulatorFlags(argv)).toThrow(new SimulatorUsageError(message));
  });
});

describe('runSimulatorCommand', () => {
  it('writes a kubeconfig whose server answers, then stops when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-sim-'));
    const file = join(dir, 'kubeconfig');
    let stop: () => void = () => undefined;
    let announce: () => void = () => undefined;
    let announced = '';
    const listening = new Promise<void>((resolve) => (announce = resolve));
    const done = runSimulatorCommand(['--kubeconfig-out', file], {
      until: new Promise((r) => (stop = r)),
      stdout: (s) => {
        announced += s;
        announce();
      },
    });
    await listening;
    const config = parse(readFileSync(file, 'utf8')) as {
      clusters: Array<{ cluster: { server: string } }>;
      'current-context': string;
    };
    const server = config.clusters[0].cluster.server;
    expect(announced).toContain(server);
    const res = await fetch(`${server}/api/v1/namespaces/default`);
    expect(((await res.json()) as { metadata: { name: string } }).metadata.name).toBe('default');
    stop();
    expect(await done).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
