// `npm test`: builds the web app (the browser tests need it), then runs every
// *.test.ts file in one run of node's test runner, so that one summary counts all.
// Integration suites run on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
// Usage: npm test [-- part-of-path ...] to run only matching files.
import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, readFileSync } from 'node:fs';

const files = globSync('{server,web,test}/**/*.test.{ts,tsx}').sort();
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;

if (!process.env.LOTSE_SKIP_BUILD && selected.some((f) => f.startsWith('test/browser/'))) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

mkdirSync('.tmp', { recursive: true });
const tap = '.tmp/test-results.tap';
console.log(
  `Running ${selected.length} test files on ${process.env.TEST_DATABASE_URL ? 'PGlite and PostgreSQL' : 'PGlite only (set TEST_DATABASE_URL for PostgreSQL too)'}`,
);
const run = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...selected,
  ],
  { stdio: 'inherit' },
);

// One plain closing line that any CI can read.
const summary = readFileSync(tap, 'utf8');
// The runner's own summary is the last of these lines.
const count = (name: string) => Number([...summary.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
console.log(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(run.status ?? 1);
