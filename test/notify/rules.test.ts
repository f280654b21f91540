import assert from 'node:assert/strict';
import type { Finding } from '../../src/domain/finding';
import { announces, detectChange } from '../../src/notify/changes';
import { groupBase, groupIsOpen, isStorm } from '../../src/notify/grouping';
import { maxInAnyWindow, SlidingWindowLimiter } from '../../src/notify/rate-limit';
import { backoffMs, classifyFailure, retryAfterMs } from '../../src/notify/retry';
import { ownerOf, routeFinding } from '../../src/notify/routing';

const T0 = new Date('2026-11-21T14:00:00Z');
function finding(over: Partial<Finding> = {}): Finding {
  return {
    key: 'alert:1',
    kind: 'alert',
    tenantId: 't',
    title: 'Jailbreak',
    severity: 'high',
    resource: { id: '/subs/x/oai-1', name: 'oai-1', kind: 'Azure OpenAI', zone: 3, zoneKnown: true, owner: 'priya.shah@contoso.com' },
    status: 'active',
    firstSeen: T0,
    lastSeen: T0,
    details: { alertType: 'AI.Azure_Jailbreak' },
    version: 1,
    ...over,
  };
}

describe('notification rules', () => {
  it('detects new, severity changed, resolved, reappeared, updated and unchanged', () => {
    const f = finding();
    assert.equal(detectChange(undefined, f), 'new');
    assert.equal(detectChange(f, { ...f }), 'unchanged');
    assert.equal(detectChange(f, { ...f, severity: 'critical' }), 'severity_changed');
    assert.equal(detectChange(f, { ...f, status: 'resolved' }), 'resolved');
    assert.equal(detectChange({ ...f, status: 'resolved' }, f), 'reappeared');
    assert.equal(detectChange(f, { ...f, lastSeen: new Date(T0.getTime() + 1000) }), 'updated');
    assert.ok(announces('new', f) && announces('reappeared', f) && announces('severity_changed', f));
    assert.ok(!announces('resolved', { status: 'resolved' }) && !announces('updated', f) && !announces('new', { status: 'resolved' }));
  });

  it('groups alerts by type and resource within the window; other findings have a card each', () => {
    assert.equal(groupBase(finding()), 'alert:AI.Azure_Jailbreak|/subs/x/oai-1');
    assert.equal(groupBase(finding({ kind: 'recommendation', key: 'recommendation:a|b' })), 'finding:recommendation:a|b');
    const base = groupBase(finding());
    assert.ok(groupIsOpen(base, T0, new Date(T0.getTime() + 30 * 60_000), 30 * 60_000));
    assert.ok(!groupIsOpen(base, T0, new Date(T0.getTime() + 30 * 60_000 + 1), 30 * 60_000));
    assert.ok(!groupIsOpen(base, T0, new Date(T0.getTime() - 1), 30 * 60_000));
    assert.ok(isStorm(20, 20) && !isStorm(19, 20) && !isStorm(1000, 0));
  });

  it('routes to matching subscriptions and to the owner, each conversation once', () => {
    const sub = (conversationId: string, minSeverity: 'low' | 'critical') => ({ tenantId: 'T', conversationId, spec: { kinds: ['alert' as const], zones: [3 as const], minSeverity } });
    const tables = {
      subscriptions: [sub('channel', 'low'), sub('channel', 'low'), sub('critical-only', 'critical')],
      personalChats: [
        { tenantId: 'T', conversationId: 'dm-priya', upn: 'Priya.Shah@contoso.com' },
        { tenantId: 'T', conversationId: 'dm-marcus', upn: 'marcus@contoso.com' },
      ],
      ownerDms: true,
    };
    assert.deepEqual(routeFinding(finding(), tables).map((r) => [r.conversationId, r.reason]), [['channel', 'subscription'], ['dm-priya', 'owner']]);
    assert.deepEqual(routeFinding(finding(), { ...tables, ownerDms: false }).map((r) => r.conversationId), ['channel']);
    assert.equal(ownerOf(finding({ details: { governanceOwner: 'elena@contoso.com' } })), 'elena@contoso.com');
  });

  it('keeps every sliding window under its limit', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 7, windowMs: 1000 }, { limit: 60, windowMs: 30_000 }]);
    const sent: number[] = [];
    let now = 0;
    while (sent.length < 200) {
      const wait = limiter.waitMs(now);
      if (wait > 0) now += wait;
      else {
        limiter.record(now);
        sent.push(now);
        now += 10;
      }
    }
    assert.ok(maxInAnyWindow(sent, 1000) <= 7);
    assert.ok(maxInAnyWindow(sent, 30_000) <= 60);
    assert.ok(sent[199]! < 110_000, 'and does not wait longer than the limits require');
  });

  it('classifies connector failures and computes retry delays', () => {
    assert.equal(classifyFailure(429), 'throttled');
    for (const s of [412, 502, 504, 500, undefined]) assert.equal(classifyFailure(s), 'transient');
    assert.equal(classifyFailure(403), 'unreachable');
    assert.equal(classifyFailure(404), 'unreachable');
    assert.equal(classifyFailure(400), 'fatal');
    assert.equal(retryAfterMs('3', 0), 3000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(retryAfterMs(undefined, 0), 1000);
    assert.equal(backoffMs(1, () => 0), 250);
    assert.equal(backoffMs(3, () => 1), 2000);
    assert.equal(backoffMs(30, () => 1), 60_000);
  });
});
