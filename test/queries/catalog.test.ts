/**
 * Every catalog query, for every slot combination it accepts (none, each slot alone, all together): the bound
 * text parses and binds against the schemas with no error, its inferred columns equal its header, and it runs
 * on the simulated tenant with values of the declared types. Then per-query answers checked against rows
 * computed in JS from the tenant (test/queries/expected.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_INTENTS, type Slots } from '../../src/domain/intents';
import { bindQuery, runCatalogQuery, type CatalogQuery } from '../../src/queries';
import { scopeIds } from '../../src/queries/scope';
import { fixture, ZONE_TAG } from './fixture';

const SAMPLE: Required<Slots> = {
  zone: 3,
  severity: 'high',
  timeRange: 'P14D',
  resourceType: 'openai',
  alertType: 'jailbreak',
  resource: 'oai-customer-chatbot-prod',
  user: 'priya.shah@contoso.com',
};

function combos(q: CatalogQuery): Slots[] {
  const required = Object.fromEntries(q.slots.filter((s) => s.required).map((s) => [s.name, SAMPLE[s.name]])) as Slots;
  const out: Slots[] = [{ ...required }];
  for (const s of q.slots) if (!s.required) out.push({ ...required, [s.name]: SAMPLE[s.name] });
  if (q.slots.length > 1) out.push(Object.fromEntries(q.slots.map((s) => [s.name, SAMPLE[s.name]])) as Slots);
  return out;
}

function valueFits(type: string, v: unknown): boolean {
  if (v === null) return true;
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'int':
    case 'long':
      return Number.isInteger(v);
    case 'real':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    case 'datetime':
      return v instanceof Date && !Number.isNaN(v.getTime());
    default:
      return v !== undefined;
  }
}

describe('catalog queries', () => {
  const { catalog } = fixture();

  it('has one query per catalog intent, each naming its card answer-<id>', () => {
    assert.deepEqual([...catalog.keys()].sort(), [...CATALOG_INTENTS].sort());
    for (const q of catalog.values()) assert.equal(q.card, `answer-${q.id}`, q.file);
  });

  for (const q of catalog.values()) {
    describe(q.id, () => {
      for (const slots of combos(q)) {
        it(`slots ${JSON.stringify(slots)}: binds, parses, matches its header and runs`, async () => {
          const { engine, tenant, runner } = fixture();
          const scope = q.source === 'logs' ? scopeIds(tenant.resources.map((r) => ({ id: r.id, name: r.name, resourceType: r.type, zone: r.zone })), slots) : null;
          const text = bindQuery(q, slots, { zoneTag: ZONE_TAG, scope });
          const analysis = engine.analyze(text);
          assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'Error'), [], text);
          assert.deepEqual(analysis.columns, q.columns, `${q.id}: inferred columns = header`);
          const answer = await runCatalogQuery(runner, catalog, q.id, slots, { zoneTag: ZONE_TAG });
          assert.equal(answer.text, text, 'run.ts resolves the same scope from the inventory query');
          assert.deepEqual(answer.result.columns, q.columns);
          for (const row of answer.result.rows) {
            row.forEach((v, i) => assert.ok(valueFits(q.columns[i]!.type, v), `${q.columns[i]!.name}:${q.columns[i]!.type} holds ${String(v)}`));
          }
        });
      }
    });
  }
});

describe('docs/queries.md', () => {
  it('lists every query with its card and every output column for the card author', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'queries.md'), 'utf8');
    for (const q of fixture().catalog.values()) {
      const line = doc.split('\n').find((l) => l.startsWith(`- **${q.card}** (\`${q.id}\`): `));
      assert.ok(line, `${q.card} listed`);
      assert.equal(line, `- **${q.card}** (\`${q.id}\`): ${q.columns.map((c) => `\`${c.name}:${c.type}\``).join(', ')}`);
      assert.ok(doc.includes(`| \`${q.id}\` | ${q.title} | ${q.source} |`), `${q.id} in the catalog table`);
    }
  });
});
