import assert from 'node:assert/strict';
import { governanceOf } from '../../src/notify/normalize/recommendation';
import { triageFacts } from '../../src/triage/accountable';
import { governanceAssignmentKey } from '../../src/triage/targets';
import { recommendation } from './support';

describe('accountable owners of a finding (owner tag, Defender governance owner)', () => {
  const f = recommendation('oai-accountable', 2);
  const withGovernance = (owner: string, key?: string) => ({ ...f, details: { ...f.details, governanceOwner: owner, governanceAssignmentKey: key } });

  it('counts a governance assignment made in Defender', () => {
    assert.equal(triageFacts(withGovernance('gina@contoso.com', '0c5e9f0a-1111-4222-8333-444455556666')).governanceOwner, 'gina@contoso.com');
    assert.equal(triageFacts(f).resourceOwner, 'priya.shah@contoso.com', 'the owner tag always counts');
  });

  it("does not count the bot's own assignment (a claim written back) nor one whose key is unknown", () => {
    assert.equal(triageFacts(withGovernance('marcus.chen@contoso.com', governanceAssignmentKey(f))).governanceOwner, undefined);
    assert.equal(triageFacts(withGovernance('marcus.chen@contoso.com', governanceAssignmentKey(f).toUpperCase())).governanceOwner, undefined);
    assert.equal(triageFacts(withGovernance('marcus.chen@contoso.com')).governanceOwner, undefined);
  });

  it('reads the assignment key from a Resource Graph governance assignment row', () => {
    const id = `${f.details.assessmentId as string}/governanceAssignments/0c5e9f0a-1111-4222-8333-444455556666`;
    const row = { id, name: '0c5e9f0a-1111-4222-8333-444455556666', type: 'microsoft.security/assessments/governanceassignments', properties: { owner: 'gina@contoso.com', remediationDueDate: '2025-07-01T00:00:00Z', assignedResourceId: f.details.assessmentId } };
    assert.deepEqual(governanceOf(row).governance, { owner: 'gina@contoso.com', dueDate: '2025-07-01T00:00:00Z', key: '0c5e9f0a-1111-4222-8333-444455556666' });
    assert.equal(governanceOf({ ...row, name: '' }).governance.key, '0c5e9f0a-1111-4222-8333-444455556666', 'from the id when the name is missing');
  });
});
