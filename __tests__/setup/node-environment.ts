// Jest setup: the Node process's time environment for the pure core, as the entry points install
// it (src/node-environment.ts).
import { installNodeEnvironment } from '../../src/node-environment.js';

installNodeEnvironment();
