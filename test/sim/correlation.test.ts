import assert from 'node:assert/strict';
import { ATTACKER_IPS } from '../../src/sim';
import { json, tenant } from './helpers';

const HOUR = 3_600_000;

describe('simulated tenant: sign-ins and the alert correlation', () => {
  it('has 30 days of sign-ins from Contoso users', () => {
    const rows = tenant().tables.SigninLogs ?? [];
    assert.ok(rows.length > 1000, `${rows.length} sign-ins`);
    assert.ok(rows.every((r) => /@contoso\.com$/.test(String(r.UserPrincipalName))));
    assert.ok(rows.every((r) => ['none', 'low', 'medium', 'high'].includes(String(r.RiskLevelDuringSignIn))));
    assert.ok(rows.filter((r) => r.ResultType !== '0').length > 0, 'some failures');
  });

  it('joins risky sign-ins to jailbreak / injection alerts on caller IP within 2 hours (the SOC lab query)', () => {
    const t = tenant();
    const aiAlerts = (t.tables.SecurityAlert ?? [])
      .filter((a) => /jailbreak|injection/i.test(String(a.AlertName)))
      .map((a) => ({ at: (a.TimeGenerated as Date).getTime(), ip: String(json(a.ExtendedProperties).CallerIpAddress) }));
    const risky = (t.tables.SigninLogs ?? []).filter((s) => ['medium', 'high'].includes(String(s.RiskLevelDuringSignIn)));
    assert.ok(risky.length >= 10, `${risky.length} risky sign-ins`);
    const matches = aiAlerts.filter((a) => risky.some((s) => s.IPAddress === a.ip && Math.abs((s.TimeGenerated as Date).getTime() - a.at) < 2 * HOUR));
    assert.ok(matches.length >= 5, `${matches.length} correlated alerts`);
    // Every risky sign-in comes from an attacker address that also appears as an alert caller.
    const alertIps = new Set((t.tables.SecurityAlert ?? []).map((a) => json(a.ExtendedProperties).CallerIpAddress));
    for (const s of risky) {
      assert.ok(ATTACKER_IPS.includes(String(s.IPAddress)));
      assert.ok(alertIps.has(s.IPAddress));
      assert.equal(s.RiskState, 'atRisk');
      assert.equal(s.IsRisky, true);
    }
  });
});
