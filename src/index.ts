import { run } from './main.js';
import { withLargeStack } from './util/large-stack.js';
process.exitCode = await withLargeStack(new URL(import.meta.url), () => run());
