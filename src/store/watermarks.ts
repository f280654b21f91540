import type { Executor } from './executor';

/** Per finding kind: the newest Defender change time already ingested. */
export class WatermarkStore {
  constructor(private readonly db: Executor) {}

  async get(kind: string, tx: Executor = this.db): Promise<Date | undefined> {
    const row = await tx.selectFrom('notify_watermarks').select('watermark').where('kind', '=', kind).executeTakeFirst();
    return row ? new Date(row.watermark) : undefined;
  }

  async set(kind: string, watermark: Date, now: Date, tx: Executor = this.db): Promise<void> {
    const values = { kind, watermark: watermark.toISOString(), updated_at: now.toISOString() };
    await tx
      .insertInto('notify_watermarks')
      .values(values)
      .onConflict((oc) => oc.column('kind').doUpdateSet({ watermark: values.watermark, updated_at: values.updated_at }))
      .execute();
  }
}
