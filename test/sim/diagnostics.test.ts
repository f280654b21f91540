import assert from 'node:assert/strict';
import { LARGE_RESPONSE_CALLERS, SPIKE_CALLER } from '../../src/sim';
import { DAY, NOW, tenant } from './helpers';

const completion = (r: Record<string, unknown>): number => Number((JSON.parse(String(r.properties_s)) as { completionTokens: number }).completionTokens);

describe('simulated tenant: AzureDiagnostics (Azure OpenAI RequestResponse logs)', () => {
  const rows = () => tenant().tables.AzureDiagnostics ?? [];

  it('holds 30,000 RequestResponse records of Cognitive Services accounts over 30 days, in time order', () => {
    assert.equal(rows().length, 30_000);
    let prev = 0;
    for (const r of rows()) {
      const t = (r.TimeGenerated as Date).getTime();
      assert.ok(t >= prev && t <= NOW.getTime() && t >= NOW.getTime() - 30 * DAY);
      prev = t;
      assert.equal(r.ResourceProvider, 'MICROSOFT.COGNITIVESERVICES');
      assert.equal(r.Category, 'RequestResponse');
      assert.equal(r.ResourceType, 'ACCOUNTS');
    }
  });

  it('carries the real RequestResponse fields and token counts in properties_s', () => {
    const r = rows()[0] ?? {};
    const p = JSON.parse(String(r.properties_s)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(p), ['apiName', 'requestTime', 'requestLength', 'responseTime', 'responseLength', 'objectId', 'streamType', 'modelDeploymentName', 'modelName', 'modelVersion', 'promptTokens', 'completionTokens', 'totalTokens']);
    assert.equal(p.totalTokens, Number(p.promptTokens) + Number(p.completionTokens));
    assert.equal(r._ResourceId, String(r.ResourceId).toLowerCase());
    const ops = new Set(rows().map((x) => x.OperationName));
    assert.deepEqual([...ops].sort(), ['ChatCompletions_Create', 'Completions_Create', 'Embeddings_Create']);
    assert.deepEqual([...new Set(rows().map((x) => x.ResultSignature))].sort(), ['200', '400', '429']);
  });

  it('has a diurnal pattern: business hours (UTC 13-22) busier than night', () => {
    const byHour = new Array(24).fill(0) as number[];
    for (const r of rows()) byHour[(r.TimeGenerated as Date).getUTCHours()]++;
    assert.ok((byHour[16] as number) > (byHour[5] as number) * 3);
  });

  it('flags the spike caller with the lab\'s "today > 3x 30-day daily average" rule (and otherwise only brand-new resources)', () => {
    const end = NOW.getTime();
    const baseline = new Map<string, number>();
    const today = new Map<string, number>();
    for (const r of rows()) {
      const t = (r.TimeGenerated as Date).getTime();
      const ip = String(r.CallerIPAddress);
      if (t > end - DAY) today.set(ip, (today.get(ip) ?? 0) + 1);
      else if (t >= end - 30 * DAY) baseline.set(ip, (baseline.get(ip) ?? 0) + 1);
    }
    const flagged = [...today].filter(([ip, n]) => baseline.has(ip) && n > Math.floor((baseline.get(ip) ?? 0) / 30) * 3).map(([ip]) => ip);
    assert.ok(flagged.includes(SPIKE_CALLER.ip));
    // The lab query divides by 30 days, so a resource created this week also looks like a spike: shadow AI.
    const newCallers = new Set(['203.0.113.24']); // oai-wealth-advisor-pilot, created 3 days ago
    assert.deepEqual(flagged.filter((ip) => ip !== SPIKE_CALLER.ip), [...newCallers]);
    const ratio = (today.get(SPIKE_CALLER.ip) ?? 0) / Math.floor((baseline.get(SPIKE_CALLER.ip) ?? 0) / 30);
    assert.ok(ratio > 4, `ratio ${ratio}`);
  });

  it('has responses over 4,000 tokens in the last 24 hours from exactly the planted callers', () => {
    const large = rows().filter((r) => completion(r) > 4000);
    assert.ok(large.length >= 9);
    assert.ok(large.every((r) => (r.TimeGenerated as Date).getTime() > NOW.getTime() - DAY));
    assert.deepEqual([...new Set(large.map((r) => r.CallerIPAddress))].sort(), LARGE_RESPONSE_CALLERS.map((c) => c.ip).sort());
  });

  it('only logs traffic for resources after they were created', () => {
    const created = new Map(tenant().resources.map((r) => [r.id.toLowerCase(), r.createdAt.getTime()]));
    for (const r of rows()) assert.ok((r.TimeGenerated as Date).getTime() >= (created.get(String(r._ResourceId)) ?? Infinity));
  });
});
