import assert from 'node:assert/strict';
import { createSimulatedTenant } from '../../src/sim';
import { NOW } from './helpers';

describe('simulated tenant: trickle alerts', () => {
  it('appends one alert to SecurityAlert and securityresources per call, with increasing times and unique ids', () => {
    const t = createSimulatedTenant({ now: NOW });
    const before = { la: t.tables.SecurityAlert?.length ?? 0, arg: t.tables.securityresources?.length ?? 0 };
    const rows = [];
    for (let i = 0; i < 20; i++) rows.push(t.addTrickleAlert(new Date(NOW.getTime() + (i + 1) * 60_000)));
    assert.equal(t.tables.SecurityAlert?.length, before.la + 20);
    assert.equal(t.tables.securityresources?.length, before.arg + 20);
    assert.deepEqual(t.tables.SecurityAlert?.slice(-20), rows);
    for (let i = 1; i < rows.length; i++) assert.ok((rows[i]?.StartTime as Date) > (rows[i - 1]?.StartTime as Date));
    const ids = new Set(t.tables.SecurityAlert?.map((r) => r.SystemAlertId));
    assert.equal(ids.size, t.tables.SecurityAlert?.length);
    const mirrored = t.tables.securityresources?.slice(-20).map((r) => r.name);
    assert.deepEqual(mirrored, rows.map((r) => r.SystemAlertId));
    // Cycles through all 16 types, new and open.
    assert.equal(new Set(rows.slice(0, 16).map((r) => r.AlertType)).size, 16);
    assert.ok(rows.every((r) => r.Status === 'New'));
    // The activity started an hour before the alert was raised, and nothing about it lies in the future.
    assert.equal((rows[0]?.StartTime as Date).toISOString(), '2025-06-16T13:01:00.000Z');
    rows.forEach((r, i) => {
      const raisedAt = NOW.getTime() + (i + 1) * 60_000;
      assert.ok((r.EndTime as Date).getTime() <= raisedAt && (r.TimeGenerated as Date).getTime() <= raisedAt, `row ${i}`);
    });
  });

  it('is deterministic across tenants with the same seed', () => {
    const a = createSimulatedTenant({ now: NOW });
    const b = createSimulatedTenant({ now: NOW });
    const at = new Date(NOW.getTime() + 60_000);
    assert.deepEqual(a.addTrickleAlert(at), b.addTrickleAlert(at));
    assert.deepEqual(a.addTrickleAlert(at), b.addTrickleAlert(at));
  });
});

describe('simulated tenant: scale', () => {
  it('produces exactly the requested AzureDiagnostics and alert counts', () => {
    const t = createSimulatedTenant({ now: NOW, scale: { diagnosticsRows: 120_000, alerts: 3_000 } });
    assert.equal(t.tables.AzureDiagnostics?.length, 120_000);
    assert.equal(t.tables.SecurityAlert?.length, 3_000);
    assert.equal(t.tables.securityresources?.filter((r) => r.type === 'microsoft.security/locations/alerts').length, 3_000);
  });

  it('handles tiny volumes, including zero', () => {
    for (const n of [0, 1, 5, 17]) {
      const t = createSimulatedTenant({ now: NOW, scale: { diagnosticsRows: n, alerts: n } });
      assert.equal(t.tables.AzureDiagnostics?.length, n);
      assert.equal(t.tables.SecurityAlert?.length, n);
    }
    const t = createSimulatedTenant({ now: NOW, scale: { alerts: 16 } });
    assert.equal(new Set(t.tables.SecurityAlert?.map((r) => r.AlertType)).size, 16);
  });

  it('rejects a negative or fractional count', () => {
    assert.throws(() => createSimulatedTenant({ scale: { alerts: -1 } }), RangeError);
    assert.throws(() => createSimulatedTenant({ scale: { diagnosticsRows: 1.5 } }), RangeError);
  });
});
