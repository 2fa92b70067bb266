import { z } from 'zod';

// All configuration comes from environment variables (README, "Configuration").
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  LOTSE_DATA_DIR: z.string().default('./data'),
  LOTSE_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  LOTSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOTSE_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  LOTSE_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOTSE_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  LOTSE_PUBLIC_ORIGIN: z.string().optional(),
  LOTSE_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Lotse <lotse@localhost>'),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded database in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: 'auto' | boolean;
  publicOrigin: string | undefined;
  /** How often reminders are created and mailed; 0: not in this process. */
  reminderIntervalSeconds: number;
  smtp: { host: string | undefined; port: number; secure: boolean; user?: string; password?: string; from: string };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.LOTSE_DATA_DIR,
    demoData: e.LOTSE_DEMO_DATA === 'true',
    logLevel: e.LOTSE_LOG_LEVEL,
    sessionIdleMinutes: e.LOTSE_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.LOTSE_SESSION_ABSOLUTE_HOURS,
    cookieSecure: e.LOTSE_COOKIE_SECURE === 'auto' ? 'auto' : e.LOTSE_COOKIE_SECURE === 'true',
    publicOrigin: e.LOTSE_PUBLIC_ORIGIN,
    reminderIntervalSeconds: e.LOTSE_REMINDER_INTERVAL_SECONDS,
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE === 'true',
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
      from: e.SMTP_FROM,
    },
  };
}
