import assert from 'node:assert/strict';
import { ALERT_DEFINITIONS } from '../../src/sim';
import { DAY, json, NOW, props, tenant } from './helpers';

/** Type → severity exactly as Microsoft's "Alerts for AI services" page lists them (16 alerts). */
const DOCUMENTED: Record<string, string> = {
  'AI.Azure_CredentialTheftAttempt': 'Medium',
  'AI.Azure_Jailbreak.ContentFiltering.BlockedAttempt': 'Medium',
  'AI.Azure_Jailbreak.ContentFiltering.DetectedAttempt': 'Medium',
  'AI.Azure_MaliciousUrl.ModelResponse': 'High',
  'AI.Azure_MaliciousUrl.UnknownSource': 'High',
  'AI.Azure_MaliciousUrl.UserPrompt': 'High',
  'AI.Azure_AccessFromSuspiciousUserAgent': 'Medium',
  'AI.Azure_ASCIISmuggling': 'High',
  'AI.Azure_AccessFromAnonymizedIP': 'High',
  'AI.Azure_AccessFromSuspiciousIP': 'High',
  'AI.Azure_DOWDuplicateRequests': 'Medium',
  'AI.Azure_DOWVolumeAnomaly': 'Medium',
  'AI.Azure_AccessAnomaly': 'Medium',
  'AI.Azure_AnomalousOperation.InitialAccess': 'Medium',
  'AI.Azure_SensitiveDataAnomaly': 'Medium',
  'AI.Azure_AnomalousToolInvocation': 'Low',
};

