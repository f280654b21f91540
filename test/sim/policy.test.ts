import assert from 'node:assert/strict';
import { MCSB_ASSIGNMENT_ID, mcsbReferenceId, securityStandards } from '../../src/sim';
import { props, tenant } from './helpers';

const rows = (table: string, type: string) => (tenant().tables[table] ?? []).filter((r) => r.type === type);

describe('simulated tenant: the policy landscape behind write-backs', () => {
  it('has one policy state per Azure assessment, under the benchmark assigned at the root management group', () => {
    const assessments = rows('securityresources', 'microsoft.security/assessments');
    const azure = assessments.filter((a) => (props(a).resourceDetails as { Source: string }).Source === 'Azure');
    const states = rows('policyresources', 'microsoft.policyinsights/policystates');
    assert.equal(states.length, azure.length);
    assert.ok(azure.length < assessments.length, 'AWS and GCP assessments have no Azure Policy state');
    for (const a of azure) {
      const p = props(a);
      const meta = p.metadata as { policyDefinitionId: string; displayName: string };
      const resourceId = (p.resourceDetails as { Id: string }).Id;
      const state = states.find((s) => props(s).resourceId === resourceId && props(s).policyDefinitionId === meta.policyDefinitionId);
      assert.ok(state, `${a.id} has a policy state`);
      const sp = props(state);
      assert.equal(sp.policyAssignmentId, MCSB_ASSIGNMENT_ID);
      assert.match(String(sp.policyAssignmentScope), /^\/providers\/Microsoft\.Management\/managementGroups\//);
      // The initiative's reference id names the policy, never the assessment key.
      assert.equal(sp.policyDefinitionReferenceId, mcsbReferenceId(meta.displayName));
      assert.notEqual(sp.policyDefinitionReferenceId, a.name);
      const code = (p.status as { code: string }).code;
      assert.equal(sp.complianceState, { Unhealthy: 'NonCompliant', Healthy: 'Compliant', NotApplicable: 'Exempt' }[code]);
    }
  });

  it("lists every AWS and GCP assessment in the benchmark standard assigned on its connector", () => {
    const standards = securityStandards();
    for (const a of rows('securityresources', 'microsoft.security/assessments')) {
      const details = props(a).resourceDetails as { Source: string; ConnectorId?: string };
      if (details.Source === 'Azure') continue;
      const standard = standards.find((s) => s.scope.toLowerCase() === String(details.ConnectorId).toLowerCase());
      assert.ok(standard?.assessmentKeys.includes(String(a.name)), `${a.id} is in its connector's standard`);
    }
  });
});
