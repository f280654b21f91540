import assert from 'node:assert/strict';
import { retryAfterSeconds } from '../../../src/data/azure/errors';
import { timespanToMs, toConventionValue } from '../../../src/data/azure/values';

describe('Azure value conversion', () => {
  it('parses Kusto timespans to milliseconds', () => {
    assert.equal(timespanToMs('00:05:00'), 300_000);
    assert.equal(timespanToMs('1.02:03:04.5'), 93_784_500);
    assert.equal(timespanToMs('00:00:00.0000001'), 0.0001);
    assert.equal(timespanToMs('-00:00:01'), -1000);
    assert.equal(timespanToMs('365.00:00:00'), 365 * 86_400_000);
    assert.ok(Number.isNaN(timespanToMs('5 minutes')));
  });

  it('accepts values the SDK already converted and text it did not', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    assert.equal(toConventionValue('datetime', at), at);
    assert.deepEqual(toConventionValue('datetime', '2025-01-01T00:00:00Z'), at);
    assert.equal(toConventionValue('long', '9007199254740'), 9007199254740);
    assert.equal(toConventionValue('decimal', '0.1'), 0.1);
    assert.equal(toConventionValue('bool', 'True'), true);
    assert.equal(toConventionValue('timespan', 1500), 1500);
    // Dynamic cells arrive parsed; a dynamic string stays a string.
    assert.equal(toConventionValue('dynamic', '123'), '123');
    assert.deepEqual(toConventionValue('dynamic', [1, { a: 2 }]), [1, { a: 2 }]);
    assert.equal(toConventionValue('guid', '2f1c0e9a-5b8d-4c1e-9f3a-7d6e5c4b3a21'), '2f1c0e9a-5b8d-4c1e-9f3a-7d6e5c4b3a21');
    for (const type of ['string', 'int', 'long', 'real', 'bool', 'datetime', 'timespan', 'dynamic', 'guid', 'decimal']) {
      assert.equal(toConventionValue(type, null), null, type);
      assert.equal(toConventionValue(type, undefined), null, type);
    }
  });

  it('reads Retry-After as seconds, an HTTP date, or the millisecond headers', () => {
    const withHeaders = (h: Record<string, string>) => ({ response: { headers: { get: (n: string) => h[n] } } });
    assert.equal(retryAfterSeconds(withHeaders({ 'retry-after': '30' })), 30);
    assert.equal(retryAfterSeconds(withHeaders({ 'retry-after-ms': '1500' })), 2);
    assert.equal(retryAfterSeconds(withHeaders({ 'x-ms-retry-after-ms': '200' })), 1);
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    const s = retryAfterSeconds(withHeaders({ 'retry-after': inTen }))!;
    assert.ok(s >= 9 && s <= 10, String(s));
    assert.equal(retryAfterSeconds(withHeaders({})), undefined);
    assert.equal(retryAfterSeconds({}), undefined);
  });
});
