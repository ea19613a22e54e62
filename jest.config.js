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
  // The real-cluster suites need HOOKLINE_TEST_KUBECONFIG (scripts/ci-realcluster.sh sets it).
  testPathIgnorePatterns: process.env.HOOKLINE_TEST_KUBECONFIG
    ? ['/node_modules/']
    : ['/node_modules/', '<rootDir>/__tests__/realcluster/'],
  testTimeout: 30000,
};
