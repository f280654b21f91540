/** Architecture rules checked by `npm test` (see docs/conventions.md). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain core must not depend on Teams, Azure SDKs, HTTP or the store: it holds the rules only.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        pathNot: ['^src/domain', 'node_modules/zod'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'no-sdk-in-core-libraries',
      comment: 'Schemas, the simulated tenant, the KQL engine, the query catalog and NLU stay free of Teams/Azure/HTTP/store code.',
      severity: 'error',
      from: { path: '^src/(schemas|sim|kql|queries|nlu|cards)' },
      to: { path: ['node_modules/(botbuilder|botframework-|@microsoft/teams-ai|@azure/|restify|kysely|better-sqlite3|pg)', '^src/(store|teams|server)'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '^src/kql/(compile|functions)/' },
      to: { circular: true },
    },
    {
      name: 'kql-compiler-cycles-stay-inside',
      comment:
        'Compiling KQL is recursive by nature (expressions contain subqueries, functions take expressions), so ' +
        'the expression, operator and function compilers may call each other; no cycle may leave them.',
      severity: 'error',
      from: { path: '^src/kql/(compile|functions)/' },
      to: { circular: true, viaSomeNot: '^src/kql/(compile|functions)/' },
    },
    {
      name: 'not-to-test',
      comment: 'Production code never imports test code.',
      severity: 'error',
      from: { pathNot: '^test' },
      to: { path: '^test' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist' },
  },
};
