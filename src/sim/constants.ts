/** Fixed identities of the simulated "Contoso Bank" tenant. */

/**
 * Default clock of the simulator. Callers (embedded mode, tests) should pass their own `now`; the generator
 * never reads the wall clock, so without one it uses this fixed Monday afternoon (UTC).
 */
export const DEFAULT_NOW = new Date('2025-06-16T14:00:00.000Z');
export const DEFAULT_SEED = 42;

export const TENANT_ID = '4e1c7a3d-9b2f-4c8e-a5d1-6f0b2e9c8a74';
export const TENANT_DOMAIN = 'contoso.com';

export const SUBSCRIPTIONS = [
  { id: '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18', name: 'contoso-ai-prod' },
  { id: '8b1e6c03-2f7a-4d5b-a8e9-1c3d5f7a9b20', name: 'contoso-ai-nonprod' },
  { id: 'c45d9e82-7b1a-4f3c-9d6e-2e8f0a1b3c57', name: 'contoso-data-platform' },
] as const;
export type SubscriptionKey = 'prod' | 'nonprod' | 'data';
export const SUB: Record<SubscriptionKey, string> = {
  prod: SUBSCRIPTIONS[0].id,
  nonprod: SUBSCRIPTIONS[1].id,
  data: SUBSCRIPTIONS[2].id,
};

/** The Sentinel / SOC Log Analytics workspace that receives continuous export and diagnostics. */
export const WORKSPACE = {
  customerId: 'b7d3e9a1-4c2f-4e8b-9a6d-3f1c5e7b2d90',
  subscriptionId: SUB.prod,
  resourceGroup: 'rg-security-ops',
  name: 'law-contoso-soc',
};

/** Region Defender for Cloud stores US alerts in (the `locations/{ascLocation}` segment of alert ids). */
export const ASC_LOCATION = 'centralus';

export const AWS_ACCOUNT_ID = '417263958201';
export const GCP_PROJECT = 'contoso-ai-analytics';
export const GCP_PROJECT_NUMBER = '582047193614';

/** Multicloud security connectors (Defender's `Microsoft.Security/securityConnectors`), in contoso-ai-prod. */
export const CONNECTORS = {
  aws: { name: 'aws-contoso-ai', resourceGroup: 'rg-defender-connectors', subscriptionId: SUB.prod },
  gcp: { name: 'gcp-contoso-ai', resourceGroup: 'rg-defender-connectors', subscriptionId: SUB.prod },
};

export interface Person {
  upn: string;
  displayName: string;
  department: string;
}

const person = (first: string, last: string, department: string): Person => ({
  upn: `${first.toLowerCase()}.${last.toLowerCase()}@${TENANT_DOMAIN}`,
  displayName: `${first} ${last}`,
  department,
});

/** Resource owners (also Teams users in the demo). */
export const OWNERS = {
  priya: person('Priya', 'Shah', 'Fraud Analytics'),
  marcus: person('Marcus', 'Johnson', 'Digital Channels'),
  elena: person('Elena', 'Rodriguez', 'Lending Operations'),
  david: person('David', 'Kim', 'Data Platform'),
  aisha: person('Aisha', 'Okafor', 'Model Risk'),
  tom: person('Tom', 'Becker', 'Enterprise Architecture'),
  sofia: person('Sofia', 'Marino', 'Wealth Management'),
  james: person('James', 'Whitfield', 'Marketing Technology'),
  nina: person('Nina', 'Patel', 'AI Platform'),
  omar: person('Omar', 'Haddad', 'Cloud Security'),
};

/** Other employees who sign in (a sample of the ~15,000). */
export const EMPLOYEES: readonly Person[] = [
  ...Object.values(OWNERS),
  person('Grace', 'Liu', 'Fraud Analytics'),
  person('Samuel', 'Adeyemi', 'Digital Channels'),
  person('Hannah', 'Schmidt', 'Lending Operations'),
  person('Carlos', 'Mendes', 'Customer Service'),
  person('Emily', 'Walsh', 'Customer Service'),
  person('Raj', 'Iyer', 'Data Platform'),
  person('Laura', 'Chen', 'Compliance'),
  person('Michael', 'Brennan', 'Treasury'),
  person('Fatima', 'Zahra', 'AI Platform'),
  person('Kevin', 'OBrien', 'Cloud Security'),
  person('Julia', 'Novak', 'Internal Audit'),
  person('Andre', 'Dubois', 'Wealth Management'),
  person('Mei', 'Tanaka', 'Model Risk'),
  person('Victor', 'Alvarez', 'Enterprise Architecture'),
];
