import { findingKey, type Finding } from '../../domain/finding';
import type { Severity } from '../../domain/zones';
import { props, resourceOf, strings, text, type ResourceLookup, type Row } from './common';

const RISK: Record<string, Severity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };

/**
 * A Resource Graph `microsoft.security/attackpaths` row → Finding about its target AI resource. An attack
 * path has no status: present means active; one that disappears from the snapshot is resolved by the ingest.
 */
export function attackPathFinding(row: Row, lookup: ResourceLookup, seenAt: Date): Finding {
  const p = props(row);
  const graph = (p.graphComponent ?? {}) as Record<string, unknown>;
  const entities = (Array.isArray(graph.entities) ? graph.entities : []) as Record<string, unknown>[];
  const connections = (Array.isArray(graph.connections) ? graph.connections : []) as Record<string, unknown>[];
  const target = entities.find((e) => e.entityInternalId === p.targetEntityInternalID) ?? entities[entities.length - 1];
  const targetId = text(((target?.entityIdentifiers ?? {}) as Record<string, unknown>).azureResourceId);
  const riskLevel = text(p.riskLevel, 'Medium');
  return {
    key: findingKey('attack_path', text(p.AttackPathID || row.name)),
    kind: 'attack_path',
    tenantId: text(row.tenantId),
    title: text(p.displayName, 'Attack path'),
    severity: RISK[riskLevel.toLowerCase()] ?? 'medium',
    resource: resourceOf(targetId || text(target?.entityName), lookup),
    status: 'active',
    firstSeen: seenAt,
    lastSeen: seenAt,
    details: {
      riskLevel,
      description: text(p.description),
      potentialImpact: text(p.potentialImpact) || undefined,
      chain: entities.map((e) => text(e.entityName)),
      steps: connections.map((c) => text(c.description)),
      riskFactors: strings(p.riskFactors),
      remediation: strings(p.manualRemediationSteps),
      portalUrl: 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/AttackPath',
    },
    version: 1,
  };
}
