import assert from 'node:assert/strict';
import { EmbeddedDataSource } from '../../src/data/embedded';
import { findingQuery } from '../../src/notify/arg-feed';
import { EmbeddedFindingFeed } from '../../src/notify/embedded-feed';

const NOW = new Date('2026-11-21T12:00:00Z');

describe('finding normalizers over the simulated tenant (the ARG row shapes of Azure mode)', () => {
  const source = new EmbeddedDataSource({ seed: 42, now: NOW, zoneTag: 'governance-zone' });
  const feed = new EmbeddedFindingFeed(source);

  it('alerts: stable key, severity, zone and owner from the resource, tactics, caller IP, portal link', async () => {
    const { findings, newest } = await feed.read('alert', undefined, NOW);
    assert.equal(findings.length, source.tenant.tables.SecurityAlert!.length);
    const f = findings[0]!;
    assert.match(f.key, /^alert:\d+_[0-9a-f-]+$/);
    assert.ok(['low', 'medium', 'high', 'critical'].includes(f.severity));
    assert.ok(f.resource.zoneKnown !== undefined && f.resource.name && f.resource.owner?.endsWith('@contoso.com'));
    assert.ok(Array.isArray(f.details.tactics) && String(f.details.portalUrl).startsWith('https://portal.azure.com/'));
    assert.ok(newest instanceof Date);
    const later = await feed.read('alert', newest, NOW);
    assert.ok(later.findings.every((x) => x.status === 'resolved'), 'after the watermark only resolved alerts are re-read');
  });

  it('recommendations: key is assessment + resource, unhealthy is active, governance owner and due date joined', async () => {
    const { findings } = await feed.read('recommendation', undefined, NOW);
    assert.ok(findings.length > 20);
    assert.ok(findings.every((f) => /^recommendation:[0-9a-f-]+\|\/subscriptions\//.test(f.key)));
    assert.ok(findings.some((f) => f.status === 'active') && findings.some((f) => f.status === 'resolved'));
    assert.ok(findings.some((f) => typeof f.details.governanceOwner === 'string' && typeof f.details.dueDate === 'string'));
    assert.equal(new Set(findings.map((f) => f.key)).size, findings.length, 'keys are unique');
  });

  it('attack paths: a complete snapshot, target resource, chain and remediation', async () => {
    const batch = await feed.read('attack_path', undefined, NOW);
    assert.equal(batch.snapshot, true);
    assert.equal(batch.findings.length, 8);
    const f = batch.findings[0]!;
    assert.ok((f.details.chain as string[]).length >= 2 && (f.details.remediation as string[]).length >= 1);
    assert.equal((f.details.chain as string[]).at(-1), f.resource.name);
  });

  it('builds one Resource Graph query per kind with the watermark as a datetime literal', () => {
    const q = findingQuery('alert', new Date('2026-11-20T00:00:00Z'), NOW);
    assert.match(q, /^securityresources\n\| where type == 'microsoft\.security\/locations\/alerts'/);
    assert.match(q, /changedAt > datetime\(2026-11-20T00:00:00\.000Z\)/);
    assert.match(q, /\| order by id asc$/);
    assert.match(findingQuery('recommendation', undefined, NOW), /governanceassignments/);
    assert.doesNotMatch(findingQuery('attack_path', undefined, NOW), /datetime\(/);
  });
});
