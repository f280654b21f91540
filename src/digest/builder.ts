import type { AdaptiveCard } from '../cards/render';
import { renderCard } from '../cards/render';
import { periodEnding } from '../domain/digest/period';
import type { DigestKind } from '../domain/digest/schedule';
import type { Zone, ZonePolicy } from '../domain/zones';
import { runCatalogQuery } from '../queries/run';
import { buildDigestData } from './data';
import { gatherDigestInputs, rowsOf, type DigestSources } from './gather';
import { buildZone3Data } from './zone3';

/** Threat trend window: 30 days, as the issue asks. */
export const TREND_DAYS = 30;

export interface DigestBuilderOptions {
  policies: Record<Zone, ZonePolicy>;
  sourceLabel: string;
  exportBaseUrl?: string;
}

/** Builds digest cards from catalog queries and the store for a period ending at `end`. */
export class DigestBuilder {
  constructor(
    private readonly sources: DigestSources,
    private readonly options: DigestBuilderOptions,
  ) {}

  async card(kind: DigestKind, end: Date, timeZone: string): Promise<AdaptiveCard> {
    const period = periodEnding(kind, end, timeZone);
    if (kind === 'zone3_daily') {
      const ctx = { zoneTag: this.sources.zoneTag };
      const paths = rowsOf((await runCatalogQuery(this.sources.runner, this.sources.catalog, 'attack_paths', { zone: 3 }, ctx)).result);
      const overdue = rowsOf((await runCatalogQuery(this.sources.runner, this.sources.catalog, 'overdue', { zone: 3 }, ctx)).result);
      const pending = this.sources.pendingAcceptances ? await this.sources.pendingAcceptances() : null;
      return renderCard('digest-zone3', buildZone3Data(paths, overdue, pending, period, this.options.sourceLabel));
    }
    const inputs = await gatherDigestInputs(this.sources, { trendDays: TREND_DAYS, from: period.previousStart, to: period.end });
    return renderCard('digest', buildDigestData(inputs, period, { ...this.options, trendDays: TREND_DAYS }));
  }
}
