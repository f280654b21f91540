/** The inventory resource names the tests and the evaluation match the `resource` slot against. */
export const TEST_RESOURCE_NAMES = [
  'oai-fraud-detection-prod',
  'oai-customer-chatbot-prod',
  'oai-docprocessing-prod',
  'aisvc-loan-docintel',
  'mlw-credit-risk',
  'srch-kb-chatbot',
  'aif-hub-genai',
  'bedrock-wealth-advisor',
  'vertex-aml-screening',
] as const;

/** A fixed "now" (a Wednesday) so relative ranges such as "since Monday" are reproducible. */
export const TEST_NOW = new Date('2026-11-18T10:00:00Z');
