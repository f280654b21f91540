/**
 * Slot values cannot change a bound query's syntax: for hostile text in every free-text string slot (and the
 * zone tag and scope ids), the bound query has the same token kinds and non-literal tokens as the query bound
 * with a plain value, and the parser reads the literal back as exactly the input.
 */
import assert from 'node:assert/strict';
import type { Slots } from '../../src/domain/intents';
import type { KqlToken } from '../../src/kql';
import { tokensOf } from '../../src/kql/analyze';
import { kusto } from '../../src/kql/loader';
import { bindQuery, SlotError, type CatalogQuery } from '../../src/queries';
import { kustoString } from '../../src/queries/literals';
import { fixture, ZONE_TAG } from './fixture';

const HOSTILE: Record<string, string> = {
  'single quote': "o'brien",
  'double quote': 'say "hi"',
  'quote then pipe': '" | take 1 //',
  'statement break': 'x"; SecurityAlert | take 1; let zone = int(1); print "',
  'semicolon': 'a;b',
  'newline': 'line1\nline2',
  'CRLF and pipe': 'a\r\n| where 1 == 1',
  'comment': '// rest of the query',
  'backslashes': 'C:\\temp\\',
  'escaped quote': '\\"',
  'control characters': '\u0000\u0001\u0007\u001b\u001f\u007f',
  'RTL override and emoji': '\u202Eevil\u202C 😀 👩‍💻 ​',
  'line separators': 'a\u2028b\u2029c\u0085',
  'KQL keywords': 'union * | project-away * | evaluate bag_unpack()',
  'verbatim and multi-line string openers': '@"x" h"y" ```z',
  'dynamic literal text': 'dynamic(["a"])',
  'braces and brackets': '{[(]})',
  'max length': `${'"\\'.repeat(66)}xy`,
};

/** Token kinds, and the text of every token that is not a literal value. */
function shape(tokens: KqlToken[]): string[] {
  return tokens.map((t) => (t.literal ? t.kind : `${t.kind}:${t.text}`));
}

/** Syntax-only parse with the official parser (binding is checked in catalog.test.ts): tokens and error count. */
function parse(text: string): { tokens: KqlToken[]; errors: number } {
  const code = kusto().KustoCode.Parse(text)!;
  const diagnostics = code.GetDiagnostics()!;
  let errors = 0;
  for (let i = 0; i < diagnostics.Count; i++) if (diagnostics.getItem(i).Severity === 'Error') errors++;
  return { tokens: tokensOf(code), errors };
}

function literalValue(literalText: string): unknown {
  return fixture().engine.prepare(`print v = ${literalText}`).run({}).rows[0]![0];
}

function assertSameSyntax(query: CatalogQuery, plain: string, hostile: string, expected: readonly string[]): void {
  const a = parse(plain).tokens;
  const { tokens: b, errors } = parse(hostile);
  assert.deepEqual(shape(b), shape(a));
  assert.equal(errors, 0, `${query.id}: bound query parses`);
  // Literal tokens that differ from the plain binding carry the hostile values, read back exactly.
  const changed = b.filter((t, i) => t.text !== a[i]!.text).map((t) => t.text);
  assert.ok(changed.length > 0);
  for (const text of changed) {
    const v = literalValue(text);
    if (Array.isArray(v)) for (const x of v) assert.ok(expected.includes(String(x)), `${JSON.stringify(x)} read back`);
    else assert.ok(expected.includes(String(v)), `${JSON.stringify(v)} read back exactly`);
  }
}

describe('slot binding is injection-safe', () => {
  const { catalog } = fixture();
  const stringSlots: { query: CatalogQuery; slot: 'resource' | 'user'; base: Slots }[] = [];
  for (const q of catalog.values()) {
    for (const s of q.slots) {
      if (s.name === 'resource' || s.name === 'user') stringSlots.push({ query: q, slot: s.name, base: q.id === 'my_queue' ? { user: 'plain' } : {} });
    }
  }

  it('covers every free-text slot of the catalog', () => {
    assert.ok(stringSlots.some((s) => s.slot === 'user'));
    assert.ok(stringSlots.filter((s) => s.slot === 'resource').length >= 10);
  });

  for (const [name, value] of Object.entries(HOSTILE)) {
    it(`${name}: same syntax tree in every string slot, literal read back exactly`, () => {
      for (const { query, slot, base } of stringSlots) {
        const scope = query.source === 'logs' ? [] : null;
        const plain = bindQuery(query, { ...base, [slot]: 'plain' }, { zoneTag: ZONE_TAG, scope });
        const hostile = bindQuery(query, { ...base, [slot]: value }, { zoneTag: ZONE_TAG, scope });
        assertSameSyntax(query, plain, hostile, [value]);
      }
    });
  }

  it('the zone tag name and resolved scope ids are escaped the same way', () => {
    const values = Object.values(HOSTILE);
    const inventory = catalog.get('inventory')!;
    for (const v of values) {
      assertSameSyntax(inventory, bindQuery(inventory, {}, { zoneTag: 'plain' }), bindQuery(inventory, {}, { zoneTag: v }), [v]);
    }
    const logs = catalog.get('large_responses')!;
    const plain = bindQuery(logs, { zone: 3 }, { zoneTag: ZONE_TAG, scope: values.map(() => 'plain') });
    const hostile = bindQuery(logs, { zone: 3 }, { zoneTag: ZONE_TAG, scope: values });
    assertSameSyntax(logs, plain, hostile, values.map((v) => v.toLowerCase()));
  });

  it('kustoString round-trips every UTF-16 code unit class through the official parser', () => {
    const all = Array.from({ length: 0x300 }, (_, i) => String.fromCharCode(i)).join('') + '\ud83d\ude00\u202e\ufeff\uffff';
    assert.equal(literalValue(kustoString(all)), all);
    assert.match(kustoString(all), /^"[\x20-\x7e]*"$/, 'plain ASCII text');
  });

  it('enumerated slots reject anything outside their values, so nothing runs', () => {
    const alerts = catalog.get('alerts')!;
    const bad: Slots[] = [
      { severity: 'high" | take 1' as never },
      { resourceType: 'openai; drop' as never },
      { alertType: 'jailbreak"])' as never },
      { zone: 4 as never },
      { zone: '3' as never },
      { timeRange: 'P7D; print 1' },
      { timeRange: '7d' },
      { resource: '' },
      { resource: 'x'.repeat(201) },
      { unknown: 'x' } as never,
    ];
    for (const slots of bad) assert.throws(() => bindQuery(alerts, slots, { zoneTag: ZONE_TAG }), SlotError, JSON.stringify(slots));
  });
});
