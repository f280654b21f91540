import type { FindingKind } from '../domain/finding';
import type { ResourceRef } from '../domain/findings';
import type { QueryResult, QueryRunner } from '../domain/ports';
import { zoneFromTag } from '../domain/zones';
import { ROW_TYPES, toBatch, type FeedBatch, type FindingFeed } from './feed';
import type { Row } from './normalize/common';

const kql = (d: Date) => `datetime(${d.toISOString()})`;

/** The AI resource's name, type and tags joined onto each row, so one query per kind also yields zone and owner. */
const JOIN_RESOURCE = `| join kind=leftouter (resources | project resourceKey = tolower(id), resourceName = name, resourceType = type, resourceTags = tags) on resourceKey`;
const PROJECT = '| project id, name, type, tenantId, subscriptionId, properties, resourceKey, resourceName, resourceType, resourceTags';

/**
 * The Resource Graph query for one finding kind; all configured subscriptions, paged by the runner (ordered
 * by id so that paging is stable). Watermarks are bound as datetime literals, never pasted user text.
 */
export function findingQuery(kind: FindingKind, since: Date | undefined, now: Date): string {
  if (kind === 'alert') {
    const window = since
      ? `| where changedAt > ${kql(since)} or (tostring(properties.Status) in ('Resolved', 'Dismissed') and changedAt > ${kql(new Date(now.getTime() - 7 * 86_400_000))})`
      : '';
    return [
      'securityresources',
      `| where type == '${ROW_TYPES.alert}'`,
      "| where tostring(properties.AlertType) startswith 'AI.'",
      '| extend changedAt = todatetime(properties.TimeGeneratedUtc)',
      window,
      '| extend resourceKey = tolower(tostring(properties.ResourceIdentifiers[0].AzureResourceId))',
      JOIN_RESOURCE,
      PROJECT,
      '| order by id asc',
    ]
      .filter(Boolean)
      .join('\n');
  }
  if (kind === 'recommendation') {
    return [
      'securityresources',
      `| where type in ('${ROW_TYPES.recommendation}', '${ROW_TYPES.governance}')`,
      `| extend changedAt = iff(type == '${ROW_TYPES.governance}', now(), todatetime(properties.status.statusChangeDate))`,
      since ? `| where changedAt > ${kql(since)}` : '',
      "| extend resourceKey = tolower(tostring(properties.resourceDetails.Id))",
      JOIN_RESOURCE,
      PROJECT,
      '| order by id asc',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [
    'securityresources',
    `| where type == '${ROW_TYPES.attack_path}'`,
    '| extend resourceKey = tolower(tostring(properties.graphComponent.entities[array_length(properties.graphComponent.entities) - 1].entityIdentifiers.azureResourceId))',
    JOIN_RESOURCE,
    PROJECT,
    '| order by id asc',
  ].join('\n');
}

function objects(result: QueryResult): Row[] {
  return result.rows.map((values) => Object.fromEntries(result.columns.map((c, i) => [c.name, values[i] ?? null])));
}

/** Azure mode's feed: one Resource Graph query per kind through the QueryRunner port. */
export class ArgFindingFeed implements FindingFeed {
  constructor(
    private readonly runner: QueryRunner,
    private readonly zoneTag: string,
  ) {}

  async read(kind: FindingKind, since: Date | undefined, now: Date): Promise<FeedBatch> {
    const rows = objects(await this.runner.run({ id: `notify-${kind}`, source: 'resourcegraph', text: findingQuery(kind, since, now) }));
    const resources = new Map<string, ResourceRef>();
    for (const r of rows) {
      if (!r.resourceName || !r.resourceKey) continue;
      const tags = (r.resourceTags ?? {}) as Record<string, unknown>;
      const ref: ResourceRef = { id: '', name: String(r.resourceName), kind: String(r.resourceType ?? 'AI resource'), owner: typeof tags.owner === 'string' ? tags.owner : undefined, ...zoneFromTag(tags[this.zoneTag]) };
      resources.set(String(r.resourceKey), ref);
    }
    const lookup = (id: string) => {
      const ref = resources.get(id.toLowerCase());
      return ref ? { ...ref, id } : undefined;
    };
    const main = rows.filter((r) => r.type !== ROW_TYPES.governance);
    return toBatch(kind, main, rows.filter((r) => r.type === ROW_TYPES.governance), lookup, now);
  }
}
