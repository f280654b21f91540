/** Display names for the AI resource types the bot knows (slot values of `resourceType` plus multi-cloud). */
export const RESOURCE_KIND_LABELS: Record<string, string> = {
  openai: 'Azure OpenAI',
  ai_services: 'Azure AI Services',
  ml_workspace: 'Azure Machine Learning',
  ai_search: 'Azure AI Search',
  ai_foundry: 'Azure AI Foundry',
  bedrock: 'Amazon Bedrock',
  vertex: 'Google Vertex AI',
};
