import assert from 'node:assert/strict';
import { editDistance, ResourceMatcher } from '../../src/nlu/slots/resource';
import { TEST_RESOURCE_NAMES } from './inventory';

describe('nlu/slots/resource', () => {
  const matcher = new ResourceMatcher(TEST_RESOURCE_NAMES);
  const cases: [string, string | undefined][] = [
    ['tell me about oai-fraud-detection-prod', 'oai-fraud-detection-prod'],
    ['fraud detection openai', 'oai-fraud-detection-prod'],
    ['the fraud detection one', 'oai-fraud-detection-prod'],
    ['fraud detecton', 'oai-fraud-detection-prod'],
    ['customer chatbot', 'oai-customer-chatbot-prod'],
    ['document processing', 'oai-docprocessing-prod'],
    ['loan docintel', 'aisvc-loan-docintel'],
    ['loan document intelligence', 'aisvc-loan-docintel'],
    ['credit risk workspace', 'mlw-credit-risk'],
    ['kb chatbot', 'srch-kb-chatbot'],
    ['knowledge base chatbot', 'srch-kb-chatbot'],
    ['genai hub', 'aif-hub-genai'],
    ['the foundry hub', 'aif-hub-genai'],
    ['wealth advisor', 'bedrock-wealth-advisor'],
    ['aml screening', 'vertex-aml-screening'],
    ['anti money laundering screening', 'vertex-aml-screening'],
    // Too little, ambiguous or generic.
    ['fraud', undefined],
    ['the chatbot', undefined],
    ['openai prod', undefined],
    ['which foundry hubs do we have', undefined],
    ['accepted risks in the risk register', undefined],
    ['customer data leak alerts', undefined],
    ['anomaly detection', undefined],
    ['bedrock', undefined],
  ];
  for (const [text, expected] of cases) it(`"${text}" → ${expected}`, () => assert.equal(matcher.match(text)?.name, expected));

  it('reports which words named the resource', () => {
    assert.deepEqual(matcher.match('alerts on the fraud detection openai today')?.words, [3, 4, 5]);
    assert.deepEqual(matcher.match('summary of srch-kb-chatbot')?.words, [2]);
  });

  it('matches nothing with an empty inventory', () => {
    assert.equal(new ResourceMatcher([]).match('fraud detection openai'), undefined);
  });

  it('computes edit distance', () => {
    assert.equal(editDistance('detection', 'detecton'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});
