import { AWS_ACCOUNT_ID, CONNECTORS, GCP_PROJECT, OWNERS, SUB, TENANT_ID, type Person, type SubscriptionKey } from './constants';
import { DAY, iso, makeRow, type Row } from './rows';
import { stableGuid } from './rng';
import { resources as resourcesSchema } from '../schemas';

export type SimResourceType = 'openai' | 'ai_services' | 'ml_workspace' | 'ai_search' | 'ai_foundry' | 'bedrock' | 'vertex';

export interface SimResource {
  id: string;
  name: string;
  type: SimResourceType;
  armType: string;
  kind?: string;
  cloud: 'Azure' | 'AWS' | 'GCP';
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  zone: 1 | 2 | 3;
  owner: string;
  purpose: string;
  createdAt: Date;
}

/** What the simulator knows about a resource beyond SimResource (drives findings and traffic). */
export interface ResourceProfile {
  resource: SimResource;
  /** The raw `governance-zone` tag value (may be invalid: the fail-closed case). */
  zoneTag: string;
  publicNetwork: boolean;
  localAuth: boolean;
  /** Azure OpenAI / AI Services model deployment that receives traffic. */
  deployment?: { name: string; model: string; version: string };
  /** AWS ARN or GCP full resource name for multicloud resources. */
  nativeId?: string;
  nativeType?: string;
}

interface Spec {
  name: string;
  type: SimResourceType;
  kind?: string;
  sub: SubscriptionKey;
  rg: string;
  location: string;
  zoneTag: string;
  owner: Person;
  purpose: string;
  /** Days before `now` the resource was created. */
  ageDays: number;
  publicNetwork: boolean;
  localAuth?: boolean;
  deployment?: { name: string; model: string; version: string };
  nativeType?: string;
}

const GPT4O = { model: 'gpt-4o', version: '2024-08-06' };
const GPT4OMINI = { model: 'gpt-4o-mini', version: '2024-07-18' };

/**
 * The Contoso Bank AI estate. AI Foundry is modelled as Azure ML workspaces of kind `Hub` / `Project`
 * (the hub-based Foundry shape Defender inventories as Microsoft.MachineLearningServices/workspaces).
 */
