import { run } from './main.js';
import { withLargeStack } from './util/large-stack.js';
import { installNodeEnvironment } from './node-environment.js';

installNodeEnvironment();
process.exitCode = await withLargeStack(new URL(import.meta.url), () => run());
