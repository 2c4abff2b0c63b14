/**
 * Import rules of ARCHITECTURE.md and docs/architecture.md, checked by `npm run lint`
 * (server/test/import-rules.test.ts proves each one fails on a violation).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP only; shared shapes live in common/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'common-self-contained',
      comment: 'common/ is the contract and the pure domain rules; it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|web|bench|e2e|scripts)/' },
    },
    {
      name: 'platform-not-modules',
      comment: 'Cross-cutting code knows no feature; features plug into it.',
      severity: 'error',
      from: { path: '^server/platform/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'db-not-modules',
      comment: 'The schema and the database client know no feature.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'module-through-index',
      comment: "A module uses another only through that module's index.ts.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-features-apart',
      comment: 'Web features share code through web/components and web/lib, never with each other.',
      severity: 'error',
      from: { path: '^web/features/([^/]+)/' },
      to: { path: '^web/features/[^/]+/', pathNot: '^web/features/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
  },
};