const SPECS: readonly Spec[] = [
  // Azure OpenAI (Microsoft.CognitiveServices/accounts kind OpenAI)
  { name: 'oai-fraud-detection-prod', type: 'openai', kind: 'OpenAI', sub: 'prod', rg: 'rg-fraud-ai-prod', location: 'eastus', zoneTag: '3', owner: OWNERS.priya, purpose: 'Real-time card fraud scoring explanations for analysts', ageDays: 412, publicNetwork: false, localAuth: false, deployment: { name: 'gpt-4o-fraud', ...GPT4O } },
  { name: 'oai-customer-chatbot-prod', type: 'openai', kind: 'OpenAI', sub: 'prod', rg: 'rg-chatbot-prod', location: 'eastus2', zoneTag: '3', owner: OWNERS.marcus, purpose: 'Customer-service chatbot on contoso.com and the mobile app', ageDays: 365, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-chat', ...GPT4O } },
  { name: 'oai-docprocessing-prod', type: 'openai', kind: 'OpenAI', sub: 'prod', rg: 'rg-docai-prod', location: 'eastus', zoneTag: '3', owner: OWNERS.elena, purpose: 'Summarises loan and KYC documents after OCR', ageDays: 298, publicNetwork: false, localAuth: true, deployment: { name: 'gpt-4o-docs', ...GPT4O } },
  { name: 'oai-fraud-detection-dev', type: 'openai', kind: 'OpenAI', sub: 'nonprod', rg: 'rg-fraud-ai-dev', location: 'eastus', zoneTag: '1', owner: OWNERS.priya, purpose: 'Development copy of the fraud explanation service', ageDays: 430, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-mini-dev', ...GPT4OMINI } },
  { name: 'oai-chatbot-staging', type: 'openai', kind: 'OpenAI', sub: 'nonprod', rg: 'rg-chatbot-staging', location: 'eastus2', zoneTag: '2', owner: OWNERS.marcus, purpose: 'Pre-production chatbot for UAT', ageDays: 220, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-chat-stg', ...GPT4O } },
  { name: 'oai-wealth-advisor-pilot', type: 'openai', kind: 'OpenAI', sub: 'nonprod', rg: 'rg-wealth-pilot', location: 'westus3', zoneTag: '2', owner: OWNERS.sofia, purpose: 'Pilot assistant for wealth advisors (created outside the AI intake process)', ageDays: 3, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-advisor', ...GPT4O } },
  { name: 'oai-hr-policy-assistant', type: 'openai', kind: 'OpenAI', sub: 'nonprod', rg: 'rg-hr-ai', location: 'eastus', zoneTag: '1', owner: OWNERS.tom, purpose: 'Internal HR policy Q&A for employees', ageDays: 150, publicNetwork: false, localAuth: false, deployment: { name: 'gpt-4o-mini-hr', ...GPT4OMINI } },
  // Azure AI Services (multi-service AIServices, classic CognitiveServices, Document Intelligence)
  { name: 'ais-contact-center-prod', type: 'ai_services', kind: 'AIServices', sub: 'prod', rg: 'rg-contact-center-prod', location: 'eastus2', zoneTag: '3', owner: OWNERS.marcus, purpose: 'Call transcription, sentiment and agent assist for the contact center', ageDays: 260, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-mini-agentassist', ...GPT4OMINI } },
  { name: 'docintel-loan-processing', type: 'ai_services', kind: 'FormRecognizer', sub: 'prod', rg: 'rg-docai-prod', location: 'eastus', zoneTag: '3', owner: OWNERS.elena, purpose: 'Extracts fields from mortgage and personal-loan applications', ageDays: 540, publicNetwork: false, localAuth: true },
  { name: 'cog-kyc-verification', type: 'ai_services', kind: 'CognitiveServices', sub: 'prod', rg: 'rg-kyc-prod', location: 'eastus', zoneTag: '2', owner: OWNERS.elena, purpose: 'ID document and face liveness checks during onboarding', ageDays: 610, publicNetwork: false, localAuth: false },
  { name: 'lang-complaints-triage', type: 'ai_services', kind: 'TextAnalytics', sub: 'nonprod', rg: 'rg-complaints-ai', location: 'eastus', zoneTag: '1', owner: OWNERS.tom, purpose: 'Classifies customer complaints for the CFPB response team', ageDays: 190, publicNetwork: true, localAuth: true },
  { name: 'ais-marketing-sandbox', type: 'ai_services', kind: 'AIServices', sub: 'nonprod', rg: 'rg-marketing-sandbox', location: 'westus', zoneTag: 'tbd', owner: OWNERS.james, purpose: 'Marketing copy experiments (zone not yet classified)', ageDays: 2, publicNetwork: true, localAuth: true, deployment: { name: 'gpt-4o-mini-mkt', ...GPT4OMINI } },
  // Azure Machine Learning workspaces
  { name: 'mlw-credit-risk-prod', type: 'ml_workspace', kind: 'Default', sub: 'data', rg: 'rg-ml-credit-risk', location: 'eastus', zoneTag: '3', owner: OWNERS.david, purpose: 'Credit-risk (PD/LGD) model training and registry', ageDays: 720, publicNetwork: false },
  { name: 'mlw-fraud-models', type: 'ml_workspace', kind: 'Default', sub: 'data', rg: 'rg-ml-fraud', location: 'eastus', zoneTag: '3', owner: OWNERS.priya, purpose: 'Transaction fraud model training', ageDays: 505, publicNetwork: true },
  { name: 'mlw-churn-analytics-dev', type: 'ml_workspace', kind: 'Default', sub: 'nonprod', rg: 'rg-ml-churn-dev', location: 'eastus2', zoneTag: '1', owner: OWNERS.david, purpose: 'Customer churn experiments', ageDays: 140, publicNetwork: true },
  // Azure AI Search
  { name: 'srch-chatbot-knowledge', type: 'ai_search', sub: 'prod', rg: 'rg-chatbot-prod', location: 'eastus2', zoneTag: '3', owner: OWNERS.marcus, purpose: 'RAG index of product terms and FAQs for the chatbot', ageDays: 340, publicNetwork: true },
  { name: 'srch-policy-docs-prod', type: 'ai_search', sub: 'prod', rg: 'rg-docai-prod', location: 'eastus', zoneTag: '2', owner: OWNERS.elena, purpose: 'Credit policy and procedure search for underwriters', ageDays: 280, publicNetwork: false },
  { name: 'srch-research-dev', type: 'ai_search', sub: 'nonprod', rg: 'rg-research-dev', location: 'eastus', zoneTag: '1', owner: OWNERS.nina, purpose: 'Research index for prototypes', ageDays: 95, publicNetwork: true },
  // Azure AI Foundry (hub + projects)
  { name: 'aih-contoso-foundry-hub', type: 'ai_foundry', kind: 'Hub', sub: 'data', rg: 'rg-ai-foundry', location: 'eastus', zoneTag: '2', owner: OWNERS.nina, purpose: 'Shared AI Foundry hub for all business units', ageDays: 260, publicNetwork: true },
  { name: 'aip-fraud-investigator', type: 'ai_foundry', kind: 'Project', sub: 'data', rg: 'rg-ai-foundry', location: 'eastus', zoneTag: '3', owner: OWNERS.priya, purpose: 'Agent that drafts SAR narratives for fraud investigators', ageDays: 120, publicNetwork: true },
  { name: 'aip-customer-insights', type: 'ai_foundry', kind: 'Project', sub: 'data', rg: 'rg-ai-foundry', location: 'eastus', zoneTag: '2', owner: OWNERS.sofia, purpose: 'Customer insight summaries for relationship managers', ageDays: 5, publicNetwork: true },
  { name: 'aip-genai-playground', type: 'ai_foundry', kind: 'Project', sub: 'nonprod', rg: 'rg-ai-playground', location: 'eastus2', zoneTag: '1', owner: OWNERS.nina, purpose: 'Sandbox project for prompt engineering training', ageDays: 75, publicNetwork: true },
  // AWS Bedrock (via the Defender AWS connector)
  { name: 'bedrock-claims-summarizer', type: 'bedrock', sub: 'prod', rg: CONNECTORS.aws.resourceGroup, location: 'us-east-1', zoneTag: '2', owner: OWNERS.elena, purpose: 'Insurance claims summarisation (acquired subsidiary)', ageDays: 210, publicNetwork: true, nativeType: 'AWS::Bedrock::Agent' },
  { name: 'bedrock-mortgage-faq-agent', type: 'bedrock', sub: 'prod', rg: CONNECTORS.aws.resourceGroup, location: 'us-east-1', zoneTag: '3', owner: OWNERS.marcus, purpose: 'Mortgage FAQ agent on the broker portal', ageDays: 160, publicNetwork: true, nativeType: 'AWS::Bedrock::Agent' },
  { name: 'bedrock-marketing-copy', type: 'bedrock', sub: 'prod', rg: CONNECTORS.aws.resourceGroup, location: 'us-west-2', zoneTag: '1', owner: OWNERS.james, purpose: 'Campaign copy generation', ageDays: 6, publicNetwork: true, nativeType: 'AWS::Bedrock::Agent' },
  // GCP Vertex AI (via the Defender GCP connector)
  { name: 'vertex-aml-transaction-scoring', type: 'vertex', sub: 'prod', rg: CONNECTORS.gcp.resourceGroup, location: 'us-central1', zoneTag: '3', owner: OWNERS.david, purpose: 'Anti-money-laundering transaction scoring endpoint', ageDays: 330, publicNetwork: true, nativeType: 'GCP::VertexAI::Endpoint' },
  { name: 'vertex-workbench-research', type: 'vertex', sub: 'prod', rg: CONNECTORS.gcp.resourceGroup, location: 'us-east4', zoneTag: '1', owner: OWNERS.nina, purpose: 'Data-science Workbench instance for research', ageDays: 88, publicNetwork: true, nativeType: 'GCP::Notebooks::Instance' },
];

const ARM_TYPES: Record<SimResourceType, string> = {
  openai: 'Microsoft.CognitiveServices/accounts',
  ai_services: 'Microsoft.CognitiveServices/accounts',
  ml_workspace: 'Microsoft.MachineLearningServices/workspaces',
  ai_foundry: 'Microsoft.MachineLearningServices/workspaces',
  ai_search: 'Microsoft.Search/searchServices',
  bedrock: 'Microsoft.Security/securityConnectors/securityEntityData',
  vertex: 'Microsoft.Security/securityConnectors/securityEntityData',
};

function nativeIdOf(spec: Spec): string | undefined {
  if (spec.type === 'bedrock') return `arn:aws:bedrock:${spec.location}:${AWS_ACCOUNT_ID}:agent/${spec.name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10)}`;
  if (spec.type === 'vertex') {
    return spec.nativeType === 'GCP::Notebooks::Instance'
      ? `//notebooks.googleapis.com/projects/${GCP_PROJECT}/locations/${spec.location}-a/instances/${spec.name}`
      : `//aiplatform.googleapis.com/projects/${GCP_PROJECT}/locations/${spec.location}/endpoints/${spec.name}`;
  }
  return undefined;
}

/**
 * Azure resources get their ARM id. AWS/GCP resources get the id Defender's multicloud inventory uses: an
 * Azure-shaped id under the security connector (`.../securityConnectors/{connector}/securityEntityData/{name}`),
 * with the native ARN / GCP resource name kept in `properties.nativeResourceId`.
 */
function idOf(spec: Spec): string {
  const base = `/subscriptions/${SUB[spec.sub]}/resourceGroups/${spec.rg}/providers`;
  switch (spec.type) {
    case 'bedrock':
      return `${base}/Microsoft.Security/securityConnectors/${CONNECTORS.aws.name}/securityEntityData/aws-bedrock-agent-${spec.name}-${spec.location}`;
    case 'vertex':
      return `${base}/Microsoft.Security/securityConnectors/${CONNECTORS.gcp.name}/securityEntityData/gcp-vertexai-${spec.name}-${spec.location}`;
    default:
      return `${base}/${ARM_TYPES[spec.type]}/${spec.name}`;
  }
}

export function buildResources(now: Date): ResourceProfile[] {
  return SPECS.map((spec) => {
    const zone = spec.zoneTag === '1' || spec.zoneTag === '2' || spec.zoneTag === '3' ? (Number(spec.zoneTag) as 1 | 2 | 3) : 3;
    const cloud = spec.type === 'bedrock' ? 'AWS' : spec.type === 'vertex' ? 'GCP' : 'Azure';
    // Whole hours keep createdAt stable and readable.
    const createdAt = new Date(Math.floor((now.getTime() - spec.ageDays * DAY - 5 * 3_600_000) / 3_600_000) * 3_600_000);
    const resource: SimResource = {
      id: idOf(spec),
      name: spec.name,
      type: spec.type,
      armType: ARM_TYPES[spec.type],
      ...(spec.kind ? { kind: spec.kind } : {}),
      cloud,
      subscriptionId: SUB[spec.sub],
      resourceGroup: spec.rg,
      location: spec.location,
      zone,
      owner: spec.owner.upn,
      purpose: spec.purpose,
      createdAt,
    };
    const nativeId = nativeIdOf(spec);
    return {
      resource,
      zoneTag: spec.zoneTag,
      publicNetwork: spec.publicNetwork,
      localAuth: spec.localAuth ?? false,
      ...(spec.deployment ? { deployment: spec.deployment } : {}),
      ...(nativeId ? { nativeId, nativeType: spec.nativeType } : {}),
    };
  });
}

function armProperties(p: ResourceProfile): Record<string, unknown> {
  const r = p.resource;
  const created = iso(r.createdAt);
  const publicNetworkAccess = p.publicNetwork ? 'Enabled' : 'Disabled';
  switch (r.type) {
    case 'openai':
    case 'ai_services':
      return {
        provisioningState: 'Succeeded',
        endpoint: r.kind === 'OpenAI' ? `https://${r.name}.openai.azure.com/` : `https://${r.name}.cognitiveservices.azure.com/`,
        customSubDomainName: r.name,
        publicNetworkAccess,
        disableLocalAuth: !p.localAuth,
        networkAcls: { defaultAction: p.publicNetwork ? 'Allow' : 'Deny', ipRules: [], virtualNetworkRules: [] },
        privateEndpointConnections: p.publicNetwork ? [] : [{ properties: { privateLinkServiceConnectionState: { status: 'Approved' } } }],
        encryption: { keySource: 'Microsoft.CognitiveServices' },
        dateCreated: created,
      };
    case 'ml_workspace':
    case 'ai_foundry':
      return {
        provisioningState: 'Succeeded',
        friendlyName: r.name,
        description: r.purpose,
        publicNetworkAccess,
        workspaceId: stableGuid(`${r.id}:workspace`),
        keyVault: `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.KeyVault/vaults/kv-${r.name.slice(0, 18)}`,
        storageAccount: `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.Storage/storageAccounts/st${r.name.replace(/-/g, '').slice(0, 20)}`,
        ...(r.kind === 'Project' ? { hubResourceId: `/subscriptions/${r.subscriptionId}/resourceGroups/rg-ai-foundry/providers/Microsoft.MachineLearningServices/workspaces/aih-contoso-foundry-hub` } : {}),
        systemDatastoresAuthMode: r.kind === 'Hub' || r.kind === 'Project' ? 'accesskey' : 'identity',
        creationTime: created,
      };
    case 'ai_search':
      return {
        provisioningState: 'succeeded',
        status: 'running',
        publicNetworkAccess: p.publicNetwork ? 'enabled' : 'disabled',
        disableLocalAuth: false,
        replicaCount: 2,
        partitionCount: 1,
        hostingMode: 'default',
        semanticSearch: 'standard',
      };
    case 'bedrock':
    case 'vertex':
      return {
        environmentName: r.cloud,
        connectorId: `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.Security/securityConnectors/${r.cloud === 'AWS' ? CONNECTORS.aws.name : CONNECTORS.gcp.name}`,
        nativeResourceId: p.nativeId,
        nativeResourceType: p.nativeType,
        region: r.location,
        ...(r.cloud === 'AWS' ? { awsAccountId: AWS_ACCOUNT_ID } : { gcpProjectId: GCP_PROJECT }),
        publicNetworkAccess,
        createdTime: created,
      };
  }
}

function skuOf(r: SimResource): unknown {
  if (r.type === 'openai' || r.type === 'ai_services') return { name: 'S0' };
  if (r.type === 'ai_search') return { name: 'standard' };
  if (r.type === 'ml_workspace' || r.type === 'ai_foundry') return { name: 'Basic', tier: 'Basic' };
  return null;
}

/** ARG `resources` rows for the AI estate (ARG lowercases `type`). */
export function resourceRows(profiles: readonly ResourceProfile[]): Row[] {
  return profiles.map((p) => {
    const r = p.resource;
    return makeRow(resourcesSchema, {
      id: r.id,
      name: r.name,
      type: r.armType.toLowerCase(),
      tenantId: TENANT_ID,
      kind: r.kind ?? (r.cloud === 'Azure' ? '' : p.nativeType),
      location: r.location,
      resourceGroup: r.resourceGroup.toLowerCase(),
      subscriptionId: r.subscriptionId,
      managedBy: '',
      sku: skuOf(r),
      plan: null,
      properties: armProperties(p),
      tags: { 'governance-zone': p.zoneTag, owner: r.owner, 'cost-center': `CC-${1000 + (r.name.length * 37) % 900}`, environment: r.subscriptionId === SUB.nonprod ? 'nonprod' : 'prod' },
      identity: r.cloud === 'Azure' ? { type: 'SystemAssigned', principalId: stableGuid(`${r.id}:identity`), tenantId: TENANT_ID } : null,
      zones: null,
      extendedLocation: null,
    });
  });
}
