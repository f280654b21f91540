import { TENANT_ID } from './activities';
import { HttpsStub, type StubRequest, type StubResponse } from './https-stub';

/**
 * Log Analytics and Azure Resource Manager (Resource Graph) on one local HTTPS stub, answering the queries
 * Azure mode sends with real response shapes (ARG 2024-04-01 `resultFormat: 'table'`, Log Analytics v1 tables,
 * see test/data/azure/fixtures.ts) for a small "Fabrikam" AI estate. Point the bot at it with
 * AZURE_LOGS_ENDPOINT=`${stub.url}/v1` and AZURE_RESOURCE_MANAGER_ENDPOINT=`stub.url`, and trust `stub.ca`.
 */
export const FABRIKAM = {
  /** One directory for Teams and Azure, as in a real deployment: the Teams activities' tenant. */
  tenantId: TENANT_ID,
  subscriptionId: '00000000-0000-0000-0000-00000000fab1',
  workspaceId: '6b7c1a2e-0000-4000-8000-00000000fab1',
};
const SUB = `/subscriptions/${FABRIKAM.subscriptionId}`;
export const OPENAI_ID = `${SUB}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/oai-fabrikam-prod`;
const SEARCH_ID = `${SUB}/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/srch-fabrikam-dev`;

type Column = { name: string; type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'datetime' };

function argTable(columns: Column[], rows: unknown[][]): StubResponse {
  return { body: { totalRecords: rows.length, count: rows.length, resultTruncated: 'false', facets: [], data: { columns, rows } } };
}

const INVENTORY_COLUMNS: Column[] = [
  { name: 'ResourceId', type: 'string' },
  { name: 'ResourceName', type: 'string' },
  { name: 'ResourceType', type: 'string' },
  { name: 'Cloud', type: 'string' },
  { name: 'Location', type: 'string' },
  { name: 'SubscriptionId', type: 'string' },
  { name: 'ResourceGroup', type: 'string' },
  { name: 'Zone', type: 'integer' },
  { name: 'ZoneKnown', type: 'boolean' },
  { name: 'Owner', type: 'string' },
  { name: 'PublicNetworkAccess', type: 'string' },
];

export function inventoryRow(id: string, name: string, type: string, zone: number): unknown[] {
  return [id, name, type, 'Azure', 'eastus2', FABRIKAM.subscriptionId, 'rg-ai', zone, true, 'dana@fabrikam.example', 'Enabled'];
}

const ATTACK_PATH_COLUMNS: Column[] = [
  { name: 'AttackPathId', type: 'string' },
  { name: 'DisplayName', type: 'string' },
  { name: 'RiskLevel', type: 'string' },
  { name: 'EntryPoint', type: 'string' },
  { name: 'Target', type: 'string' },
  { name: 'TargetResourceId', type: 'string' },
  { name: 'ResourceType', type: 'string' },
  { name: 'Zone', type: 'integer' },
  { name: 'ZoneKnown', type: 'boolean' },
  { name: 'Owner', type: 'string' },
  { name: 'RiskFactors', type: 'object' },
  { name: 'Remediation', type: 'object' },
];

export const ATTACK_PATH_TITLE = 'Internet exposed VM with a managed identity can reach oai-fabrikam-prod keys';

