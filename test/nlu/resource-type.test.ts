import assert from 'node:assert/strict';
import { parseResourceType } from '../../src/nlu/slots/resource-type';

describe('nlu/slots/resource-type', () => {
  const cases: [string, string | undefined][] = [
    ['azure openai alerts', 'openai'],
    ['aoai deployments', 'openai'],
    ['open ai endpoints', 'openai'],
    ['cognitive services accounts', 'ai_services'],
    ['our ai services', 'ai_services'],
    ['azure ml', 'ml_workspace'],
    ['machine learning workspaces', 'ml_workspace'],
    ['ml workspaces', 'ml_workspace'],
    ['ai search', 'ai_search'],
    ['cognitive search indexes', 'ai_search'],
    ['alerts on search', 'ai_search'],
    ['search services', 'ai_search'],
    ['foundry projects', 'ai_foundry'],
    ['azure ai foundry hub', 'ai_foundry'],
    ['ai studio', 'ai_foundry'],
    ['openai and ml workspaces', 'openai'],
    // Not resource types.
    ['defender for ai services alerts', undefined],
    ['search for jailbreak alerts', undefined],
    ['can you search the logs', undefined],
    ['ai/ml resources', undefined],
    ['vertex aml screening', undefined],
  ];
  for (const [text, expected] of cases) it(`"${text}" → ${expected}`, () => assert.equal(parseResourceType(text), expected));
});
