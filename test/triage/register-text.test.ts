import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePolicy, PolicyRoleDirectory, StaticUserDirectory } from '../../src/config/policy';
import { FileAnchorStore } from '../../src/data/anchors';
import { textProblem, wellFormed } from '../../src/domain/text';
import { GENESIS_HASH } from '../../src/domain/triage/register';
import { setLogLevel } from '../../src/log';
import type { Db } from '../../src/store/database';
import { createTriage, type Triage } from '../../src/triage';
import { describeEachDatabase } from '../support/databases';
import { recommendation } from './support';

/** Any text a person can send: every code point, printable graphemes, unpaired surrogates and known troublemakers. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\r\n', '\t', '\u0007', '\u001b[2J', '\u200d', '\u202e', '\u2028', '\ufeff', '\ufffd', '\uffff', 'e\u0301', '👩🏽‍💻', '"', '\\', "'; drop table x;--", '=HYPERLINK("x")', '  ') },
);
const userText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const SOC = '5b0c0c0d-0000-4000-8000-0000000000a1';
const OWNER = { aadObjectId: '5b0c0c0d-0000-4000-8000-0000000000a2', upn: 'owen.owner@contoso.com', name: 'Owen Owner' };
const NOW = new Date('2025-06-16T14:00:00.000Z');
// A SOC analyst who is not in the directory: the register records the display name Teams sends.
const POLICY = parsePolicy({ roles: { soc_analyst: { users: [SOC] } }, users: [OWNER] }, 'test policy');

describeEachDatabase('register text (property: any text a person enters round-trips, and the register verifies)', (t) => {
  let db: Db;
  let triage: Triage;
  let n = 0;
  const seen = { recorded: 0, refused: 0 };

  before(async () => {
    setLogLevel('silent');
    db = await t.open();
    triage = createTriage({
      db,
      policy: POLICY,
      roles: new PolicyRoleDirectory(POLICY),
      users: new StaticUserDirectory(POLICY.users),
      clock: { now: () => NOW },
      // Decisions are recorded in Teams only (WRITEBACK=off): this test is about the register, not Defender.
      actions: { kind: 'unused', apply: () => Promise.reject(new Error('the write-back worker is not started in this test')) },
      targets: { exemptionTargets: () => Promise.reject(new Error('not asked for with write-back off')) },
      writeback: false,
      notifier: { requestApproval: async () => undefined, tell: async () => undefined },
      findingTenant: (id) => id,
      anchors: new FileAnchorStore(join(mkdtempSync(join(tmpdir(), 'register-text-')), 'anchors.jsonl')),
      anchorIntervalMs: 0,
    });
  });
  after(() => assert.ok(seen.recorded > 0 && seen.refused > 0, `both outcomes happened (${JSON.stringify(seen)})`));

  /** A fresh Zone 1 finding owned by OWNER (so the owner may accept its risk alone), and an empty register: each run stands alone, so a shrunk counterexample is the real one. */
  const finding = async () => {
    await db.deleteFrom('decision_register').execute();
    await db.updateTable('decision_register_head').set({ seq: 0, hash: GENESIS_HASH }).where('id', '=', 1).execute();
    const f = recommendation(`oai-prop-${++n}`, 1, 'low', 'tenant-prop');
    const owned = { ...f, resource: { ...f.resource, owner: OWNER.upn } };
    await triage.findings.put(owned, NOW);
    return owned;
  };
  const lastEntry = async (key: string) => (await triage.register.list({ findingKey: key })).at(-1);

  it('comments and display names', async () => {
    await fc.assert(
      fc.asyncProperty(userText, userText, async (comment, displayName) => {
        const f = await finding();
        const result = await triage.service.act({ teamsTenantId: 'tenant-prop', activityId: `prop-${n}`, actor: { aadObjectId: SOC, name: displayName }, verb: 'comment', data: { findingKey: f.key, version: 1, text: comment } });
        const typed = comment.trim();
        const problem = typed === '' ? 'is empty' : textProblem(typed);
        if (problem) {
          seen.refused++;
          assert.equal(result.outcome, 'denied');
          assert.equal(result.message, `text: ${problem}.`);
          assert.equal(await lastEntry(f.key), undefined, 'a refused text changes nothing');
        } else {
          seen.recorded++;
          assert.equal(result.outcome, 'done', result.message);
          const e = (await lastEntry(f.key))!;
          assert.equal(e.justification, typed, 'the register holds exactly what was typed');
          assert.equal((e.after as { lastComment: { text: string } }).lastComment.text, typed);
          assert.equal(e.actorName, wellFormed(displayName || SOC));
        }
        const verified = await triage.register.verify();
        assert.deepEqual(verified.problems, []);
      }),
      { numRuns: 120 },
    );
  });

  it('risk-acceptance justifications', async () => {
    await fc.assert(
      fc.asyncProperty(userText, async (text) => {
        const f = await finding();
        const justification = `Accepted for the pilot because ${text}`;
        const result = await triage.service.act({ teamsTenantId: 'tenant-prop', activityId: `prop-${n}`, actor: { aadObjectId: OWNER.aadObjectId, name: OWNER.name }, verb: 'accept_risk', data: { findingKey: f.key, version: 1, justification, expiresOn: '2025-12-01' } });
        const typed = justification.trim();
        const problem = textProblem(typed);
        if (problem || typed.length > 2000) {
          seen.refused++;
          assert.equal(result.outcome, 'denied');
          assert.equal(await lastEntry(f.key), undefined);
        } else {
          seen.recorded++;
          assert.equal(result.outcome, 'done', result.message);
          const e = (await lastEntry(f.key))!;
          assert.equal(e.justification, typed);
          assert.equal((e.after as { acceptance: { justification: string } }).acceptance.justification, typed);
        }
        assert.deepEqual((await triage.register.verify()).problems, []);
      }),
      { numRuns: 80 },
    );
  });
});
