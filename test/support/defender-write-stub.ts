import type { StubRequest, StubResponse } from './https-stub';

/**
 * The ARM APIs triage write-backs use, as strict as the services where their documentation says what they refuse
 * (docs/triage.md cites the pages): Defender governance assignments (2022-01-01-preview), Azure Policy exemptions
 * (2022-07-01-preview), Defender standard assignments and standards (2024-08-01), alert state (2021-11-01, what
 * @azure/arm-security 5 sends), and the Resource Graph `policystates` lookup. Anything else answers 400.
 */
export interface PolicyState {
  subscriptionId: string;
  policyDefinitionId: string;
  policyAssignmentId: string;
  policyAssignmentScope: string;
  policyDefinitionReferenceId: string;
}

export interface Standard {
  /** Where it is assigned: a security connector or subscription id. */
  scope: string;
  /** The standard's GUID. */
  id: string;
  /** Audit: in force; Exempt: an existing exemption (must be ignored as a target). */
  effect: 'Audit' | 'Exempt';
  assessmentKeys: string[];
}

const GUID = /^[{]?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}[}]?$/;
// Policy exemption names: at most 64 characters, none of <>*%&:\?.+/ and not ending with a period or space.
const EXEMPTION_NAME = /^[^<>*%&:\\?.+/]{1,64}$/;

const bad = (code: string, message: string, status = 400): StubResponse => ({ status, body: { error: { code, message } } });
const apiVersion = (path: string) => new URL(path, 'https://x').searchParams.get('api-version');

export class DefenderWriteStub {
  policyStates: PolicyState[] = [];
  standards: Standard[] = [];
  /** Alert ids (ARM) that exist; state changes of others answer 404. */
  alerts = new Set<string>();
  /** Standard-assignment pages hold this many items, so the client must follow nextLink. */
  pageSize = 1;

  constructor(private readonly baseUrl: () => string) {}

