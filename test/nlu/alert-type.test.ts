import assert from 'node:assert/strict';
import { ALERT_TYPES } from '../../src/domain/intents';
import { parseAlertType } from '../../src/nlu/slots/alert-type';

describe('nlu/slots/alert-type', () => {
  const cases: [string, string | undefined][] = [
    ['jailbreak attempts', 'jailbreak'],
    ['jailbrake alerts', 'jailbreak'],
    ['jailbreaks', 'jailbreak'],
    ['prompt injection', 'jailbreak'],
    ['ascii smuggling', 'jailbreak'],
    ['content-filter bypass', 'jailbreak'],
    ['credential theft', 'credential_theft'],
    ['credential leak in prompts', 'credential_theft'],
    ['leaked secrets', 'credential_theft'],
    ['sensitive data leak', 'sensitive_data'],
    ['pii exposure', 'sensitive_data'],
    ['tor exit nodes', 'suspicious_ip'],
    ['anonymized ip access', 'suspicious_ip'],
    ['suspicious user agent', 'suspicious_ip'],
    ['suspicious ip', 'suspicious_ip'],
    ['denial-of-wallet', 'wallet_attack'],
    ['wallet attack', 'wallet_attack'],
    ['volume anomaly alerts', 'wallet_attack'],
    ['malicious url', 'phishing'],
    ['phishing links', 'phishing'],
    ['access anomaly', 'access_anomaly'],
    ['anomalous tool invocation', 'access_anomaly'],
    // Not alert types.
    ['usage anomalies', undefined],
    ['volume spikes vs baseline', undefined],
    ['data exfiltration', undefined],
  ];
  for (const [text, expected] of cases) it(`"${text}" → ${expected}`, () => assert.equal(parseAlertType(text), expected));

  it('only returns ALERT_TYPE_FAMILIES keys', () => {
    for (const [text, expected] of cases) if (expected) assert.ok(ALERT_TYPES.includes(parseAlertType(text)!), text);
  });
});
