import type { Migration, MigrationProvider } from 'kysely';
import * as conversations from './001-conversations';
import * as findings from './002-findings';
import * as notifications from './003-notifications';
import * as triage from './004-triage';
import * as digest from './005-digest';
import * as textColumns from './006-text-columns';

/** Migrations in order; names sort lexically, so keep the numeric prefix. */
const MIGRATIONS: Record<string, Migration> = {
  '001-conversations': conversations,
  '002-findings': findings,
  '003-notifications': notifications,
  '004-triage': triage,
  '005-digest': digest,
  '006-text-columns': textColumns,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
