import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, parsePolicy, PolicyError, PolicyRoleDirectory } from '../../src/config/policy';
import { DEFAULT_ZONE_POLICIES } from '../../src/domain/zones';

const ROOT = join(__dirname, '..', '..');

describe('governance policy file', () => {
  it('fills zone defaults from DESIGN.md §2 and applies overrides', () => {
    const p = parsePolicy({ zones: { '2': { gracePeriodDays: 1 } } }, 'test');
    assert.equal(p.zones[3].remediationSlaHours.critical, 72);
    assert.equal(p.zones[3].riskAcceptance, 'committee');
    assert.equal(p.zones[2].gracePeriodDays, 1);
    assert.deepEqual(p.zones[2].remediationSlaHours, DEFAULT_ZONE_POLICIES[2].remediationSlaHours);
  });

  const bad: [string, unknown, RegExp][] = [
    ['an unknown role', { roles: { superuser: { users: [] } } }, /roles: Unrecognized key\(s\) in object: 'superuser'/],
    ['a malformed user id', { roles: { admin: { users: ['alex@contoso.com'] } } }, /roles\.admin\.users\.0: must be an Entra object id/],
    ['an unknown zone', { zones: { '4': {} } }, /zones: Unrecognized key/],
    ['a negative SLA', { zones: { '1': { gracePeriodDays: -1 } } }, /zones\.1\.gracePeriodDays/],
  ];
  for (const [name, json, expected] of bad) {
    it(`rejects ${name} with a message naming the field`, () => {
      assert.throws(() => parsePolicy(json, 'policy.json'), (err: Error) => err instanceof PolicyError && expected.test(err.message));
    });
  }

  it('reports a missing or malformed file clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    assert.throws(() => loadPolicy(join(dir, 'nope.json')), /Policy file .*nope\.json not found: set POLICY_FILE/);
    writeFileSync(join(dir, 'broken.json'), '{ "roles": ');
    assert.throws(() => loadPolicy(join(dir, 'broken.json')), /is not valid JSON/);
  });

  it('gives the Playground mock users their roles in the embedded policy', async () => {
    const directory = new PolicyRoleDirectory(loadPolicy(join(ROOT, 'env', 'policy.local.json')));
    const roles = async (id: string) => [...(await directory.rolesOf({ aadObjectId: id }))].sort();
    assert.deepEqual(await roles('1a0b0c0d-0000-4000-8000-000000000006'), ['admin', 'committee_member', 'soc_analyst']);
    assert.deepEqual(await roles('1a0b0c0d-0000-4000-8000-000000000003'), ['security_lead']);
    assert.deepEqual(await roles('1A0B0C0D-0000-4000-8000-000000000004'), ['committee_member']);
    assert.deepEqual(await roles('1a0b0c0d-0000-4000-8000-000000000001'), []);
    assert.ok(loadPolicy(join(ROOT, 'env', 'policy.dev.json')));
  });

  it('lists everyone holding a role: listed users and the members of its groups; a group it cannot read adds nobody', async () => {
    const LEAD = '2c9d4e5f-0000-4000-8000-0000000000a1';
    const [READABLE, FAILING] = ['5b2e8c1d-0000-4000-8000-000000000001', '5b2e8c1d-0000-4000-8000-000000000002'];
    const policy = parsePolicy({ roles: { security_lead: { users: [LEAD.toUpperCase()], groups: [READABLE, FAILING] } } }, 'test');
    const groups = {
      memberIds: async (id: string) => {
        if (id === FAILING) throw new Error('Graph answered 503');
        return new Set([LEAD, '2c9d4e5f-0000-4000-8000-0000000000a2']);
      },
    };
    assert.deepEqual(await new PolicyRoleDirectory(policy, groups).membersOf('security_lead'), [LEAD, '2c9d4e5f-0000-4000-8000-0000000000a2']);
    assert.deepEqual(await new PolicyRoleDirectory(policy).membersOf('security_lead'), [LEAD], 'without a directory: the listed users only');
    assert.deepEqual(await new PolicyRoleDirectory(policy).membersOf('committee_member'), []);
  });
});
