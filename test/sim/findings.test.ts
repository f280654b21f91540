import assert from 'node:assert/strict';
import { RECOMMENDATIONS } from '../../src/sim';
import { DAY, NOW, props, tenant } from './helpers';

const sr = (type: string) => (tenant().tables.securityresources ?? []).filter((r) => r.type === type);

describe('simulated tenant: recommendations, scores and compliance', () => {
  it('evaluates the documented AI recommendations with Healthy, Unhealthy and NotApplicable states', () => {
    const rows = tenant().tables.SecurityRecommendation ?? [];
    const assessments = sr('microsoft.security/assessments');
    assert.equal(rows.length, assessments.length);
    assert.ok(rows.length > 80);
    const states = new Set(rows.map((r) => r.RecommendationState));
    assert.deepEqual([...states].sort(), ['Healthy', 'NotApplicable', 'Unhealthy']);
    const net = rows.find((r) => r.RecommendationName === 'Azure AI Services resources should restrict network access' && String(r.AssessedResourceId).endsWith('/oai-customer-chatbot-prod'));
    assert.equal(net?.RecommendationSeverity, 'Medium');
    assert.equal(net?.RecommendationState, 'Unhealthy');
    const foundry = rows.find((r) => r.RecommendationName === 'Microsoft Entra ID should be used when connecting Azure AI Foundry to default storage account');
    assert.equal(foundry?.RecommendationSeverity, 'High');
    assert.ok(rows.some((r) => JSON.stringify(r.Properties).includes('CognitiveServices')));
    const known = new Set(RECOMMENDATIONS.map((d) => d.displayName));
    assert.ok(rows.every((r) => known.has(String(r.RecommendationName))));
  });

  it('mirrors assessments in ARG with the REST status, metadata and resource details', () => {
    const a = sr('microsoft.security/assessments').find((r) => String(r.id).includes('/oai-customer-chatbot-prod/') && props(r).displayName === 'Azure AI Services resources should have key access disabled (disable local authentication)');
    assert.ok(a);
    const p = props(a);
    assert.equal((p.status as Record<string, string>).code, 'Unhealthy');
    assert.equal((p.metadata as Record<string, string>).severity, 'Medium');
    assert.equal((p.resourceDetails as Record<string, string>).Source, 'Azure');
    assert.equal(String(a.id), `${String((p.resourceDetails as Record<string, string>).Id)}/providers/Microsoft.Security/assessments/${String(a.name)}`);
    const aws = sr('microsoft.security/assessments').find((r) => (props(r).resourceDetails as Record<string, string>).Source === 'Aws');
    assert.match(String((props(aws ?? {}).resourceDetails as Record<string, string>).AwsResourceId), /^arn:aws:bedrock:/);
  });

  it('records 30 daily secure-score snapshots per subscription, ending at the current score', () => {
    const rows = tenant().tables.SecureScores ?? [];
    assert.equal(rows.length, 90);
    for (const r of rows) {
      assert.ok((r.PercentageScore as number) >= 0 && (r.PercentageScore as number) <= 1);
      assert.ok((r.CurrentScore as number) <= (r.MaxScore as number));
    }
    const prod = rows.filter((r) => r.SecureScoresSubscriptionId === '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18');
    assert.ok((prod.at(-1)?.PercentageScore as number) > (prod[0]?.PercentageScore as number));
  });

  it('maps recommendations to NIST SP 800-53, ISO 27001 and the Microsoft cloud security benchmark', () => {
    const rows = tenant().tables.SecurityRegulatoryCompliance ?? [];
    assert.deepEqual([...new Set(rows.map((r) => r.ComplianceStandard))].sort(), ['ISO 27001:2013', 'Microsoft cloud security benchmark', 'NIST SP 800-53 Rev. 5']);
    assert.ok(rows.some((r) => r.ComplianceControl === 'SC-7' && r.State === 'Failed' && (r.FailedResources as number) > 0));
    for (const r of rows) assert.equal(r.State, (r.FailedResources as number) > 0 ? 'Failed' : (r.PassedResources as number) > 0 ? 'Passed' : 'Skipped');
  });
});

