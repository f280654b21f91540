/**
 * "What's assigned to me" lists everything the asker owns: Defender's governance assignments (the catalog query)
 * plus what they claimed in Teams that Defender has no governance record of (attack paths, alerts), over the real
 * endpoint: findings in the bot's store, claims through the real card invoke, the question as a chat message.
 */
import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import { TRACKED_BY_DEFENDER, TRACKED_BY_TEAMS } from '../../src/answers/claims';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import type { Finding } from '../../src/domain/finding';
import { setLogLevel } from '../../src/log';
import { TENANT_ID as SIM_TENANT } from '../../src/sim';
import { activity } from '../support/activities';
import { postActivity, startTestBot } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { cardData, click, PEOPLE, type Person } from '../triage/support';
import { nodes, texts } from './support';

const HOUR_MS = 3_600_000;
const START = new Date('2026-11-18T10:00:00Z');
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

describe("what's assigned to me: Defender governance + Teams claims (real endpoint)", function () {
  this.timeout(30_000);
  const connector = new ConnectorStub();
  let bot: RunningBot;
  let now = START;
  const clock = { now: () => now };
  /** Every question runs past the answer cache's 30 s, so each sees the current Defender rows. */
  const later = () => (now = new Date(now.getTime() + 60_000));

  before(async () => {
    setLogLevel('silent');
    await connector.start();
    bot = await startTestBot({}, clock);
    await bot.triage.stop(); // the test drains the write-back worker itself
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  const tables = () => (bot.dataSource as EmbeddedDataSource).tenant.tables;
  const resource = (name: string) => {
    const r = tables().resources!.find((row) => row.name === name)!;
    const zone = Number((r.tags as Record<string, string>)['governance-zone']) as 1 | 2 | 3;
    return { id: String(r.id), name, kind: 'Azure OpenAI', zone, zoneKnown: true, owner: 'priya.shah@contoso.com' };
  };
  let seq = 0;
  async function put(f: Omit<Finding, 'tenantId' | 'status' | 'firstSeen' | 'lastSeen' | 'version'>): Promise<Finding> {
    const finding: Finding = { ...f, tenantId: SIM_TENANT, status: 'active', firstSeen: new Date(now.getTime() - HOUR_MS), lastSeen: now, version: 1 };
    await bot.triage.findings.put(finding, now);
    return finding;
  }
  const attackPath = (target: string, severity: Finding['severity'] = 'critical') =>
    put({ key: `attack_path:test-path-${++seq}`, kind: 'attack_path', title: `Internet exposed VM can reach ${target} (${seq})`, severity, resource: resource(target), details: { riskFactors: ['Internet exposure'] } });

  async function claim(who: Person, f: Finding): Promise<void> {
    const current = (await bot.triage.findings.get(f.tenantId, f.key))!;
    const answer = await click(bot, connector.url, who, 'claim', cardData(current));
    assert.equal(answer.status, 200);
    assert.match(answer.text, /You own this now/);
  }

  /** Asks as `who` and returns the My remediation queue card's rows (cells as text) and all its text. */
  async function queue(who: Person, question = "what's assigned to me"): Promise<{ rows: string[][]; text: string[] }> {
    later();
    const before = connector.posted().length;
    const res = await postActivity(bot, activity(connector.url, { type: 'message', text: question, from: PEOPLE[who] }, `personal-chat-${who}`));
    assert.equal(res.status, 200);
    const [card] = cardsOf(connector.posted().slice(before)[0]!);
    assert.ok(card, 'a card');
    assert.equal(texts(card)[0], 'My remediation queue');
    const table = nodes(card).find((n) => n.type === 'Table');
    const rows = ((table?.rows as unknown[]) ?? []).slice(1).map((row) => ((row as { cells: unknown[] }).cells ?? []).map((cell) => texts(cell).join(' | ')));
    return { rows, text: texts(card) };
  }
  const rowOf = (rows: string[][], title: string, resourceName?: string) => rows.filter((r) => r[2]!.startsWith(`${title} | `) && (!resourceName || r[3] === resourceName));

  it('a Zone 3 critical attack path claimed from its card is listed with its 72 h due date and the Teams-claim label', async () => {
    const path = await attackPath('oai-fraud-detection-prod');
    const claimedAt = now;
    await claim('priya', path);
    const { rows, text } = await queue('priya');
    const [row, ...more] = rowOf(rows, path.title);
    assert.ok(row, `the attack path is listed: ${JSON.stringify(rows)}`);
    assert.equal(more.length, 0);
    assert.deepEqual(row, [utc(new Date(claimedAt.getTime() + 72 * HOUR_MS)), 'Critical', `${path.title} | Attack path · ${TRACKED_BY_TEAMS}`, 'oai-fraud-detection-prod', 'Zone 3']);
    assert.ok(text.some((t) => /Teams claims come from the bot's decision store/.test(t)), 'the card says where Teams claims come from');
    // Sorted by due date (Defender's own assignments of Priya's are around it), none missing.
    const dues = rows.map((r) => Date.parse(r[0]!.replace(' UTC', 'Z').replace(' ', 'T')));
    assert.deepEqual(dues, [...dues].sort((a, b) => a - b));
    assert.ok(rows.some((r) => r[2]!.endsWith(`Recommendation · ${TRACKED_BY_DEFENDER}`)), 'Defender governance rows stay');
    // "Show KQL" is still exactly the catalog query (no Teams claims in it).
    const kql = text.find((t) => t.startsWith('let user = '))!;
    assert.match(kql, /governanceassignments/);
    assert.doesNotMatch(kql, /attack_path|Teams/);
  });

  it('a recommendation claimed in Teams appears once: as a Teams claim until its write-back lands, then as Defender governance', async () => {
    const target = resource('oai-fraud-detection-prod');
    // Defender finds one of its (healthy) recommendations unhealthy; nobody is assigned to it yet.
    const assessment = tables().securityresources!.find((r) => {
      const p = r.properties as { status?: { code?: string }; resourceDetails?: { Id?: string } };
      return r.type === 'microsoft.security/assessments' && p.status?.code === 'Healthy' && String(p.resourceDetails?.Id).toLowerCase() === target.id.toLowerCase();
    });
    assert.ok(assessment, 'a recommendation on oai-fraud-detection-prod');
    const props = assessment.properties as { status: Record<string, unknown> };
    assessment.properties = { ...props, status: { ...props.status, code: 'Unhealthy' } };
    const p = assessment.properties as { displayName: string; metadata: { severity: string } };
    const rec = await put({
      key: `recommendation:${String(assessment.name).toLowerCase()}|${target.id.toLowerCase()}`,
      kind: 'recommendation',
      title: p.displayName,
      severity: p.metadata.severity.toLowerCase() as Finding['severity'],
      resource: target,
      details: { assessmentId: String(assessment.id), defenderStatus: 'Unhealthy' },
    });
    await claim('priya', rec);

    const pending = rowOf((await queue('priya')).rows, p.displayName, target.name);
    assert.equal(pending.length, 1, 'listed once before the write-back');
    assert.match(pending[0]![2]!, new RegExp(`Recommendation · ${TRACKED_BY_TEAMS.replace(/[()]/g, '\\$&')}$`));

    await bot.triage.worker.drain(); // the governance assignment reaches the simulated tenant
    const synced = rowOf((await queue('priya')).rows, p.displayName, target.name);
    assert.equal(synced.length, 1, `listed once after the write-back: ${JSON.stringify(synced)}`);
    assert.match(synced[0]![2]!, new RegExp(`Recommendation · ${TRACKED_BY_DEFENDER}$`));
  });

  it('the zone filter applies to Teams claims too', async () => {
    const zone1 = await attackPath('oai-fraud-detection-dev', 'high');
    assert.equal(zone1.resource.zone, 1);
    await claim('priya', zone1);
    assert.equal(rowOf((await queue('priya')).rows, zone1.title).length, 1, 'listed without a filter');
    const inZone3 = await queue('priya', "what's assigned to me in zone 3");
    assert.ok(inZone3.text.some((t) => /Zone 3/.test(t)), 'the zone 3 filter was understood');
    assert.equal(rowOf(inZone3.rows, zone1.title).length, 0, 'a Zone 1 claim is not in the Zone 3 queue');
    assert.ok(inZone3.rows.length > 0 && inZone3.rows.every((r) => r[4]!.startsWith('Zone 3')));
  });

  it("never lists another user's claims", async () => {
    const path = await attackPath('oai-fraud-detection-prod');
    await claim('marcus', path);
    assert.equal(rowOf((await queue('priya')).rows, path.title).length, 0, "Marcus's claim is not in Priya's queue");
    const marcus = await queue('marcus');
    assert.equal(rowOf(marcus.rows, path.title).length, 1, "it is in Marcus's");
    assert.equal(marcus.rows.filter((r) => r[2]!.endsWith(TRACKED_BY_TEAMS)).length, 1, "none of Priya's claims is in Marcus's queue");
  });
});