/** The columns ArgFindingFeed projects (src/notify/arg-feed.ts). */
const FEED_COLUMNS: Column[] = [
  { name: 'id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'tenantId', type: 'string' },
  { name: 'subscriptionId', type: 'string' },
  { name: 'properties', type: 'object' },
  { name: 'resourceKey', type: 'string' },
  { name: 'resourceName', type: 'string' },
  { name: 'resourceType', type: 'string' },
  { name: 'resourceTags', type: 'object' },
];

/** A Defender for AI alert as ARG `securityresources` holds it (properties in PascalCase), joined with its resource. */
export function alertRow(name: string, title: string, at: Date): unknown[] {
  return [
    `${SUB}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/eastus2/alerts/${name}`,
    name,
    'microsoft.security/locations/alerts',
    FABRIKAM.tenantId,
    FABRIKAM.subscriptionId,
    {
      SystemAlertId: name,
      AlertType: 'AI.Azure_Jailbreak.ContentFiltering.BlockedAttempt',
      AlertDisplayName: title,
      Severity: 'High',
      Status: 'Active',
      Description: 'There was a jailbreak attempt on an Azure OpenAI model deployment, blocked by Prompt Shields.',
      Intent: 'PrivilegeEscalation',
      TimeGeneratedUtc: at.toISOString(),
      StartTimeUtc: at.toISOString(),
      EndTimeUtc: at.toISOString(),
      ResourceIdentifiers: [{ Type: 'AzureResource', AzureResourceId: OPENAI_ID }],
      RemediationSteps: ['Review the prompts sent by the caller.'],
      AlertUri: `https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/${name}/subscriptionId/${FABRIKAM.subscriptionId}/resourceGroup/rg-ai/referencedFrom/alertDeepLink/location/eastus2`,
    },
    OPENAI_ID.toLowerCase(),
    'oai-fabrikam-prod',
    'microsoft.cognitiveservices/accounts',
    { 'governance-zone': '3', owner: 'dana@fabrikam.example' },
  ];
}

export class AzureServicesStub {
  readonly https = new HttpsStub();
  inventory: unknown[][] = [inventoryRow(OPENAI_ID, 'oai-fabrikam-prod', 'openai', 3), inventoryRow(SEARCH_ID, 'srch-fabrikam-dev', 'ai_search', 1)];
  alerts: unknown[][] = [alertRow('2517-old-alert', 'Jailbreak attempt seen last week', new Date(Date.now() - 86_400_000))];
  /** When set, every request gets this answer (outage, throttling). */
  fault?: StubResponse;

  get url(): string {
    return this.https.url;
  }

  get ca(): string {
    return this.https.ca;
  }

  get requests(): StubRequest[] {
    return this.https.requests;
  }

  /** The Resource Graph query texts received, in order. */
  argQueries(): string[] {
    return this.requests.filter((r) => r.path.startsWith('/providers/Microsoft.ResourceGraph/')).map((r) => (r.body as { query: string }).query);
  }

  async start(): Promise<void> {
    await this.https.start();
    this.https.respond((req) => this.fault ?? this.answer(req));
  }

  stop(): Promise<void> {
    return this.https.stop();
  }

  private answer(req: StubRequest): StubResponse {
    if (!req.headers.authorization?.startsWith('Bearer ')) return { status: 401, body: { error: { code: 'AuthenticationFailed', message: 'no bearer token' } } };
    if (req.method === 'POST' && req.path === `/v1/workspaces/${FABRIKAM.workspaceId}/query`) {
      const query = (req.body as { query: string }).query;
      if (query === 'print ok = 1') return { body: { tables: [{ name: 'PrimaryResult', columns: [{ name: 'ok', type: 'int' }], rows: [[1]] }] } };
      return { status: 400, body: { error: { code: 'BadArgumentError', message: `the stub has no answer for ${query.slice(0, 60)}` } } };
    }
    if (req.method === 'POST' && req.path.startsWith('/providers/Microsoft.ResourceGraph/resources?api-version=')) {
      const body = req.body as { subscriptions: string[]; query: string };
      if (!body.subscriptions.includes(FABRIKAM.subscriptionId)) return { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'wrong subscriptions' } } };
      const q = body.query;
      if (q === 'resources | take 1 | project id') return argTable([{ name: 'id', type: 'string' }], [[OPENAI_ID]]);
      // ArgFindingFeed's queries (they join `resourceKey`): alerts come from `alerts`, the other kinds are empty.
      if (q.includes('resourceKey')) return argTable(FEED_COLUMNS, q.includes("'microsoft.security/locations/alerts'") ? this.alerts : []);
      if (q.includes('AttackPathId')) return argTable(ATTACK_PATH_COLUMNS, [this.attackPath()]);
      if (q.includes('ResourceName = name')) return argTable(INVENTORY_COLUMNS, this.inventory);
    }
    // Triage write-back: alert state changes (@azure/arm-security alerts operations answer 204).
    if (req.method === 'POST' && /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Security\/locations\/[^/]+\/alerts\/[^/]+\/(resolve|dismiss|activate)\?api-version=/.test(req.path)) {
      return { status: 204 };
    }
    return { status: 400, body: { error: { code: 'BadRequest', message: 'not scripted', details: [{ code: 'InvalidQuery', message: 'the stub does not know this query' }] } } };
  }

  private attackPath(): unknown[] {
    return [
      'ap-0001',
      ATTACK_PATH_TITLE,
      'Critical',
      'vm-jumpbox-01',
      'oai-fabrikam-prod',
      OPENAI_ID.toLowerCase(),
      'openai',
      3,
      true,
      'dana@fabrikam.example',
      ['Internet exposure', 'Sensitive data'],
      ['Remove the public IP of vm-jumpbox-01.', 'Disable local auth on oai-fabrikam-prod.'],
    ];
  }
}
