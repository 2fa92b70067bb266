import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { completeEndedReferrals } from '../referrals/answers.service.ts';
import { createMailTransport } from './mailer.ts';
import { generateReminders, sendPendingEmails } from './reminders.service.ts';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Every LOTSE_REMINDER_INTERVAL_SECONDS: create the reminders that fall due, then mail
 * the pending ones. Started by server/main.ts (tests call the two steps themselves).
 * A run starts only after the previous one ended, so runs never overlap in one process;
 * other processes may run at the same time, which the database claims make safe.
 * Returns the stop function: it waits for a run in progress.
 */
export function startReminderWorker(
  db: Db,
  config: Pick<Config, 'smtp' | 'publicOrigin' | 'port' | 'reminderIntervalSeconds'>,
  log: Log,
  { firstRunAfterMs = 5_000 }: { firstRunAfterMs?: number } = {},
): () => Promise<void> {
  if (config.reminderIntervalSeconds <= 0) {
    log.info({}, 'reminders: worker disabled (LOTSE_REMINDER_INTERVAL_SECONDS=0)');
    return () => Promise.resolve();
  }
  const transport = createMailTransport(config.smtp);
  if (!transport) log.warn({}, 'reminders: SMTP_HOST is not set, reminders are shown in the app only and not mailed');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = async () => {
    try {
      // Referrals whose cycle ended show as completed (access ended with the date already).
      const completed = await completeEndedReferrals(db);
      if (completed > 0) log.info({ completed }, 'referrals: cycles ended');
      const created = await generateReminders(db);
      const mailed = await sendPendingEmails(db, transport, config);
      if (Object.values(created).some(Boolean) || mailed.sent || mailed.retrying || mailed.failed)
        log.info({ created, mailed }, 'reminders: run finished');
      if (mailed.retrying || mailed.failed) log.warn({ retrying: mailed.retrying, failed: mailed.failed }, 'reminders: some emails failed');
    } catch (err) {
      log.error({ err }, 'reminders: run failed');
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().then(() => schedule(config.reminderIntervalSeconds * 1000));
    }, delayMs);
    // The worker alone does not keep the process alive.
    timer.unref();
  };
  // The first run shortly after start, when the server is listening.
  schedule(firstRunAfterMs);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    transport?.close();
  };
}
