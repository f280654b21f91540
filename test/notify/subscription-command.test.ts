import assert from 'node:assert/strict';
import { isSubscriptionCommand, parseSubscriptionCommand } from '../../src/notify/subscription-command';
import { describeSpec, matches } from '../../src/notify/subscription';

const ok = (text: string) => {
  const r = parseSubscriptionCommand(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error}`);
  return r.command;
};

describe('subscription commands', () => {
  it('parses the documented examples', () => {
    assert.deepEqual(ok('subscribe zone 3 high alerts'), { action: 'subscribe', spec: { kinds: ['alert'], zones: [3], minSeverity: 'high' } });
    assert.deepEqual(ok('subscribe recommendations zone 2'), { action: 'subscribe', spec: { kinds: ['recommendation'], zones: [2], minSeverity: 'low' } });
    assert.deepEqual(ok('Subscribe to attack paths in zones 2 and 3'), { action: 'subscribe', spec: { kinds: ['attack_path'], zones: [2, 3], minSeverity: 'low' } });
    assert.deepEqual(ok('subscribe'), { action: 'subscribe', spec: { kinds: ['alert', 'recommendation', 'attack_path'], zones: [1, 2, 3], minSeverity: 'low' } });
    assert.deepEqual(ok('subscribe zone 1,3 critical+ alerts and recommendations'), { action: 'subscribe', spec: { kinds: ['alert', 'recommendation'], zones: [1, 3], minSeverity: 'critical' } });
    assert.deepEqual(ok('unsubscribe zone 3 high alerts'), { action: 'unsubscribe', spec: { kinds: ['alert'], zones: [3], minSeverity: 'high' } });
    assert.deepEqual(ok('unsubscribe all'), { action: 'unsubscribe', spec: 'all' });
    assert.deepEqual(ok('subscriptions'), { action: 'list' });
  });

  const bad: [string, RegExp][] = [
    ['subscribe zone 4 alerts', /There is no zone 4/],
    ['subscribe zone alerts', /"zone" must be followed by 1, 2 or 3 \(got "alerts"\)/],
    ['subscribe zone', /"zone" must be followed by 1, 2 or 3/],
    ['subscribe 3 high alerts', /"3" needs the word "zone" before it/],
    ['subscribe zone 3 hihg alerts', /I don't understand "hihg"/],
    ['subscribe high critical alerts', /one minimum severity, not both "high" and "critical"/],
    ['subscribe zone 2 incidents', /I don't understand "incidents"/],
    ['subscriptions please', /takes no words after it/],
    ['unsubscribe zone 0', /There is no zone 0/],
  ];
  for (const [text, error] of bad) {
    it(`rejects "${text}" naming what is wrong`, () => {
      const r = parseSubscriptionCommand(text);
      assert.equal(r.ok, false);
      assert.match((r as { error: string }).error, error);
      assert.match((r as { error: string }).error, /Examples: `subscribe zone 3 high alerts`/);
    });
  }

  it('recognises commands, not sentences that merely mention subscriptions', () => {
    assert.ok(isSubscriptionCommand('subscribe zone 3'));
    assert.ok(isSubscriptionCommand('  Unsubscribe all'));
    assert.ok(isSubscriptionCommand('subscriptions'));
    assert.ok(!isSubscriptionCommand('what are my subscriptions costing'));
    assert.ok(!isSubscriptionCommand('subscriptions by zone please'));
  });

  it('matches by kind, zone and minimum severity, and describes itself', () => {
    const spec = { kinds: ['alert' as const], zones: [3 as const], minSeverity: 'high' as const };
    const f = (severity: 'medium' | 'high' | 'critical', zone: 1 | 3, kind: 'alert' | 'recommendation' = 'alert') => ({ kind, severity, resource: { id: 'r', name: 'r', kind: 'x', zone, zoneKnown: true } });
    assert.ok(matches(spec, f('high', 3)));
    assert.ok(matches(spec, f('critical', 3)));
    assert.ok(!matches(spec, f('medium', 3)));
    assert.ok(!matches(spec, f('high', 1)));
    assert.ok(!matches(spec, f('high', 3, 'recommendation')));
    assert.equal(describeSpec(spec), 'alerts · zone 3 · high and above');
  });
});
