import assert from 'node:assert/strict';
import { createSimulatedTenant, DEFAULT_NOW } from '../../src/sim';
import { NOW } from './helpers';

describe('simulated tenant: determinism', () => {
  it('gives deep-equal tables for the same seed and now', () => {
    const a = createSimulatedTenant({ seed: 7, now: NOW });
    const b = createSimulatedTenant({ seed: 7, now: NOW });
    assert.deepEqual(a.tables, b.tables);
    assert.deepEqual(a.resources, b.resources);
  });

  it('gives different data for a different seed', () => {
    const a = createSimulatedTenant({ seed: 7, now: NOW });
    const b = createSimulatedTenant({ seed: 8, now: NOW });
    assert.notDeepEqual(a.tables.SecurityAlert, b.tables.SecurityAlert);
    assert.notDeepEqual(a.tables.AzureDiagnostics?.slice(0, 50), b.tables.AzureDiagnostics?.slice(0, 50));
    // The estate itself is fixed; only activity varies with the seed.
    assert.deepEqual(a.resources, b.resources);
  });

  it('defaults to seed 42 and a fixed clock, never the wall clock', () => {
    const t = createSimulatedTenant();
    assert.equal(t.seed, 42);
    assert.equal(t.now.toISOString(), '2025-06-16T14:00:00.000Z');
    assert.equal(t.now.getTime(), DEFAULT_NOW.getTime());
  });

  it('does not share the caller\'s Date object', () => {
    const now = new Date(NOW.getTime());
    const t = createSimulatedTenant({ now });
    now.setTime(0);
    assert.equal(t.now.toISOString(), NOW.toISOString());
  });

  it('keeps other tables unchanged when one volume is scaled', () => {
    const a = createSimulatedTenant({ now: NOW });
    const b = createSimulatedTenant({ now: NOW, scale: { diagnosticsRows: 5_000 } });
    assert.deepEqual(a.tables.SecurityAlert, b.tables.SecurityAlert);
    assert.deepEqual(a.tables.securityresources, b.tables.securityresources);
  });
});
