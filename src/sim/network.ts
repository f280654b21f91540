/**
 * IP addresses of the simulated callers. Corporate egress uses documentation ranges (RFC 5737); app
 * callers use Azure-looking outbound addresses; attacker addresses are the kind Microsoft threat
 * intelligence flags (Tor exits, bulletproof hosting). The same addresses appear in alerts, AzureDiagnostics
 * and SigninLogs so the correlation queries find each other.
 */

export interface Caller {
  ip: string;
  label: string;
  /** Relative share of its resource's traffic. */
  weight: number;
}

/** Contoso corporate egress (NYC HQ, Charlotte ops center, VPN). */
export const CORPORATE_IPS = ['203.0.113.10', '203.0.113.11', '203.0.113.24', '198.51.100.7', '198.51.100.19'] as const;

/** Tor exit nodes and threat-intel-flagged hosts seen attacking the AI endpoints. */
export const TOR_IPS = ['185.220.101.34', '185.220.101.182', '185.220.102.8', '171.25.193.78'] as const;
export const SUSPICIOUS_IPS = ['45.134.26.91', '194.165.16.73', '91.92.109.44', '103.151.172.18', '80.66.88.210', '5.188.206.14'] as const;
export const ATTACKER_IPS: readonly string[] = [...TOR_IPS, ...SUSPICIOUS_IPS];

/** Normal callers per AI resource with traffic (app service outbound IPs, batch jobs, corporate users). */
export const RESOURCE_CALLERS: Record<string, readonly Caller[]> = {
  'oai-fraud-detection-prod': [
    { ip: '20.119.44.17', label: 'app-fraud-scoring-prod', weight: 6 },
    { ip: '20.119.44.18', label: 'app-fraud-scoring-prod (2nd instance)', weight: 5 },
    { ip: '203.0.113.10', label: 'fraud analysts (HQ)', weight: 1 },
  ],
  'oai-customer-chatbot-prod': [
    { ip: '20.85.144.36', label: 'app-chatbot-orchestrator-prod', weight: 9 },
    { ip: '20.85.144.37', label: 'app-chatbot-orchestrator-prod (2nd instance)', weight: 4 },
    { ip: '52.167.21.90', label: 'func-chatbot-evals', weight: 1 },
  ],
  'oai-docprocessing-prod': [
    { ip: '52.226.139.204', label: 'func-loan-doc-summariser', weight: 5 },
    { ip: '203.0.113.11', label: 'underwriters (Charlotte)', weight: 1 },
  ],
  'oai-fraud-detection-dev': [
    { ip: '198.51.100.7', label: 'developers (VPN)', weight: 2 },
    { ip: '40.76.12.150', label: 'ci-fraud-ai-tests', weight: 1 },
  ],
  'oai-chatbot-staging': [
    { ip: '20.102.60.11', label: 'app-chatbot-orchestrator-stg', weight: 2 },
    { ip: '198.51.100.19', label: 'UAT testers (VPN)', weight: 1 },
  ],
  'oai-wealth-advisor-pilot': [{ ip: '203.0.113.24', label: 'wealth advisors (HQ)', weight: 1 }],
  'oai-hr-policy-assistant': [{ ip: '20.242.98.3', label: 'app-hr-assistant', weight: 2 }],
  'ais-contact-center-prod': [
    { ip: '20.246.180.52', label: 'app-contact-center-agentassist', weight: 5 },
    { ip: '20.246.180.53', label: 'func-call-transcripts', weight: 3 },
  ],
  'ais-marketing-sandbox': [{ ip: '198.51.100.7', label: 'marketing (VPN)', weight: 1 }],
};

/** The caller whose traffic today is far above its 30-day daily average (a leaked key being abused). */
export const SPIKE_CALLER = { ip: '20.85.144.37', resource: 'oai-customer-chatbot-prod' };

/** Callers that received > 4,000-token completions in the last day. */
export const LARGE_RESPONSE_CALLERS = [
  { ip: '52.226.139.204', resource: 'oai-docprocessing-prod' },
  { ip: '203.0.113.10', resource: 'oai-fraud-detection-prod' },
  // Attacker using a stolen key to extract data; seen only in the last 24 hours.
  { ip: '45.134.26.91', resource: 'oai-customer-chatbot-prod' },
] as const;

export const GEO: Record<string, { city: string; state: string; countryOrRegion: string; lat: number; lon: number; asn: number }> = {
  corporate: { city: 'New York', state: 'New York', countryOrRegion: 'US', lat: 40.7128, lon: -74.006, asn: 64500 },
  azure: { city: 'Boydton', state: 'Virginia', countryOrRegion: 'US', lat: 36.6676, lon: -78.3875, asn: 8075 },
  tor: { city: 'Frankfurt am Main', state: 'Hesse', countryOrRegion: 'DE', lat: 50.1109, lon: 8.6821, asn: 60729 },
  suspicious: { city: 'Amsterdam', state: 'North Holland', countryOrRegion: 'NL', lat: 52.3676, lon: 4.9041, asn: 49505 },
};

export function geoOf(ip: string): (typeof GEO)[string] {
  if ((TOR_IPS as readonly string[]).includes(ip)) return GEO.tor as (typeof GEO)[string];
  if ((SUSPICIOUS_IPS as readonly string[]).includes(ip)) return GEO.suspicious as (typeof GEO)[string];
  if (ip.startsWith('203.0.113.') || ip.startsWith('198.51.100.')) return GEO.corporate as (typeof GEO)[string];
  return GEO.azure as (typeof GEO)[string];
}

export const SUSPICIOUS_USER_AGENTS = ['python-requests/2.31.0', 'Go-http-client/1.1', 'curl/8.4.0', 'sqlmap/1.7.11#stable', 'Mozilla/5.0 zgrab/0.x'];
export const APP_USER_AGENTS = ['AzureOpenAI/1.0 (dotnet; Azure.AI.OpenAI 2.1.0)', 'openai-python/1.54.3', 'AzureOpenAI-JS/2.0.0', 'Microsoft.SemanticKernel/1.30.0'];
