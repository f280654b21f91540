import assert from 'node:assert/strict';
import { zoneFromTag } from '../../src/domain/zones';
import { DAY, NOW, props, tenant } from './helpers';

describe('simulated tenant: AI estate', () => {
  it('has three subscriptions with fixed GUIDs', () => {
    assert.deepEqual(tenant().subscriptions, [
      { id: '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18', name: 'contoso-ai-prod' },
      { id: '8b1e6c03-2f7a-4d5b-a8e9-1c3d5f7a9b20', name: 'contoso-ai-nonprod' },
      { id: 'c45d9e82-7b1a-4f3c-9d6e-2e8f0a1b3c57', name: 'contoso-data-platform' },
    ]);
  });

  it('has at least 20 Azure AI resources across all five Azure types, plus AWS Bedrock and GCP Vertex AI', () => {
    const res = tenant().resources;
    const azure = res.filter((r) => r.cloud === 'Azure');
    assert.ok(azure.length >= 20, `only ${azure.length} Azure resources`);
    const count = (type: string) => res.filter((r) => r.type === type).length;
    assert.equal(count('openai'), 7);
    assert.equal(count('ai_services'), 5);
    assert.equal(count('ml_workspace'), 3);
    assert.equal(count('ai_search'), 3);
    assert.equal(count('ai_foundry'), 4);
    assert.equal(count('bedrock'), 3);
    assert.equal(count('vertex'), 2);
    assert.ok(res.filter((r) => r.type === 'bedrock').every((r) => r.cloud === 'AWS'));
    assert.ok(res.filter((r) => r.type === 'vertex').every((r) => r.cloud === 'GCP'));
  });

  it('uses the real ARM types and kinds', () => {
    const byName = new Map(tenant().resources.map((r) => [r.name, r]));
    const fraud = byName.get('oai-fraud-detection-prod');
    assert.equal(fraud?.armType, 'Microsoft.CognitiveServices/accounts');
    assert.equal(fraud?.kind, 'OpenAI');
    assert.equal(fraud?.id, '/subscriptions/3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18/resourceGroups/rg-fraud-ai-prod/providers/Microsoft.CognitiveServices/accounts/oai-fraud-detection-prod');
    assert.equal(byName.get('docintel-loan-processing')?.kind, 'FormRecognizer');
    assert.equal(byName.get('aih-contoso-foundry-hub')?.armType, 'Microsoft.MachineLearningServices/workspaces');
    assert.equal(byName.get('aih-contoso-foundry-hub')?.kind, 'Hub');
    assert.equal(byName.get('aip-fraud-investigator')?.kind, 'Project');
    assert.equal(byName.get('srch-chatbot-knowledge')?.armType, 'Microsoft.Search/searchServices');
    assert.match(byName.get('bedrock-mortgage-faq-agent')?.id ?? '', /\/providers\/Microsoft\.Security\/securityConnectors\/aws-contoso-ai\/securityEntityData\//);
  });

  it('mirrors every resource in ARG resources with zone and owner tags', () => {
    const t = tenant();
    const rows = t.tables.resources ?? [];
    assert.equal(rows.length, t.resources.length);
    for (const row of rows) {
      const tags = row.tags as Record<string, string>;
      assert.ok('governance-zone' in tags, `${String(row.name)} has no zone tag`);
      assert.match(tags.owner ?? '', /^[a-z]+\.[a-z]+@contoso\.com$/);
      assert.equal(row.type, String(row.type).toLowerCase());
    }
    const aws = rows.find((r) => r.name === 'bedrock-mortgage-faq-agent');
    assert.match(String(props(aws ?? {}).nativeResourceId), /^arn:aws:bedrock:us-east-1:417263958201:agent\//);
    const gcp = rows.find((r) => r.name === 'vertex-aml-transaction-scoring');
    assert.equal(props(gcp ?? {}).nativeResourceId, '//aiplatform.googleapis.com/projects/contoso-ai-analytics/locations/us-central1/endpoints/vertex-aml-transaction-scoring');
  });

  it('has exactly one resource with an invalid zone tag, treated as Zone 3 (fail closed)', () => {
    const t = tenant();
    const invalid = (t.tables.resources ?? []).filter((r) => !['1', '2', '3'].includes((r.tags as Record<string, string>)['governance-zone'] ?? ''));
    assert.deepEqual(invalid.map((r) => r.name), ['ais-marketing-sandbox']);
    assert.equal((invalid[0]?.tags as Record<string, string>)['governance-zone'], 'tbd');
    assert.equal(t.resources.find((r) => r.name === 'ais-marketing-sandbox')?.zone, 3);
    assert.equal(zoneFromTag('tbd').zone, 3);
  });

  it('agrees with the tag for every other resource', () => {
    const t = tenant();
    for (const row of t.tables.resources ?? []) {
      const z = zoneFromTag((row.tags as Record<string, string>)['governance-zone']);
      assert.equal(t.resources.find((r) => r.id === row.id)?.zone, z.zone);
    }
  });

  it('includes shadow AI: resources created in the last 7 days', () => {
    const recent = tenant()
      .resources.filter((r) => NOW.getTime() - r.createdAt.getTime() < 7 * DAY)
      .map((r) => r.name)
      .sort();
    assert.deepEqual(recent, ['aip-customer-insights', 'ais-marketing-sandbox', 'bedrock-marketing-copy', 'oai-wealth-advisor-pilot']);
  });
});
