// dependency-cruiser: dependencies point one way (scripts/layers.cjs), no file cycles.
// Type-only imports count like runtime ones (tsPreCompilationDeps): a type cycle makes two
// files one concept as surely as a value cycle does, and `import type` is no excuse for an
// upward dependency. `npm run lint` runs `depcruise src --config .dependency-cruiser.cjs`.
'use strict';
const { layers, roots, knownViolations } = require('./scripts/layers.cjs');

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (paths) => `^(${paths.map(esc).join('|')})$`;
const folders = Object.keys(layers);

const knownCycles = knownViolations.filter((v) => v.kind === 'cycle');
const knownLayer = knownViolations.filter((v) => v.kind === 'layer');

const layerRules = folders.map((folder) => {
  const allowed = [folder, ...layers[folder]];
  const own = knownLayer.filter((v) => v.file.startsWith(`src/${folder}/`));
  return {
    name: `layer-${folder}`,
    comment: `src/${folder} may import only ${layers[folder].join(', ') || 'itself'} (scripts/layers.cjs)`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: {
      path: '^src/',
      pathNot: [`^src/(${allowed.join('|')})/`, ...own.map((v) => `^${esc(v.to)}$`)],
    },
  };
});

// Known file cycles: each listed file may stay in a cycle only through its listed partners.
const knownCycleRules = knownCycles.map((v) => ({
  name: `no-circular (known: ${v.file}, owner ${v.owner})`,
  severity: 'error',
  from: { path: `^${esc(v.file)}$` },
  to: { circular: true, pathNot: anyOf(v.with) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file cycles, runtime or type-only.',
      severity: 'error',
      from: knownCycles.length ? { pathNot: anyOf(knownCycles.map((v) => v.file)) } : {},
      to: { circular: true },
    },
    ...knownCycleRules,
    ...layerRules,
    {
      name: 'roots-are-entries',
      comment: 'Nothing imports the entry files at src/ root except another entry file.',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: `^src/(${roots.map(esc).join('|')})$` },
    },
    {
      name: 'folder-in-layer-table',
      comment: 'Every folder under src/ has a row in scripts/layers.cjs.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [`^src/(${folders.join('|')})/`, anyOf(roots.map((r) => `src/${r}`))],
      },
      to: {},
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
