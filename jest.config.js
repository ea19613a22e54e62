/* global process */
/** Jest in ESM mode; TypeScript is stripped by SWC (type checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // Suites against the real cluster of ../shared/realcluster run only when it is given
  // (HOOKLINE_TEST_KUBECONFIG; scripts/ci-realcluster-apply.sh), never in a plain `npm test`.
  testPathIgnorePatterns: process.env.HOOKLINE_TEST_KUBECONFIG
    ? ['/node_modules/']
    : ['/node_modules/', '/__tests__/realcluster/'],
  testTimeout: 30000,
};
