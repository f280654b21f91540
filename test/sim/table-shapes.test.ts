import assert from 'node:assert/strict';
import { ALL_TABLES, jsTypeOf } from '../../src/schemas';
import { tenant } from './helpers';

describe('simulated tenant: rows match the table schemas', () => {
  it('has exactly the tables of ALL_TABLES, each non-empty', () => {
    const t = tenant();
    assert.deepEqual(Object.keys(t.tables).sort(), ALL_TABLES.map((s) => s.name).sort());
    for (const s of ALL_TABLES) assert.ok((t.tables[s.name]?.length ?? 0) > 0, `${s.name} is empty`);
  });

  for (const schema of ALL_TABLES) {
    it(`${schema.name}: every row has exactly the schema columns with matching JS types`, () => {
      const rows = tenant().tables[schema.name] ?? [];
      const names = schema.columns.map((c) => c.name);
      for (const [i, row] of rows.entries()) {
        assert.deepEqual(Object.keys(row), names, `${schema.name} row ${i} keys`);
        for (const c of schema.columns) {
          const v = row[c.name];
          if (v === null) continue;
          assert.notEqual(v, undefined, `${schema.name}.${c.name} row ${i} is undefined`);
          const want = jsTypeOf(c.type);
          if (want === 'Date') assert.ok(v instanceof Date && !Number.isNaN(v.getTime()), `${schema.name}.${c.name} row ${i} not a valid Date`);
          else if (want === 'any') assert.deepEqual(JSON.parse(JSON.stringify(v)), v, `${schema.name}.${c.name} row ${i} is not plain JSON`);
          else assert.equal(typeof v, want, `${schema.name}.${c.name} row ${i}: ${typeof v}`);
          if (c.type === 'int' || c.type === 'long') assert.ok(Number.isInteger(v), `${schema.name}.${c.name} row ${i} not an integer`);
        }
      }
    });
  }

  it('fills the Type column of Log Analytics tables with the table name', () => {
    const t = tenant();
    for (const s of ALL_TABLES.filter((x) => x.source === 'logs')) {
      assert.ok(t.tables[s.name]?.every((r) => r.Type === s.name), s.name);
    }
  });

  it('uses lowercase ARG types and the expected securityresources record types', () => {
    const types = new Set(tenant().tables.securityresources?.map((r) => r.type));
    assert.deepEqual([...types].sort(), [
      'microsoft.security/assessments',
      'microsoft.security/assessments/governanceassignments',
      'microsoft.security/attackpaths',
      'microsoft.security/locations/alerts',
    ]);
    assert.deepEqual([...new Set(tenant().tables.policyresources?.map((r) => r.type))].sort(), ['microsoft.authorization/policyexemptions', 'microsoft.policyinsights/policystates']);
  });
});
