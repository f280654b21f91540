import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** The database or an open transaction: store methods take either, so callers can group writes atomically. */
export type Executor = Kysely<Database> | Transaction<Database>;
