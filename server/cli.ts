import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoData } from './demo/seed.ts';
import { AppError, Invalid } from './errors.ts';
import { verifyAuditChains } from './modules/audit/audit.service.ts';
import { NetworkCreateInput } from './modules/networks/networks.schemas.ts';
import { createNetwork } from './modules/networks/networks.service.ts';

const USAGE = `Usage: npm run lotse -- <command> [options]

Commands:
  migrate                        apply pending database migrations
  create-network --slug S --name N --admin-email E --admin-name A
                                 create a network with its first admin; the password
                                 comes from LOTSE_ADMIN_PASSWORD (at least 12 characters)
  verify-audit                   verify every network's audit hash chain; exit 1 if broken
  load-demo                      load the demo network unless it exists

The database is DATABASE_URL, or the embedded one in LOTSE_DATA_DIR (default ./data).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    switch (command) {
      case 'migrate':
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        return 0;
      case 'create-network': {
        const { values } = parseArgs({
          args: rest,
          options: {
            slug: { type: 'string' },
            name: { type: 'string' },
            'admin-email': { type: 'string' },
            'admin-name': { type: 'string' },
          },
        });
        const parsed = NetworkCreateInput.safeParse({
          slug: values.slug,
          name: values.name,
          adminEmail: values['admin-email'],
          adminName: values['admin-name'],
          adminPassword: process.env.LOTSE_ADMIN_PASSWORD,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
          return 2;
        }
        const { networkId, adminId } = await createNetwork(database.db, parsed.data);
        console.log(`Created network ${parsed.data.slug} (${networkId}) with admin ${parsed.data.adminEmail} (${adminId}).`);
        return 0;
      }
      case 'verify-audit': {
        let ok = true;
        for (const report of await verifyAuditChains(database.db)) {
          if (report.ok) console.log(`${report.slug}: ${report.events} events, chain intact`);
          else {
            ok = false;
            const b = report.broken!;
            console.log(
              `${report.slug}: BROKEN after ${report.events} good events — first broken link: seq ${b.seq} (id ${b.id}): ${b.reason}`,
            );
          }
        }
        return ok ? 0 : 1;
      }
      case 'load-demo':
        console.log((await loadDemoData(database.db)) ? 'Demo network loaded.' : 'Demo network exists already.');
        return 0;
      default:
        console.error(`Unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof Invalid) {
      for (const [field, messages] of Object.entries(err.fields)) console.error(`${field}: ${messages.join('; ')}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
