/**
 * Architecture boundaries, checked by `npm test` (static stage) and `npm run boundaries`.
 * docs/ARCHITECTURE.md explains them; docs/adr/0008-module-layout.md says why.
 */
const S = '^apps/server/src';
const W = '^apps/web/src';
/** Test code may reach into a module to set up data; the rules are about production code. */
const TESTS = '(\\.test\\.tsx?|[.-]test-(helpers?|data)\\.ts|\\.fixture\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles, server or web (type-only imports count too: they tie modules together).',
      from: { path: '^apps/(server|web)/src' },
      to: { circular: true },
    },
    {
      name: 'server-platform-never-imports-modules',
      severity: 'error',
      comment:
        'platform/ is the layer modules stand on; what it needs from a module comes through PlatformHooks.',
      from: { path: `${S}/platform/`, pathNot: TESTS },
      to: { path: `${S}/(modules|demo)/|${S}/app\\.ts$|${S}/main\\.ts$` },
    },
    {
      name: 'server-module-only-through-index',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts (its manifest and public face).",
      from: { path: `${S}/modules/([^/]+)/`, pathNot: TESTS },
      to: { path: `${S}/modules/[^/]+/`, pathNot: [`${S}/modules/$1/`, `${S}/modules/[^/]+/index\\.ts$`] },
    },
    {
      name: 'server-spend-does-not-know-budgets',
      severity: 'error',
      comment: 'Spend publishes spend.accepted; budgets (and incentives) listen. Never the other way.',
      from: { path: `${S}/modules/spend/` },
      to: { path: `${S}/modules/(budgets|incentives)/` },
    },
    {
      name: 'server-modules-not-the-list',
      severity: 'error',
      comment: 'Only the composition root (app.ts, demo seeding, scripts, tests) reads the MODULES list.',
      from: { path: `${S}/modules/[^/]+/`, pathNot: TESTS },
      to: { path: `${S}/modules/index\\.ts$|${S}/app\\.ts$|${S}/main\\.ts$|${S}/demo/` },
    },
    {
      name: 'web-platform-never-imports-features',
      severity: 'error',
      comment: 'apps/web/src/platform is the shell features plug into; it never imports a feature.',
      from: { path: `${W}/platform/`, pathNot: TESTS },
      to: { path: `${W}/features/` },
    },
    {
      name: 'web-feature-only-through-index',
      severity: 'error',
      comment: "A web feature imports another feature only through that feature's index.ts.",
      from: { path: `${W}/features/([^/]+)/`, pathNot: TESTS },
      to: {
        path: `${W}/features/[^/]+/`,
        pathNot: [`${W}/features/$1/`, `${W}/features/[^/]+/index\\.tsx?$`],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
