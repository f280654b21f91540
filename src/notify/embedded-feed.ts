import type { EmbeddedDataSource } from '../data/embedded';
import type { FindingKind } from '../domain/finding';
import { RESOLUTION_LOOKBACK_MS, ROW_TYPES, toBatch, type FeedBatch, type FindingFeed } from './feed';
import { alertChangedAt } from './normalize/alert';
import { props, type Row } from './normalize/common';
import { recommendationChangedAt } from './normalize/recommendation';

/**
 * Embedded mode's feed: filters the simulated tenant's `securityresources` rows exactly as the Resource
 * Graph queries of ArgFindingFeed do (same types, same watermark columns).
 */
export class EmbeddedFindingFeed implements FindingFeed {
  constructor(private readonly source: EmbeddedDataSource) {}

  async read(kind: FindingKind, since: Date | undefined, now: Date): Promise<FeedBatch> {
    const rows = (this.source.tenant.tables.securityresources ?? []) as Row[];
    const lookup = (id: string) => this.source.resource(id);
    if (kind === 'alert') {
      const selected = rows.filter((r) => r.type === ROW_TYPES.alert && String(props(r).AlertType ?? '').startsWith('AI.') && alertSelected(r, since, now));
      return toBatch(kind, selected, [], lookup, now);
    }
    if (kind === 'recommendation') {
      const selected = rows.filter((r) => r.type === ROW_TYPES.recommendation && (!since || recommendationChangedAt(r) > since));
      return toBatch(kind, selected, rows.filter((r) => r.type === ROW_TYPES.governance), lookup, now);
    }
    return toBatch(kind, rows.filter((r) => r.type === ROW_TYPES.attack_path), [], lookup, now);
  }
}

function alertSelected(row: Row, since: Date | undefined, now: Date): boolean {
  if (!since) return true;
  const changed = alertChangedAt(row);
  if (changed > since) return true;
  const status = String(props(row).Status ?? '');
  return (status === 'Resolved' || status === 'Dismissed') && changed.getTime() > now.getTime() - RESOLUTION_LOOKBACK_MS;
}
