import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoData } from './demo/seed.ts';
import { startReminderWorker } from './modules/reminders/reminders.worker.ts';

// Starts Lotse: database (PostgreSQL or embedded), migrations, demo data, HTTP.
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ db: database.db, config });
app.addHook('onClose', () => database.close());

const applied = await migrateToLatest(database.db);
app.log.info({ database: database.kind, applied }, 'database ready');
if (config.demoData && (await loadDemoData(database.db))) app.log.info('demo network loaded (password of all demo accounts: lotse-demo)');

// Reminders: created and mailed every LOTSE_REMINDER_INTERVAL_SECONDS. onClose hooks run in
// reverse order, so the worker stops (finishing a run) before the database closes.
const stopReminders = startReminderWorker(database.db, config, app.log);
app.addHook('onClose', () => stopReminders());

// Graceful shutdown: stop accepting, finish requests in flight, close the database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.port, host: config.host });