describe('simulated tenant: attack paths', () => {
  it('has at least six attack paths, each ending at an AI resource', () => {
    const paths = sr('microsoft.security/attackpaths');
    assert.ok(paths.length >= 6);
    const aiIds = new Set(tenant().resources.map((r) => r.id));
    for (const row of paths) {
      const p = props(row);
      const graph = p.graphComponent as { entities: { entityInternalId: string; entityIdentifiers: { azureResourceId?: string } }[]; connections: { sourceEntityInternalId: string; targetEntityInternalId: string }[] };
      const target = graph.entities.find((e) => e.entityInternalId === p.targetEntityInternalID);
      assert.ok(target && aiIds.has(target.entityIdentifiers.azureResourceId ?? ''), `${String(p.displayName)} does not end at an AI resource`);
      assert.notEqual(p.entryPointEntityInternalID, p.targetEntityInternalID);
      assert.equal(graph.connections.at(-1)?.targetEntityInternalId, p.targetEntityInternalID);
      assert.equal(graph.connections[0]?.sourceEntityInternalId, p.entryPointEntityInternalID);
      assert.ok(['Critical', 'High', 'Medium', 'Low'].includes(String(p.riskLevel)));
      assert.ok((p.riskFactors as string[]).length > 0 && (p.manualRemediationSteps as string[]).length > 0);
    }
    const names = paths.map((r) => String(props(r).displayName));
    assert.ok(names.some((n) => /Internet exposed Azure OpenAI/.test(n)));
    assert.ok(names.some((n) => /AI Foundry project with a managed identity .* Key Vault/.test(n)));
    assert.ok(names.some((n) => /Indirect prompt injection/.test(n)));
  });
});

describe('simulated tenant: governance assignments and exemptions', () => {
  it('assigns owners and due dates to unhealthy assessments, some overdue', () => {
    const assignments = sr('microsoft.security/assessments/governanceassignments');
    assert.ok(assignments.length >= 10);
    const unhealthy = new Set(sr('microsoft.security/assessments').filter((a) => (props(a).status as { code: string }).code === 'Unhealthy').map((a) => a.id));
    let overdue = 0;
    for (const g of assignments) {
      const p = props(g);
      assert.ok(unhealthy.has(p.assignedResourceId), 'assignment on a non-unhealthy assessment');
      assert.ok(String(g.id).startsWith(`${String(p.assignedResourceId)}/governanceAssignments/`));
      assert.match(String(p.owner), /@contoso\.com$/);
      assert.equal(typeof p.isGracePeriod, 'boolean');
      if (new Date(String(p.remediationDueDate)) < NOW) overdue++;
    }
    assert.ok(overdue > 0 && overdue < assignments.length, `${overdue} of ${assignments.length} overdue`);
  });

  it('holds Waiver and Mitigated exemptions, one expiring within 7 days and one expired', () => {
    const ex = (tenant().tables.policyresources ?? []).filter((r) => r.type === 'microsoft.authorization/policyexemptions');
    assert.equal(ex.length, 5);
    assert.deepEqual([...new Set(ex.map((e) => props(e).exemptionCategory))].sort(), ['Mitigated', 'Waiver']);
    const expires = ex.map((e) => new Date(String(props(e).expiresOn)).getTime() - NOW.getTime());
    assert.equal(expires.filter((d) => d > 0 && d <= 7 * DAY).length, 1);
    assert.equal(expires.filter((d) => d < 0).length, 1);
    // Exemptions in force make the assessment NotApplicable (cause Exempt); the lapsed one is Unhealthy again.
    const assessments = sr('microsoft.security/assessments');
    for (const e of ex) {
      const key = (props(e).policyDefinitionReferenceIds as string[])[0];
      const scope = String(e.id).split('/providers/Microsoft.Authorization/')[0] as string;
      const a = assessments.find((x) => x.name === key && String(x.id).startsWith(`${scope}/`));
      const status = props(a ?? {}).status as { code: string; cause?: string };
      const active = new Date(String(props(e).expiresOn)) > NOW;
      assert.deepEqual([status.code, status.cause], active ? ['NotApplicable', 'Exempt'] : ['Unhealthy', undefined]);
    }
  });
});
