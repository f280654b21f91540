import { securityresources } from '../schemas';
import { SUB, TENANT_ID } from './constants';
import type { Assessment } from './recommendations';
import type { ResourceProfile } from './resources';
import { stableGuid } from './rng';
import { makeRow, type Row } from './rows';

/** A node of an attack path that is not one of the AI resources (VMs, identities, key vaults, storage...). */
interface ExtraNode {
  name: string;
  entityType: string;
  azureResourceId?: string;
  label: string;
}

interface PathPlan {
  displayName: string;
  attackPathType: string;
  description: string;
  riskLevel: 'Critical' | 'High' | 'Medium' | 'Low';
  riskCategories: readonly string[];
  riskFactors: readonly string[];
  potentialImpact: string;
  remediation: readonly string[];
  /** Entry point first; the last element is the target AI resource (by name). */
  chain: readonly (ExtraNode | string)[];
  /** Connection descriptions between consecutive nodes. */
  edges: readonly string[];
  sensitiveData?: readonly string[];
}

const az = (sub: string, rg: string, type: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;
const INTERNET: ExtraNode = { name: 'Internet', entityType: 'Internet', label: 'Internet' };

/** Seed scenarios from the AI-SPM walkthrough and the SOC lab, each ending at an AI resource. */
const PLANS: readonly PathPlan[] = [
  {
    displayName: 'Internet exposed Azure OpenAI resource with key-based access can access sensitive customer data',
    attackPathType: 'InternetExposedOpenAIWithKeyAccessToSensitiveData',
    description: 'The Azure OpenAI account oai-customer-chatbot-prod accepts API keys from all networks and its grounding index srch-chatbot-knowledge contains customer PII. An attacker with a leaked key can query the model to extract sensitive data.',
    riskLevel: 'Critical',
    riskCategories: ['Data exposure', 'Credentials exposure'],
    riskFactors: ['Internet exposure', 'Sensitive data', 'Key-based authentication'],
    potentialImpact: 'Exfiltration of customer PII through the chatbot grounding data.',
    remediation: ['Disable public network access on oai-customer-chatbot-prod or restrict it to the app subnet.', 'Disable key access (local authentication) and use managed identity.', 'Remove PII from the srch-chatbot-knowledge index.'],
    chain: [INTERNET, 'srch-chatbot-knowledge', 'oai-customer-chatbot-prod'],
    edges: ['Publicly reachable search endpoint serves grounding data', 'Grounding data source of the chatbot deployment'],
    sensitiveData: ['U.S. Social Security Number (SSN)', 'Credit Card Number'],
  },
  {
    displayName: 'AI Foundry project with a managed identity that can read a Key Vault holding customer secrets',
    attackPathType: 'AIFoundryProjectIdentityWithKeyVaultSecretsAccess',
    description: 'The AI Foundry project aip-fraud-investigator is reachable from the internet and its managed identity holds Key Vault Secrets User on kv-customer-secrets-prod, which stores core-banking API credentials.',
    riskLevel: 'High',
    riskCategories: ['Credentials exposure', 'Data exposure'],
    riskFactors: ['Internet exposure', 'Permissive identity', 'Sensitive data'],
    potentialImpact: 'Theft of core-banking credentials through a compromised agent or project identity.',
    remediation: ['Limit network connections on the AI Foundry hub and project.', 'Scope the project identity to the single secret it needs.'],
    chain: [INTERNET, { name: 'kv-customer-secrets-prod', entityType: 'microsoft.keyvault/vaults', azureResourceId: az(SUB.data, 'rg-ai-foundry', 'Microsoft.KeyVault/vaults', 'kv-customer-secrets-prod'), label: 'Key Vault with customer secrets' }, 'aip-fraud-investigator'],
    edges: ['Project endpoint is publicly reachable', 'Project managed identity has Key Vault Secrets User'],
  },
  {
    displayName: 'Indirect prompt injection: external content reaches an agent that can take privileged actions',
    attackPathType: 'IndirectPromptInjectionToPrivilegedAgentAction',
    description: 'Web pages crawled into the srch-chatbot-knowledge index are used as grounding content by the oai-customer-chatbot-prod agent, whose tools can open disputes and change contact details. Hidden instructions in external content could trigger those actions.',
    riskLevel: 'High',
    riskCategories: ['Data exposure', 'Compute abuse'],
    riskFactors: ['Untrusted content source', 'Privileged tool', 'Internet exposure'],
    potentialImpact: 'Unauthorised account changes on behalf of customers.',
    remediation: ['Stop indexing external web content into the chatbot index or mark it untrusted.', 'Require user confirmation for tools that change customer data.', 'Enable Prompt Shields for documents (indirect attacks).'],
    chain: [{ name: 'contoso-help-crawler', entityType: 'ExternalContentSource', label: 'External web content (crawler)' }, 'srch-chatbot-knowledge', 'oai-customer-chatbot-prod'],
    edges: ['Crawled pages are indexed', 'Index content is injected into prompts'],
  },
  {
    displayName: 'Internet exposed VM with high severity vulnerabilities has a managed identity with Contributor on an Azure OpenAI resource',
    attackPathType: 'InternetExposedVMWithIdentityToOpenAI',
    description: 'vm-fraud-batch-01 is exposed to the internet with critical vulnerabilities; its system-assigned identity has Cognitive Services Contributor on oai-fraud-detection-prod and can list its keys.',
    riskLevel: 'Critical',
    riskCategories: ['Compute abuse', 'Credentials exposure'],
    riskFactors: ['Internet exposure', 'Vulnerabilities', 'Permissive identity'],
    potentialImpact: 'Full control of the fraud-detection model deployment and its keys.',
    remediation: ['Remove the public IP from vm-fraud-batch-01 and patch it.', 'Replace Cognitive Services Contributor with Cognitive Services OpenAI User.'],
    chain: [INTERNET, { name: 'vm-fraud-batch-01', entityType: 'microsoft.compute/virtualmachines', azureResourceId: az(SUB.prod, 'rg-fraud-ai-prod', 'Microsoft.Compute/virtualMachines', 'vm-fraud-batch-01'), label: 'Internet exposed VM with high severity vulnerabilities' }, 'oai-fraud-detection-prod'],
    edges: ['Open management ports (22, 3389)', 'Managed identity has Cognitive Services Contributor'],
  },
  {
    displayName: 'Over-privileged service principal can read a Key Vault holding Azure OpenAI API keys',
    attackPathType: 'ServicePrincipalToKeyVaultWithOpenAIKeys',
    description: 'The CI service principal sp-docai-deploy has Key Vault Administrator on kv-docai-prod, which stores the API key of oai-docprocessing-prod. A leaked pipeline secret gives direct model access.',
    riskLevel: 'High',
    riskCategories: ['Credentials exposure'],
    riskFactors: ['Permissive identity', 'Key-based authentication'],
    potentialImpact: 'Unmonitored use of the document-processing model and its loan data.',
    remediation: ['Scope sp-docai-deploy to deployment permissions only.', 'Disable key access on oai-docprocessing-prod.'],
    chain: [{ name: 'sp-docai-deploy', entityType: 'serviceprincipal', label: 'Over-privileged service principal' }, { name: 'kv-docai-prod', entityType: 'microsoft.keyvault/vaults', azureResourceId: az(SUB.prod, 'rg-docai-prod', 'Microsoft.KeyVault/vaults', 'kv-docai-prod'), label: 'Key Vault with OpenAI API keys' }, 'oai-docprocessing-prod'],
    edges: ['Key Vault Administrator', 'Vault holds the account API key'],
  },
  {
    displayName: 'Compromised developer workstation can reach an Azure ML workspace with training data',
    attackPathType: 'DeveloperWorkstationToMLWorkspace',
    description: 'Developers reach mlw-credit-risk-prod from unmanaged devices with Azure ML Data Scientist rights; the workspace datastores hold credit-bureau training data.',
    riskLevel: 'Medium',
    riskCategories: ['Data exposure'],
    riskFactors: ['Sensitive data', 'Permissive identity'],
    potentialImpact: 'Theft or poisoning of credit-risk training data.',
    remediation: ['Require compliant devices for Azure ML access (Conditional Access).', 'Move datastores to identity-based access.'],
    chain: [{ name: 'dev-laptop-0231', entityType: 'microsoft.hybridcompute/machines', label: 'Developer workstation' }, 'mlw-credit-risk-prod'],
    edges: ['Azure ML Data Scientist role'],
    sensitiveData: ['Credit bureau report'],
  },
  {
    displayName: 'Internet exposed EC2 instance with an IAM role that can invoke a Bedrock agent',
    attackPathType: 'AwsInternetExposedEC2ToBedrockAgent',
    description: 'EC2 instance i-0a4f9c2e7d1b35a80 in the subsidiary account is internet exposed and its instance role allows bedrock:InvokeAgent on the mortgage FAQ agent.',
    riskLevel: 'High',
    riskCategories: ['Compute abuse'],
    riskFactors: ['Internet exposure', 'Permissive identity'],
    potentialImpact: 'Abuse of the broker-facing mortgage agent and wallet attacks.',
    remediation: ['Remove the public IP of the instance.', 'Limit the instance role to the actions it needs.'],
    chain: [INTERNET, { name: 'i-0a4f9c2e7d1b35a80', entityType: 'aws.ec2/instance', label: 'Internet exposed EC2 instance' }, 'bedrock-mortgage-faq-agent'],
    edges: ['Security group allows 0.0.0.0/0 on 443', 'Instance role allows bedrock:InvokeAgent'],
  },
  {
    displayName: 'Publicly reachable Vertex AI endpoint serving the AML scoring model',
    attackPathType: 'GcpPublicVertexEndpoint',
    description: 'The Vertex AI online endpoint vertex-aml-transaction-scoring has no Private Service Connect endpoint and accepts calls from any network with a service-account key.',
    riskLevel: 'Medium',
    riskCategories: ['Data exposure'],
    riskFactors: ['Internet exposure', 'Sensitive data'],
    potentialImpact: 'Model extraction of the AML scoring model.',
    remediation: ['Configure a Private Service endpoint for the Vertex AI online endpoint.'],
    chain: [INTERNET, 'vertex-aml-transaction-scoring'],
    edges: ['Public online prediction endpoint'],
  },
];

/** ARG `microsoft.security/attackpaths` rows (shape from Defender's attack path doc and Microsoft's CSPM workbook). */
export function attackPathRows(profiles: readonly ResourceProfile[], assessments: readonly Assessment[]): Row[] {
  const byName = new Map(profiles.map((p) => [p.resource.name, p]));
  return PLANS.map((plan) => {
    const pathId = stableGuid(`attackpath:${plan.attackPathType}`);
    const entities = plan.chain.map((node) => {
      if (typeof node === 'string') {
        const p = byName.get(node);
        if (!p) throw new Error(`attack path ${plan.attackPathType}: unknown resource ${node}`);
        const r = p.resource;
        return { entityInternalId: stableGuid(`entity:${r.id}`), entityName: r.name, entityType: r.armType.toLowerCase(), entityIdentifiers: { azureResourceId: r.id, ...(p.nativeId ? { nativeResourceId: p.nativeId } : {}) } };
      }
      return { entityInternalId: stableGuid(`entity:${node.name}`), entityName: node.name, entityType: node.entityType, entityIdentifiers: node.azureResourceId ? { azureResourceId: node.azureResourceId } : {} };
    });
    const connections = entities.slice(1).map((e, i) => ({
      connectionId: stableGuid(`edge:${pathId}:${i}`),
      sourceEntityInternalId: (entities[i] as (typeof entities)[number]).entityInternalId,
      targetEntityInternalId: e.entityInternalId,
      description: plan.edges[i] ?? '',
    }));
    const target = entities[entities.length - 1] as (typeof entities)[number];
    const targetProfile = byName.get(target.entityName) as ResourceProfile;
    const insights = [
      { entityInternalId: target.entityInternalId, additionalData: { type: 'ExposureLevel', value: targetProfile.publicNetwork ? 'Internet' : 'Private' } },
      ...(plan.sensitiveData
        ? [{ entityInternalId: target.entityInternalId, additionalData: { type: 'Sensitivity', fileSamples: [{ path: `${target.entityName}/index/documents`, classificationNames: [...plan.sensitiveData] }] } }]
        : []),
    ];
    // Unhealthy assessments on path nodes, keyed by entity internal id (the shape the CSPM workbook parses).
    const assessmentMap: Record<string, Record<string, string>[]> = {};
    for (const e of entities) {
      const rid = (e.entityIdentifiers as { azureResourceId?: string }).azureResourceId;
      const found = assessments.filter((a) => a.profile.resource.id === rid && a.code === 'Unhealthy');
      if (found.length > 0) assessmentMap[e.entityInternalId] = found.map((a) => ({ [a.id]: a.def.displayName }));
    }
    const sub = targetProfile.resource.subscriptionId;
    return makeRow(securityresources, {
      id: `/subscriptions/${sub}/providers/Microsoft.Security/attackPaths/${pathId}`,
      name: pathId,
      type: 'microsoft.security/attackpaths',
      tenantId: TENANT_ID,
      kind: '',
      location: 'global',
      resourceGroup: '',
      subscriptionId: sub,
      managedBy: '',
      properties: {
        displayName: plan.displayName,
        description: plan.description,
        attackPathType: plan.attackPathType,
        riskLevel: plan.riskLevel,
        riskFactors: [...plan.riskFactors],
        riskCategories: [...plan.riskCategories],
        potentialImpact: plan.potentialImpact,
        manualRemediationSteps: [...plan.remediation],
        refreshInterval: '1.00:00:00',
        entryPointEntityInternalID: (entities[0] as (typeof entities)[number]).entityInternalId,
        targetEntityInternalID: target.entityInternalId,
        assessments: assessmentMap,
        graphComponent: { entities, connections, insights },
        AttackPathID: pathId,
      },
    });
  });
}
