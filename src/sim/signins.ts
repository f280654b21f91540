import { SigninLogs } from '../schemas';
import type { AlertEvent } from './alerts';
import { EMPLOYEES, TENANT_ID, type Person } from './constants';
import { CORPORATE_IPS, TOR_IPS, ATTACKER_IPS, geoOf } from './network';
import { Rng, stableGuid } from './rng';
import { DAY, HOUR, makeRow, type Row } from './rows';

const APPS = [
  { name: 'Microsoft Teams', id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', resource: 'Microsoft Teams Services' },
  { name: 'Azure Portal', id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', resource: 'Windows Azure Service Management API' },
  { name: 'Office 365 Exchange Online', id: '00000002-0000-0ff1-ce00-000000000000', resource: 'Office 365 Exchange Online' },
  { name: 'Azure AI Foundry', id: 'cb2ff863-7f30-4ced-ab89-a00194bcf6d9', resource: 'Azure Machine Learning Services' },
  { name: 'Microsoft Azure CLI', id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', resource: 'Microsoft Graph' },
] as const;

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0';

/** Alert types whose caller is a person typing prompts (the SOC correlates these with risky sign-ins). */
const PROMPT_ALERTS = /Jailbreak|ASCIISmuggling|CredentialTheft|MaliciousUrl\.UserPrompt/;

interface SignIn {
  at: Date;
  user: Person;
  ip: string;
  risk: 'none' | 'low' | 'medium' | 'high';
  riskEvent?: string;
  success: boolean;
}

function row(rng: Rng, s: SignIn): Row {
  const app = s.risk === 'none' || s.risk === 'low' ? rng.pick(APPS) : APPS[3];
  const geo = geoOf(s.ip);
  const id = rng.guid();
  const userId = stableGuid(`user:${s.user.upn}`);
  const status = s.success ? { errorCode: 0 } : { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.' };
  const risky = s.risk === 'medium' || s.risk === 'high';
  return makeRow(SigninLogs, {
    AADTenantId: TENANT_ID,
    AlternateSignInName: s.user.upn,
    AppDisplayName: app.name,
    AppId: app.id,
    AppliedConditionalAccessPolicies: '[]',
    AppliedEventListeners: [],
    AuthenticationDetails: JSON.stringify([{ authenticationMethod: 'Password', succeeded: s.success }]),
    AuthenticationMethodsUsed: '[]',
    AuthenticationProcessingDetails: '[]',
    AuthenticationProtocol: 'none',
    AuthenticationRequirement: risky ? 'singleFactorAuthentication' : 'multiFactorAuthentication',
    AuthenticationRequirementPolicies: '[]',
    AutonomousSystemNumber: String(geo.asn),
    _BilledSize: 5200,
    Category: 'SignInLogs',
    ClientAppUsed: 'Browser',
    ConditionalAccessPolicies: [{ id: stableGuid('ca:require-mfa'), displayName: 'CA001: Require MFA for all users', result: risky ? 'notApplied' : 'success' }],
    ConditionalAccessStatus: risky ? 'notApplied' : 'success',
    CorrelationId: rng.guid(),
    CreatedDateTime: s.at,
    CrossTenantAccessType: 'none',
    DeviceDetail: risky ? { deviceId: '', operatingSystem: 'Linux', browser: 'Firefox 115.0' } : { deviceId: stableGuid(`device:${s.user.upn}`), displayName: `CONTOSO-${s.user.upn.split('@')[0]?.toUpperCase().slice(0, 8)}`, operatingSystem: 'Windows10', browser: 'Edge 125.0.0', isCompliant: true, isManaged: true, trustType: 'Azure AD joined' },
    DurationMs: 0,
    FlaggedForReview: false,
    HomeTenantId: TENANT_ID,
    Id: id,
    Identity: s.user.displayName,
    IPAddress: s.ip,
    IPAddressFromResourceProvider: null,
    _IsBillable: 'True',
    IsInteractive: true,
    IsRisky: risky,
    Level: '4',
    Location: geo.countryOrRegion,
    LocationDetails: { city: geo.city, state: geo.state, countryOrRegion: geo.countryOrRegion, geoCoordinates: { latitude: geo.lat, longitude: geo.lon } },
    MfaDetail: {},
    NetworkLocationDetails: s.ip.startsWith('203.0.113.') || s.ip.startsWith('198.51.100.') ? '[{"networkType":"namedNetwork","networkNames":["Contoso Corporate"]}]' : '[]',
    OperationName: 'Sign-in activity',
    OperationVersion: '1.0',
    OriginalRequestId: id,
    ProcessingTimeInMilliseconds: String(40 + rng.int(0, 300)),
    Resource: 'Microsoft.aadiam',
    ResourceDisplayName: app.resource,
    ResourceGroup: 'Microsoft.aadiam',
    ResourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`,
    ResourceIdentity: stableGuid(`resource:${app.resource}`),
    ResourceProvider: 'Microsoft.aadiam',
    ResourceServicePrincipalId: stableGuid(`sp:${app.resource}`),
    ResourceTenantId: TENANT_ID,
    ResultDescription: s.success ? null : 'Invalid username or password or Invalid on-premise username or password.',
    ResultSignature: s.success ? 'SUCCESS' : 'FAILURE',
    ResultType: s.success ? '0' : '50126',
    RiskDetail: 'none',
    RiskEventTypes: s.riskEvent ? `["${s.riskEvent}"]` : '[]',
    RiskEventTypes_V2: s.riskEvent ? `["${s.riskEvent}"]` : '[]',
    RiskLevel: s.risk === 'none' ? '' : s.risk,
    RiskLevelAggregated: s.risk,
    RiskLevelDuringSignIn: s.risk,
    RiskState: s.risk === 'none' ? 'none' : 'atRisk',
    ServicePrincipalId: '',
    ServicePrincipalName: '',
    SessionLifetimePolicies: '[]',
    SignInIdentifier: s.user.upn,
    SignInIdentifierType: 'userPrincipalName',
    SourceSystem: 'Azure AD',
    Status: status,
    TimeGenerated: s.at,
    TokenIssuerName: '',
    TokenIssuerType: 'AzureAD',
    Type: 'SigninLogs',
    UniqueTokenIdentifier: id.replace(/-/g, '').slice(0, 22),
    UserAgent: risky ? 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0' : BROWSER_UA,
    UserDisplayName: s.user.displayName,
    UserId: userId,
    UserPrincipalName: s.user.upn,
    UserType: 'Member',
  });
}

/**
 * 30 days of interactive sign-ins by Contoso employees from corporate networks, plus risky sign-ins from
 * attacker IPs shortly before prompt-attack alerts from the same IP (what the SOC's correlation query joins),
 * plus a few unrelated low-risk detections.
 */
export function generateSignins(rng: Rng, now: Date, alerts: readonly AlertEvent[]): Row[] {
  const signins: SignIn[] = [];
  const start = Math.floor((now.getTime() - 30 * DAY) / DAY) * DAY;
  for (let day = start; day < now.getTime(); day += DAY) {
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    for (const user of EMPLOYEES) {
      const n = weekend ? (rng.chance(0.2) ? 1 : 0) : rng.int(2, 5);
      for (let i = 0; i < n; i++) {
        const at = new Date(day + 12 * HOUR + rng.next() * 10 * HOUR);
        if (at > now) continue;
        const low = rng.chance(0.01);
        signins.push({ at, user, ip: rng.pick(CORPORATE_IPS), risk: low ? 'low' : 'none', ...(low ? { riskEvent: 'unfamiliarFeatures' } : {}), success: rng.chance(0.97) });
      }
    }
  }
  let first = true;
  for (const a of alerts) {
    if (!PROMPT_ALERTS.test(a.type) || !ATTACKER_IPS.includes(a.callerIp)) continue;
    if (!first && !rng.chance(0.6)) continue;
    first = false;
    const at = new Date(a.at.getTime() - (10 + rng.int(0, 80)) * 60_000);
    const tor = (TOR_IPS as readonly string[]).includes(a.callerIp);
    signins.push({ at, user: rng.pick(EMPLOYEES), ip: a.callerIp, risk: rng.chance(0.55) ? 'high' : 'medium', riskEvent: tor ? 'anonymizedIPAddress' : 'maliciousIPAddress', success: true });
  }
  signins.sort((x, y) => x.at.getTime() - y.at.getTime());
  return signins.map((s) => row(rng, s));
}
