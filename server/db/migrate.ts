import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { insertDefaultStepTypes } from '../modules/plans/plans.service.ts';
import type { Db } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

// Plain SQL files, applied in file-name order; Kysely's Migrator records them and
// holds a lock so that two starting processes do not migrate twice.
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(migrationsDir + file, 'utf8');
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(), migrationTableName: 'schema_migrations' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  // Networks created before a catalogue existed get its defaults (idempotent).
  const networks = await db.selectFrom('networks').select('id').execute();
  for (const { id } of networks) await db.transaction().execute((tx) => insertDefaultStepTypes(tx, id));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
