// ESLint flat config. The pure core (docs/style.md section 5) may not touch the file system,
// the network, the Actions toolkit or the Kubernetes client: those live at the edges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
];
const pureCore = [
  'gotemplate',
  'gotime',
  'util',
  'sprig',
  'chart',
  'values',
  'engine',
  'manifest',
  'release',
];
const pureCoreRestriction = {
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
    // Plain Node scripts (build and lock helpers).
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
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
    ignores: ['src/chart/directory.ts', 'src/chart/archive.ts'],
    rules: pureCoreRestriction,
  },
);
