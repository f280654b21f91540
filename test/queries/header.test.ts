/** The .kql header format and the loader's validation: every error names the file and the line. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, loadCatalog, parseQueryFile } from '../../src/queries';
import { isoToTimespan } from '../../src/queries/literals';

const GOOD = `// @id alerts
// @title Alerts
// @source resourcegraph
// @card answer-alerts
// Free description lines are allowed.
// @slot zone: int
// @slot timeRange: timespan = P7D
// @slot user: string required
// @column Name: string
// @column Count: long
securityresources
| summarize Count = count() by Name = name`;

function fails(text: string, line: number, message: RegExp): void {
  assert.throws(() => parseQueryFile('q.kql', text), (err: unknown) => {
    assert.ok(err instanceof CatalogError, String(err));
    assert.equal(err.line, line, err.message);
    assert.match(err.message, new RegExp(`^q\\.kql:${line}: `));
    assert.match(err.message, message);
    return true;
  });
}

const replace = (from: string, to: string): string => GOOD.replace(from, to);

describe('catalog header', () => {
  it('parses id, title, source, card, typed slots with defaults and columns', () => {
    const q = parseQueryFile('q.kql', GOOD);
    assert.equal(q.id, 'alerts');
    assert.equal(q.source, 'resourcegraph');
    assert.equal(q.card, 'answer-alerts');
    assert.deepEqual(q.slots, [
      { name: 'zone', type: 'int', required: false },
      { name: 'timeRange', type: 'timespan', required: false, default: 'P7D' },
      { name: 'user', type: 'string', required: true },
    ]);
    assert.deepEqual(q.columns, [{ name: 'Name', type: 'string' }, { name: 'Count', type: 'long' }]);
    assert.equal(q.bodyLine, 11);
    assert.match(q.body, /^securityresources/);
  });

  const cases: [string, string, number, RegExp][] = [
    ['unknown key', replace('// @title Alerts', '// @titel Alerts'), 2, /unknown header key @titel/],
    ['malformed tag', replace('// @title Alerts', '// @title'), 2, /@title needs a value/],
    ['duplicate key', replace('// @title Alerts', '// @title Alerts\n// @title Again'), 3, /duplicate @title/],
    ['unknown intent', replace('// @id alerts', '// @id everything'), 1, /unknown intent id "everything"/],
    ['bad source', replace('resourcegraph', 'sql'), 3, /source must be logs or resourcegraph/],
    ['card not named after the id', replace('answer-alerts', 'alerts-card'), 4, /card must be answer-alerts/],
    ['unknown slot', replace('// @slot zone: int', '// @slot region: string'), 6, /unknown slot "region"/],
    ['slot of the wrong type', replace('// @slot zone: int', '// @slot zone: string'), 6, /slot zone has type int, not string/],
    ['bad default', replace('= P7D', '= 7d'), 7, /bad default for slot timeRange/],
    ['duplicate slot', replace('// @slot zone: int', '// @slot zone: int\n// @slot zone: int'), 7, /duplicate @slot zone/],
    ['bad column type', replace('// @column Count: long', '// @column Count: number'), 10, /unknown column type "number"/],
    ['malformed column', replace('// @column Count: long', '// @column Count long'), 10, /malformed @column/],
    ['missing key', replace('// @card answer-alerts\n', ''), 10, /missing @card/],
    ['no columns', GOOD.replace(/\/\/ @column.*\n/g, ''), 9, /no @column declared/],
    ['no body', GOOD.split('\nsecurityresources')[0]!, 11, /no query after the header/],
    ['redefined bound parameter', replace('securityresources\n', 'let zone = 1;\nsecurityresources\n'), 11, /"let zone" redefines a bound parameter/],
    ['table of the other source', replace('// @source resourcegraph', '// @source logs'), 11, /securityresources is a resourcegraph table but the query's source is logs/],
  ];
  for (const [name, text, line, message] of cases) it(`rejects: ${name}`, () => fails(text, line, message));

  it('loadCatalog requires the file name to match the id and every intent to have a query', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(join(dir, 'other.kql'), GOOD);
    assert.throws(() => loadCatalog(dir), /other\.kql:1: file name must be alerts\.kql/);
    const dir2 = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(join(dir2, 'alerts.kql'), GOOD);
    assert.throws(() => loadCatalog(dir2), /no query for intent\(s\) attack_paths, recommendations/);
  });
});

describe('ISO-8601 duration to Kusto timespan', () => {
  const cases: [string, string][] = [['P7D', '7d'], ['PT24H', '1d'], ['PT36H', '36h'], ['P2W', '14d'], ['P1DT12H', '36h'], ['PT90M', '90m'], ['PT1H30M', '90m'], ['P30D', '30d']];
  for (const [iso, ts] of cases) it(`${iso} → ${ts}`, () => assert.equal(isoToTimespan(iso), ts));
  it('rejects empty, zero and absurd ranges', () => {
    for (const bad of ['P', 'PT', 'P0D', 'P99999D', '7d', 'P1Y']) assert.throws(() => isoToTimespan(bad), RangeError, bad);
  });
});
