// ESLint flat config. The pure core (docs/style.md section 5, scripts/layers.cjs) may not touch
// the file system, the network, the process, worker threads, timers or the wall clock, the
// Actions toolkit or the Kubernetes client: those live at the edges. Which folder may import
// which is dependency-cruiser's job (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/layers.cjs';

const worldModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'dns',
  'node:dns',
  'child_process',
  'node:child_process',
  'undici',
  'worker_threads',
  'node:worker_threads',
  'process',
  'node:process',
  'timers',
  'node:timers',
  'timers/promises',
  'node:timers/promises',
];
const { pureCore, edgeFiles, knownViolations } = layers;
const pureMessage =
  'The pure core reads no process, timers or clock: take a Clock or an option (docs/architecture.md).';
// The known impure files (scripts/layers.cjs, each with the engineer removing it).
const knownImpure = knownViolations.filter((v) => v.kind === 'impure').map((v) => v.file);
const pureCoreRestriction = {
  'no-restricted-globals': [
    'error',
    ...[
      'process',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'clearImmediate',
      'performance',
    ].map((name) => ({ name, message: pureMessage })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: pureMessage },
    { object: 'globalThis', property: 'process', message: pureMessage },
    { object: 'globalThis', property: 'setTimeout', message: pureMessage },
    { object: 'globalThis', property: 'performance', message: pureMessage },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: pureMessage },
    { selector: "CallExpression[callee.name='Date']", message: pureMessage },
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: worldModules.map((name) => ({
        name,
        message: 'The pure core does no I/O (docs/style.md section 5).',
      })),
      patterns: [
        { group: ['@actions/*'], message: 'Only src/action and src/main touch @actions/*.' },
        {
          group: ['@kubernetes/client-node'],
          message: 'Only src/kube/node-client*.ts import @kubernetes/client-node.',
        },
        {
          group: ['**/lifecycle/**', '**/action/**', '**/kube/node-client*', '**/simulator/**'],
          message: 'The pure core may not depend on the outer layers.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts (build and lock helpers, the layer table, dependency-cruiser's config).
    files: ['**/*.mjs', '**/*.cjs', '.dependency-cruiser.cjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/kube/node-client*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@kubernetes/client-node'],
              message: 'Only src/kube/node-client*.ts import @kubernetes/client-node.',
            },
          ],
        },
      ],
    },
  },
  {
    // Later blocks win: the pure core's stricter rule replaces the general one above.
    files: pureCore.map((dir) => `src/${dir}/**`),
    ignores: edgeFiles,
    rules: pureCoreRestriction,
  },
  {
    // KNOWN VIOLATIONS (scripts/layers.cjs): removed when their owners' branches merge.
    files: knownImpure,
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
      'no-restricted-imports': [
        'error',
        {
          ...pureCoreRestriction['no-restricted-imports'][1],
          paths: pureCoreRestriction['no-restricted-imports'][1].paths.filter(
            (p) => !p.name.includes('worker_threads') && !p.name.includes('process'),
          ),
        },
      ],
    },
  },
);
