/**
 * Child process of the chart benchmark: renders one chart through `hookline template`
 * in-process and prints JSON {ms, maxRssMb, bytes}. A separate process per chart keeps each
 * peak-memory figure its own.
 */
import { runCli } from '../src/cli/main.js';

const [cwd, ...argv] = process.argv.slice(2);
let bytes = 0;
let errors = '';
const start = performance.now();
const code = await runCli(argv, {
  cwd: cwd!,
  stdout: (s) => {
    bytes += Buffer.byteLength(s);
  },
  stderr: (s) => {
    errors += s;
  },
  log: () => undefined,
});
const ms = performance.now() - start;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({
    code,
    ms,
    maxRssMb,
    bytes,
    error: code === 0 ? undefined : errors.slice(0, 200),
  }),
);