  handle(req: StubRequest): StubResponse {
    const path = req.path.split('?')[0]!;
    const version = apiVersion(req.path);
    if (req.method === 'POST' && path === '/providers/Microsoft.ResourceGraph/resources') return this.resourceGraph(String((req.body as { query?: string }).query ?? ''));

    let m = /^(.+\/providers\/Microsoft\.Security\/assessments\/[^/]+)\/governanceAssignments\/([^/]+)$/i.exec(path);
    if (m && req.method === 'PUT') {
      if (version !== '2022-01-01-preview') return bad('InvalidApiVersionParameter', `api-version ${version} is not supported for governanceAssignments`);
      const p = (req.body as { properties?: Record<string, unknown> })?.properties ?? {};
      if (!p.owner || !p.remediationDueDate) return bad('InvalidInput', 'owner and remediationDueDate are required');
      return { status: 200, body: { id: path, name: m[2], type: 'Microsoft.Security/assessments/governanceAssignments', properties: p } };
    }

    m = /^(.+)\/providers\/Microsoft\.Authorization\/policyExemptions\/([^/]+)$/i.exec(path);
    if (m) {
      if (version !== '2022-07-01-preview') return bad('InvalidApiVersionParameter', `api-version ${version} is not supported for policyExemptions`);
      if (!EXEMPTION_NAME.test(m[2]!) || /[. ]$/.test(m[2]!)) return bad('InvalidPolicyExemptionName', `The policy exemption name '${m[2]}' is invalid.`);
      if (req.method === 'DELETE') return { status: 200 };
      if (req.method === 'PUT') return this.policyExemption(path, m[2]!, req.body);
    }

    m = /^(.+)\/providers\/Microsoft\.Security\/standardAssignments(?:\/([^/]+))?$/i.exec(path);
    if (m) {
      if (version !== '2024-08-01') return bad('InvalidApiVersionParameter', `api-version ${version} is not supported for standardAssignments`);
      if (req.method === 'GET' && !m[2]) return this.page(req, this.standards.filter((s) => same(s.scope, m![1]!)).map((s) => assignmentResource(m![1]!, s)));
      if (m[2] && !GUID.test(m[2])) return bad('InvalidParameter', `The standard assignment name '${m[2]}' must be a GUID.`);
      if (req.method === 'DELETE') return { status: 200 };
      if (req.method === 'PUT') return this.standardExemption(m[1]!, m[2]!, req.body);
    }

    m = /^(.+)\/providers\/Microsoft\.Security\/securityStandards$/i.exec(path);
    if (m && req.method === 'GET') {
      if (version !== '2024-08-01') return bad('InvalidApiVersionParameter', `api-version ${version} is not supported for securityStandards`);
      const scope = m[1]!;
      return this.page(req, this.standards.filter((s) => same(s.scope, scope)).map((s) => ({ id: `${scope}/providers/Microsoft.Security/securityStandards/${s.id}`, name: s.id, type: 'Microsoft.Security/securityStandards', properties: { displayName: `Standard ${s.id}`, standardType: 'Custom', assessments: s.assessmentKeys.map((assessmentKey) => ({ assessmentKey })), cloudProviders: ['AWS'] } })));
    }

    m = /^(\/subscriptions\/[^/]+(?:\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Security\/locations\/[^/]+\/alerts\/[^/]+)\/(resolve|dismiss|activate)$/i.exec(path);
    if (m && req.method === 'POST') {
      if (version !== '2021-11-01') return bad('InvalidApiVersionParameter', `api-version ${version} is not supported for alerts`);
      return [...this.alerts].some((a) => same(a, m![1]!)) ? { status: 204 } : bad('NotFound', `Alert ${m[1]} was not found`, 404);
    }
    return bad('BadRequest', `the write stub does not know ${req.method} ${req.path}`);
  }

  /** Exactly one Resource Graph lookup is expected: which assignments evaluate a definition in a subscription. */
  private resourceGraph(query: string): StubResponse {
    if (!query.includes("'microsoft.policyinsights/policystates'") && !query.includes('"microsoft.policyinsights/policystates"')) return bad('BadRequest', 'unexpected Resource Graph query');
    const literal = (pattern: RegExp) => JSON.parse(pattern.exec(query)?.[1] ?? '""') as string;
    const sub = literal(/subscriptionId =~ ("[^"]*")/);
    const def = literal(/tostring\(properties\.policyDefinitionId\)\) == ("[^"]*")/);
    const rows = this.policyStates
      .filter((s) => same(s.subscriptionId, sub) && same(s.policyDefinitionId, def))
      .map((s) => [s.policyAssignmentId, s.policyAssignmentScope, s.policyDefinitionReferenceId]);
    const columns = ['PolicyAssignmentId', 'PolicyAssignmentScope', 'PolicyDefinitionReferenceId'].map((name) => ({ name, type: 'string' }));
    return { body: { totalRecords: rows.length, count: rows.length, resultTruncated: 'false', facets: [], data: { columns, rows } } };
  }

  private policyExemption(id: string, name: string, body: unknown): StubResponse {
    const p = (body as { properties?: Record<string, unknown> })?.properties ?? {};
    const assignment = String(p.policyAssignmentId ?? '');
    const known = this.policyStates.filter((s) => same(s.policyAssignmentId, assignment));
    if (known.length === 0) return bad('PolicyAssignmentNotFound', `The policy assignment '${assignment}' is not found.`, 404);
    if (!['Waiver', 'Mitigated'].includes(String(p.exemptionCategory))) return bad('InvalidRequestContent', 'exemptionCategory must be Waiver or Mitigated');
    const refs = (p.policyDefinitionReferenceIds ?? []) as string[];
    const unknown = refs.filter((r) => !known.some((s) => same(s.policyDefinitionReferenceId, r)));
    // The service refuses reference ids the assignment's initiative does not have (e.g. an assessment key).
    if (unknown.length > 0) return bad('InvalidPolicyDefinitionReferenceId', `The policy definition reference ids '${unknown.join(', ')}' are not in the policy set definition of assignment '${assignment}'.`);
    return { status: 201, body: { id, name, type: 'Microsoft.Authorization/policyExemptions', properties: p } };
  }

  private standardExemption(scope: string, name: string, body: unknown): StubResponse {
    const p = (body as { properties?: Record<string, unknown> })?.properties ?? {};
    if (p.effect !== 'Exempt') return bad('InvalidParameter', 'this stub only creates Exempt standard assignments');
    const data = (p.exemptionData ?? {}) as { exemptionCategory?: string; assignedAssessment?: { assessmentKey?: string } };
    if (!['waiver', 'mitigated'].includes(String(data.exemptionCategory))) return bad('InvalidParameter', "exemptionData.exemptionCategory must be 'waiver' or 'mitigated'");
    const standardId = String((p.assignedStandard as { id?: string } | undefined)?.id ?? '');
    const connector = this.standards.find((s) => standardId.toLowerCase().endsWith(`/${s.id.toLowerCase()}`) && s.effect === 'Audit' && scope.toLowerCase().startsWith(`${s.scope.toLowerCase()}/`));
    if (!connector) return bad('InvalidParameter', `standard ${standardId} is not assigned above ${scope}`);
    if (!connector.assessmentKeys.some((k) => same(k, String(data.assignedAssessment?.assessmentKey)))) return bad('InvalidParameter', 'the assessment is not part of the standard');
    return { status: 201, body: { id: `${scope}/providers/Microsoft.Security/standardAssignments/${name}`, name, type: 'Microsoft.Security/standardAssignments', properties: p } };
  }

  /** An ARM list page of `pageSize` items with an absolute nextLink, as ARM pages. */
  private page(req: StubRequest, items: unknown[]): StubResponse {
    const url = new URL(req.path, this.baseUrl());
    const skip = Number(url.searchParams.get('$skipToken') ?? 0);
    const next = skip + this.pageSize < items.length ? (url.searchParams.set('$skipToken', String(skip + this.pageSize)), url.toString()) : undefined;
    return { body: { value: items.slice(skip, skip + this.pageSize), ...(next ? { nextLink: next } : {}) } };
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function assignmentResource(scope: string, s: Standard): Record<string, unknown> {
  const name = s.effect === 'Audit' ? s.id : '9c0e4d1a-0000-4000-8000-0000000000e1';
  return {
    id: `${scope}/providers/Microsoft.Security/standardAssignments/${name}`,
    name,
    type: 'Microsoft.Security/standardAssignments',
    properties: {
      displayName: s.effect === 'Audit' ? 'Microsoft cloud security benchmark' : 'An earlier exemption',
      assignedStandard: { id: `/providers/Microsoft.Security/securityStandards/${s.id}` },
      effect: s.effect,
      ...(s.effect === 'Exempt' ? { exemptionData: { exemptionCategory: 'waiver', assignedAssessment: { assessmentKey: s.assessmentKeys[0] } } } : {}),
    },
  };
}
