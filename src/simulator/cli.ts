/**
 * `hookline simulator [--port N] [--kubeconfig-out FILE] [--speed X]`: serves the simulated
 * cluster until SIGINT/SIGTERM, writing a kubeconfig for kubectl and other clients.
 */
import { writeFile } from 'node:fs/promises';
import { startSimulator } from './index.js';
import { cancellationSignal } from '../util/large-stack.js';

export interface SimulatorFlags {
  port: number;
  kubeconfigOut?: string;
  speed: number;
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
    else if (name === '--speed') {
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
  // Listening from before the start: the first signal always stops the simulator (issue 9).
  const until = opts.until ?? signalled();
  const sim = await startSimulator({ port: flags.port, speed: flags.speed });
  if (flags.kubeconfigOut) await writeFile(flags.kubeconfigOut, sim.kubeconfig, { mode: 0o600 });
  out(
    `hookline simulator listening on ${sim.url}${flags.kubeconfigOut ? `; kubeconfig written to ${flags.kubeconfigOut}` : ''}\n`,
  );
  if (!flags.kubeconfigOut) out(sim.kubeconfig);
  await until;
  await sim.close();
  return 0;
}

/** The first SIGINT/SIGTERM: on the CLI's worker it is relayed by the main thread (issue 9). */
function signalled(): Promise<void> {
  const cancel = cancellationSignal();
  return new Promise((resolve) => {
    const stop = (): void => {
      cancel.dispose();
      resolve();
    };
    if (cancel.signal.aborted) stop();
    else cancel.signal.addEventListener('abort', stop, { once: true });
  });
}
