/**
 * `hookline simulator [--port N] [--kubeconfig-out FILE] [--speed X] [--faults SPEC]`: serves
 * the simulated cluster until the first SIGINT/SIGTERM, writing a kubeconfig for kubectl and
 * other clients; `--faults` injects API faults (simulator/faults.ts).
 */
import { writeFile } from 'node:fs/promises';
import { cancellationSignal } from '../runtime/large-stack.js';
import { FaultSpecError, parseFaults, type FaultOptions } from './faults.js';
import { startSimulator } from './index.js';

export interface SimulatorFlags {
  port: number;
  kubeconfigOut?: string;
  speed: number;
  faults?: FaultOptions;
}

export class SimulatorUsageError extends Error {}

export function parseSimulatorFlags(argv: string[]): SimulatorFlags {
  const flags: SimulatorFlags = { port: 0, speed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new SimulatorUsageError(`flag needs an argument: ${name}`);
      return v;
    };
    if (name === '--port') flags.port = integer(name, value(), 0, 65535);
    else if (name === '--kubeconfig-out') flags.kubeconfigOut = value();
    else if (name === '--faults') {
      const v = value();
      try {
        flags.faults = parseFaults(v);
      } catch (err) {
        if (!(err instanceof FaultSpecError)) throw err;
        throw new SimulatorUsageError(
          `invalid argument "${v}" for "--faults" flag: ${err.message}`,
        );
      }
    } else if (name === '--speed') {
      const v = value();
      flags.speed = Number(v);
      if (!(flags.speed > 0))
        throw new SimulatorUsageError(
          `invalid argument "${v}" for "--speed" flag: must be a positive number`,
        );
    } else throw new SimulatorUsageError(`unknown flag: ${name}`);
  }
  return flags;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new SimulatorUsageError(
      `invalid argument "${text}" for "${flag}" flag: must be an integer from ${min} to ${max}`,
    );
  return n;
}

export interface RunOptions {
  /** Resolves when the simulator should stop (default: SIGINT or SIGTERM). */
  until?: Promise<void>;
  stdout?: (text: string) => void;
}

export async function runSimulatorCommand(argv: string[], opts: RunOptions = {}): Promise<number> {
  // Listening before anything else: the first signal stops the simulator, whenever it comes
  // (on the CLI's large-stack worker it arrives relayed from the main thread).
  const cancel = opts.until ? undefined : cancellationSignal();
  try {
    return await serveUntil(argv, opts, cancel?.signal);
  } finally {
    cancel?.dispose();
  }
}

async function serveUntil(
  argv: string[],
  opts: RunOptions,
  signal: AbortSignal | undefined,
): Promise<number> {
  const out = opts.stdout ?? ((s: string) => void process.stdout.write(s));
  let flags: SimulatorFlags;
  try {
    flags = parseSimulatorFlags(argv);
  } catch (err) {
    if (err instanceof SimulatorUsageError) {
      process.stderr.write(`Error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const sim = await startSimulator({
    port: flags.port,
    speed: flags.speed,
    ...(flags.faults ? { faults: flags.faults } : {}),
  });
  if (flags.kubeconfigOut) await writeFile(flags.kubeconfigOut, sim.kubeconfig, { mode: 0o600 });
  out(
    `hookline simulator listening on ${sim.url}${flags.kubeconfigOut ? `; kubeconfig written to ${flags.kubeconfigOut}` : ''}\n`,
  );
  if (!flags.kubeconfigOut) out(sim.kubeconfig);
  await (opts.until ?? aborted(signal));
  await sim.close();
  return 0;
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
