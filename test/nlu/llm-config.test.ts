import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../src/config';

const ROOT = '/tmp';
const OPENAI = { AZURE_OPENAI_ENDPOINT: 'https://contoso-ai.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini', AZURE_OPENAI_API_KEY: 'k' };

function errorOf(vars: Record<string, string>): string {
  try {
    parseConfig(vars, ROOT);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('expected a ConfigError');
}

describe('config: Azure OpenAI (LLM path) and portal link settings', () => {
  it('turns the LLM path on only with all three settings', () => {
    assert.equal(parseConfig({}, ROOT).llm, undefined);
    assert.deepEqual(parseConfig(OPENAI, ROOT).llm, { endpoint: OPENAI.AZURE_OPENAI_ENDPOINT, deployment: 'gpt-4o-mini', apiKey: 'k' });
  });

  it('refuses a half-configured Azure OpenAI', () => {
    const message = errorOf({ AZURE_OPENAI_ENDPOINT: OPENAI.AZURE_OPENAI_ENDPOINT });
    assert.match(message, /AZURE_OPENAI_DEPLOYMENT is required when any AZURE_OPENAI_\* variable is set/);
    assert.match(message, /AZURE_OPENAI_API_KEY is required/);
  });

  it('refuses a plain-http endpoint', () => {
    assert.match(errorOf({ ...OPENAI, AZURE_OPENAI_ENDPOINT: 'http://contoso-ai.openai.azure.com' }), /AZURE_OPENAI_ENDPOINT must be the https:\/\/ endpoint/);
  });

  it('validates the workspace resource id used for "Open in Log Analytics"', () => {
    const id = '/subscriptions/3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18/resourceGroups/rg-security-ops/providers/Microsoft.OperationalInsights/workspaces/law-contoso-soc';
    assert.equal(parseConfig({ LOG_ANALYTICS_WORKSPACE_RESOURCE_ID: id, AZURE_TENANT_ID: 'contoso.com' }, ROOT).azure.workspaceResourceId, id);
    assert.match(errorOf({ LOG_ANALYTICS_WORKSPACE_RESOURCE_ID: 'b7d3e9a1-4c2f-4e8b-9a6d-3f1c5e7b2d90' }), /LOG_ANALYTICS_WORKSPACE_RESOURCE_ID must be \/subscriptions\//);
  });
});
