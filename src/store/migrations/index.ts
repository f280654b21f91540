import type { Migration, MigrationProvider } from 'kysely';
import * as conversations from './001-conversations';

/** Migrations in order; names sort lexically, so keep the numeric prefix. */
const MIGRATIONS: Record<string, Migration> = {
  '001-conversations': conversations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
