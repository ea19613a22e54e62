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
const knownMessageText = knownViolations
  .filter((v) => v.kind === 'message-text')
  .map((v) => v.file);
const isPure = (file) =>
  pureCore.some((dir) => file.startsWith(`src/${dir}/`)) && !edgeFiles.includes(file);

// Everywhere in src/: callers branch on an error's class or code, never on its text, and a
// caught value becomes an Error or its text through src/util/errors.ts only.
const typedErrorsMessage =
  "Branch on the error's class or code, never on its message text (docs/architecture.md).";
const oneHelperMessage = 'Use asError / errorText from src/util/errors.ts.';
const errorSyntax = [
  {
    selector:
      "CallExpression[callee.property.name=/^(includes|startsWith|endsWith|match|indexOf|search)$/][callee.object.property.name='message']",
    message: typedErrorsMessage,
  },
  {
    selector: "CallExpression[callee.property.name='test'][arguments.0.property.name='message']",
    message: typedErrorsMessage,
  },
  {
    selector:
      "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
    message: oneHelperMessage,
  },
  {
    selector:
      "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.type='Identifier'][alternate.type='NewExpression']",
    message: oneHelperMessage,
  },
];
const pureSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: pureMessage },
  { selector: "CallExpression[callee.name='Date']", message: pureMessage },
];
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
  'no-restricted-syntax': ['error', ...errorSyntax, ...pureSyntax],
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
    ignores: ['src/util/errors.ts'],
    rules: { 'no-restricted-syntax': ['error', ...errorSyntax] },
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
    ignores: [...edgeFiles, 'src/util/errors.ts'],
    rules: pureCoreRestriction,
  },
  {
    files: ['src/util/errors.ts'],
    rules: { ...pureCoreRestriction, 'no-restricted-syntax': ['error', ...pureSyntax] },
  },
  // KNOWN VIOLATIONS (scripts/layers.cjs): removed when their owners' branches merge (none
  // are listed now; the block stays so a listed file gets exactly these exemptions).
  ...knownImpure.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': ['error', ...errorSyntax],
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
  })),
  // KNOWN VIOLATIONS of the typed-errors rule (scripts/layers.cjs): text of foreign libraries
  // or of V8 that offer no class or code; each owner keeps it (with a reason) or types it.
  ...knownMessageText.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-syntax': isPure(file) ? ['error', ...pureSyntax] : 'off',
    },
  })),
);