describe('simulated tenant: Defender for AI alerts', () => {
  const alerts = () => tenant().tables.SecurityAlert ?? [];

  it('has a few hundred alerts over the last 30 days', () => {
    assert.equal(alerts().length, 420);
    for (const a of alerts()) {
      const start = (a.StartTime as Date).getTime();
      assert.ok(start <= NOW.getTime() && start >= NOW.getTime() - 30 * DAY);
      assert.ok((a.TimeGenerated as Date) >= (a.StartTime as Date));
    }
  });

  it('uses all 16 documented alert types, each with its documented severity', () => {
    assert.equal(ALERT_DEFINITIONS.length, 16);
    const seen = new Map<string, Set<unknown>>();
    for (const a of alerts()) {
      const s = seen.get(String(a.AlertType)) ?? new Set();
      s.add(a.AlertSeverity);
      seen.set(String(a.AlertType), s);
    }
    assert.deepEqual([...seen.keys()].sort(), Object.keys(DOCUMENTED).sort());
    for (const [type, sev] of Object.entries(DOCUMENTED)) assert.deepEqual([...(seen.get(type) ?? [])], [sev], type);
  });

  it('carries the documented display names and Defender product fields', () => {
    const tor = alerts().find((a) => a.AlertType === 'AI.Azure_AccessFromAnonymizedIP');
    assert.equal(tor?.AlertName, 'Access from a Tor IP');
    assert.equal(tor?.DisplayName, 'Access from a Tor IP');
    assert.equal(tor?.Tactics, 'Execution');
    const jb = alerts().find((a) => a.AlertType === 'AI.Azure_Jailbreak.ContentFiltering.BlockedAttempt');
    assert.equal(jb?.AlertName, 'A Jailbreak attempt on an Azure AI model deployment was blocked by Azure AI Content Safety Prompt Shields');
    assert.equal(jb?.Tactics, 'PrivilegeEscalation,DefenseEvasion');
    for (const a of alerts()) {
      assert.equal(a.ProductName, 'Azure Security Center');
      assert.equal(a.ProductComponentName, 'AI');
      assert.equal(a.VendorName, 'Microsoft');
      assert.match(String(a.AlertLink), /^https:\/\/portal\.azure\.com\/#blade\/Microsoft_Azure_Security\/AlertBlade\/alertId\//);
      assert.match(String(a.SystemAlertId), /^\d{19}_[0-9A-F-]{36}$/);
      assert.ok(['New', 'InProgress', 'Resolved', 'Dismissed'].includes(String(a.Status)));
    }
  });

  it('points every alert at a simulated Azure OpenAI / AI Services resource, with caller IP and entities', () => {
    const t = tenant();
    const ids = new Set(t.resources.filter((r) => r.type === 'openai' || r.type === 'ai_services').map((r) => r.id));
    for (const a of alerts()) {
      assert.ok(ids.has(String(a.ResourceId)), String(a.ResourceId));
      const ext = json(a.ExtendedProperties);
      assert.match(String(ext.CallerIpAddress), /^\d+\.\d+\.\d+\.\d+$/);
      const entities = JSON.parse(String(a.Entities)) as { Type: string; Address?: string; ResourceId?: string }[];
      assert.equal(entities.find((e) => e.Type === 'ip')?.Address, ext.CallerIpAddress);
      assert.equal(entities.find((e) => e.Type === 'azure-resource')?.ResourceId, a.ResourceId);
    }
  });

  it('puts most alerts on Zone 3 resources, and more on internet-exposed ones', () => {
    const t = tenant();
    const zoneOf = new Map(t.resources.map((r) => [r.id, r.zone]));
    const z3 = alerts().filter((a) => zoneOf.get(String(a.ResourceId)) === 3).length;
    assert.ok(z3 > alerts().length * 0.6, `only ${z3} Zone 3 alerts`);
    const chatbot = alerts().filter((a) => a.CompromisedEntity === 'oai-customer-chatbot-prod').length;
    const fraud = alerts().filter((a) => a.CompromisedEntity === 'oai-fraud-detection-prod').length;
    assert.ok(chatbot > fraud * 1.5, `public chatbot ${chatbot} vs private fraud ${fraud}`);
  });

  it('has a weekly shape: fewer alerts per weekend day than per weekday', () => {
    let weekday = 0;
    let weekend = 0;
    for (const a of alerts()) {
      if ([0, 6].includes((a.StartTime as Date).getUTCDay())) weekend++;
      else weekday++;
    }
    assert.ok(weekday / 22 > (weekend / 8) * 1.5, `weekday ${weekday}, weekend ${weekend}`);
  });

  it('mirrors every alert in securityresources with the Defender alert properties', () => {
    const mirror = new Map((tenant().tables.securityresources ?? []).filter((r) => r.type === 'microsoft.security/locations/alerts').map((r) => [r.name, r]));
    assert.equal(mirror.size, alerts().length);
    const status: Record<string, string> = { New: 'Active', InProgress: 'InProgress', Resolved: 'Resolved', Dismissed: 'Dismissed' };
    for (const a of alerts()) {
      const m = mirror.get(a.SystemAlertId);
      assert.ok(m, `no mirror for ${String(a.SystemAlertId)}`);
      const p = props(m);
      assert.equal(p.AlertType, a.AlertType);
      assert.equal(p.AlertDisplayName, a.AlertName);
      assert.equal(p.Severity, a.AlertSeverity);
      assert.equal(p.Status, status[String(a.Status)]);
      assert.equal(p.CompromisedEntity, a.CompromisedEntity);
      assert.equal(p.StartTimeUtc, (a.StartTime as Date).toISOString());
      assert.equal(p.AlertUri, a.AlertLink);
      assert.deepEqual(p.ExtendedProperties, json(a.ExtendedProperties));
      assert.deepEqual((p.ResourceIdentifiers as Record<string, string>[])[0], { Type: 'AzureResource', AzureResourceId: a.ResourceId });
      assert.equal(m.id, `/subscriptions/${String(m.subscriptionId)}/resourceGroups/${String(a.ResourceId).split('/')[4]}/providers/Microsoft.Security/locations/centralus/alerts/${String(a.SystemAlertId)}`);
    }
  });

  it('keeps recent alerts open and older ones mostly closed', () => {
    const recent = alerts().filter((a) => NOW.getTime() - (a.StartTime as Date).getTime() < 2 * DAY);
    assert.ok(recent.length > 0 && recent.every((a) => a.Status === 'New' || a.Status === 'InProgress'));
    const old = alerts().filter((a) => NOW.getTime() - (a.StartTime as Date).getTime() > 7 * DAY);
    assert.ok(old.filter((a) => a.Status === 'Resolved' || a.Status === 'Dismissed').length > old.length * 0.7);
  });
});
