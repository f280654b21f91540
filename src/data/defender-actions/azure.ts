import type { TokenCredential } from '@azure/identity';
import { PolicyClient } from '@azure/arm-policy';
import { SecurityCenter } from '@azure/arm-security';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { PermanentWriteError, type DefenderActions, type DefenderWrite } from '../../domain/triage/ports';
import type { AzureClientOptions } from '../azure/client-options';

/** Governance assignments exist only in this preview API; @azure/arm-security 5 has no operations for them. */
export const GOVERNANCE_API_VERSION = '2022-01-01-preview';
/** @azure/arm-policy 6 dropped the policyExemptions operations; this is the current exemptions API. */
export const EXEMPTIONS_API_VERSION = '2022-07-01-preview';
const MANAGEMENT = 'https://management.azure.com';

export interface AzureDefenderActionsOptions {
  credential: TokenCredential;
  /** Replaces https://management.azure.com (tests). */
  endpoint?: string;
  clientOptions?: AzureClientOptions;
}

interface SdkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** 4xx other than timeout, conflict and throttling will fail the same way again: no retry. */
function classify(status: number | undefined, what: string, detail: string): Error {
  const message = `${what} failed${status ? ` with HTTP ${status}` : ''}: ${detail}`;
  return status && status >= 400 && status < 500 && ![408, 409, 429].includes(status) ? new PermanentWriteError(message) : new Error(message);
}

/**
 * Writes triage decisions to Azure: Defender governance assignments and Azure Policy exemptions as raw
 * requests through the SDK clients' own pipelines (auth, retry and throttling policies included), and
 * alert state changes through @azure/arm-security's alerts operations.
 */
export class AzureDefenderActions implements DefenderActions {
  readonly kind = 'azure';
  private readonly security = new Map<string, SecurityCenter>();
  private readonly policy: PolicyClient;
  private readonly endpoint: string;

  constructor(private readonly options: AzureDefenderActionsOptions) {
    this.endpoint = (options.endpoint ?? MANAGEMENT).replace(/\/$/, '');
    this.policy = new PolicyClient(options.credential, { ...options.clientOptions, endpoint: options.endpoint });
  }

  async apply(w: DefenderWrite): Promise<void> {
    if (w.type === 'governance_assignment') {
      const url = `${this.endpoint}${w.assessmentId}/governanceAssignments/${w.assignmentKey}?api-version=${GOVERNANCE_API_VERSION}`;
      const body = {
        properties: {
          owner: w.owner,
          remediationDueDate: w.remediationDueDate,
          isGracePeriod: w.isGracePeriod,
          governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
        },
      };
      return this.send(this.securityFor(w.assessmentId), 'PUT', url, body, 'Governance assignment');
    }
    if (w.type === 'exemption') {
      const url = `${this.endpoint}${w.scope}/providers/Microsoft.Authorization/policyExemptions/${w.name}?api-version=${EXEMPTIONS_API_VERSION}`;
      const body = {
        properties: {
          policyAssignmentId: w.policyAssignmentId,
          policyDefinitionReferenceIds: w.policyDefinitionReferenceIds,
          exemptionCategory: w.category,
          expiresOn: w.expiresOn,
          displayName: w.displayName,
          description: w.description,
          metadata: w.metadata,
        },
      };
      return this.send(this.policy, 'PUT', url, body, 'Policy exemption');
    }
    if (w.type === 'exemption_delete') {
      const url = `${this.endpoint}${w.scope}/providers/Microsoft.Authorization/policyExemptions/${w.name}?api-version=${EXEMPTIONS_API_VERSION}`;
      return this.send(this.policy, 'DELETE', url, undefined, 'Policy exemption removal', [404]);
    }
    return this.alertState(w);
  }

  private securityFor(id: string): SecurityCenter {
    const sub = /\/subscriptions\/([^/]+)/i.exec(id)?.[1];
    if (!sub) throw new PermanentWriteError(`no subscription in ${id}`);
    let client = this.security.get(sub);
    if (!client) {
      client = new SecurityCenter(this.options.credential, sub, { ...this.options.clientOptions, endpoint: this.options.endpoint });
      this.security.set(sub, client);
    }
    return client;
  }

  private async send(client: SecurityCenter | PolicyClient, method: 'PUT' | 'DELETE', url: string, body: unknown, what: string, alsoOk: number[] = []): Promise<void> {
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let response;
    try {
      response = await client.sendRequest(request);
    } catch (err) {
      const e = err as SdkError;
      throw classify(e.statusCode, what, e.message ?? String(err));
    }
    if ((response.status >= 200 && response.status < 300) || alsoOk.includes(response.status)) return;
    throw classify(response.status, what, errorText(response.bodyAsText));
  }

  private async alertState(w: Extract<DefenderWrite, { type: 'alert_state' }>): Promise<void> {
    const m = /\/subscriptions\/[^/]+(?:\/resourceGroups\/([^/]+))?\/providers\/Microsoft\.Security\/locations\/([^/]+)\/alerts\/([^/]+)$/i.exec(w.alertId);
    if (!m) throw new PermanentWriteError(`not an alert id: ${w.alertId}`);
    const [, rg, location, name] = m as unknown as [string, string | undefined, string, string];
    const alerts = this.securityFor(w.alertId).alerts;
    try {
      if (rg) {
        if (w.state === 'Resolve') await alerts.updateResourceGroupLevelStateToResolve(location, name, rg);
        else if (w.state === 'Dismiss') await alerts.updateResourceGroupLevelStateToDismiss(location, name, rg);
        else await alerts.updateResourceGroupLevelStateToActivate(location, name, rg);
      } else if (w.state === 'Resolve') await alerts.updateSubscriptionLevelStateToResolve(location, name);
      else if (w.state === 'Dismiss') await alerts.updateSubscriptionLevelStateToDismiss(location, name);
      else await alerts.updateSubscriptionLevelStateToActivate(location, name);
    } catch (err) {
      const e = err as SdkError;
      throw classify(e.statusCode, `Alert ${w.state.toLowerCase()}`, e.message ?? String(err));
    }
  }
}

function errorText(body: string | null | undefined): string {
  if (!body) return 'no details';
  try {
    const e = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
    if (e) return `${e.code ?? ''} ${e.message ?? ''}`.trim();
  } catch {
    // not JSON
  }
  return body.slice(0, 300);
}
