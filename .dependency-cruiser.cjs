/**
 * Dependencies point one way (`npm run lint`): cli → bench → suites and fixtures → src, and inside src from
 * the layers at the top of `SRC_LAYERS` down to the contract. No files in a circle, no two folders importing
 * each other; type-only imports count, since they tie the files together just the same.
 */

/** The folders of src, bottom first: a folder imports only those before it. Kernel files sit with the contract. */
const SRC_LAYERS = [
  ['contract'],
  ['errors.ts', 'shards.ts', 'git.ts', 'suites.ts', 'config'],
  ['client'],
  ['mock'],
  ['redaction'],
  ['process'],
  ['env'],
  ['enrollment'],
  ['consumers'],
  ['report'],
  ['pact'],
  ['fidelity'],
  ['rehearsal', 'notify', 'compat'],
];

const pathOf = (names) => `^src/(${names.map((name) => name.replace('.', '\\.')).join('|')})($|/)`;

const layerRules = SRC_LAYERS.slice(0, -1).map((layer, index) => ({
  name: `src-layer-${layer[0]}`,
  comment: `src/${layer.join(', src/')} may import only the layers below it (see SRC_LAYERS)`,
  severity: 'error',
  from: { path: pathOf(layer) },
  to: { path: pathOf(SRC_LAYERS.slice(index + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'files importing each other in a circle (type-only imports too)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'two folders importing each other, directly or through others',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-only-src',
      comment:
        'src is the library: it never imports the fixtures, suites, command-line tools, benchmarks or self-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(fixtures|suites|cli|bench|test)/' },
    },
    {
      name: 'fixtures-below-suites',
      comment: 'fixtures serve the suites, never the other way round, and never import command-line tools',
      severity: 'error',
      from: { path: '^fixtures/' },
      to: { path: '^(suites|cli|bench|test)/' },
    },
    {
      name: 'suites-below-cli',
      comment: 'suites never import command-line tools, benchmarks or self-tests',
      severity: 'error',
      from: { path: '^suites/' },
      to: { path: '^(cli|bench|test)/' },
    },
    {
      name: 'bench-below-cli',
      comment: 'benchmarks never import command-line tools or self-tests',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^(cli|test)/' },
    },
    {
      name: 'src-folder-in-a-layer',
      comment: 'a new folder of src gets its place in SRC_LAYERS before it may import anything',
      severity: 'error',
      from: { path: '^src/', pathNot: pathOf(SRC_LAYERS.flat()) },
      to: { path: '^src/' },
    },
    ...layerRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
