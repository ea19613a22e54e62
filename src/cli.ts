import { main } from './cli/main.js';
import { withLargeStack } from './util/large-stack.js';
import { installNodeEnvironment } from './node-environment.js';

installNodeEnvironment();

process.exitCode = await withLargeStack(new URL(import.meta.url), () =>
  main(process.argv.slice(2)),
);
