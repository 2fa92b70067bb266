// `npm run bench [-- api|participants|jobs|reports]`: runs the benchmarks and writes their sections
// into bench/RESULTS.md, keeping the sections of benchmarks not run this time.
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchApi } from './api.bench.ts';
import { benchEsf } from './esf.bench.ts';
import { benchJobs } from './jobs.bench.ts';
import { benchParticipants } from './participants.bench.ts';
import { benchReports } from './reports.bench.ts';

const BENCHMARKS: Record<string, () => Promise<string>> = {
  api: benchApi,
  participants: benchParticipants,
  jobs: benchJobs,
  esf: benchEsf,
  reports: benchReports,
};
const selected = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHMARKS);
const file = new URL('./RESULTS.md', import.meta.url);
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';

const sections = new Map<string, string>();
for (const name of Object.keys(BENCHMARKS)) {
  const match = new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)<!-- /bench:${name} -->`).exec(previous);
  if (match) sections.set(name, match[1]!);
}
for (const name of selected) {
  const run = BENCHMARKS[name];
  if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  console.log(`== ${name}`);
  sections.set(name, `${await run()}\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n`);
}

const header = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts). Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node.js ${process.version}.
Load comes from autocannon in a child process; latencies are exact percentiles over every response.
`;
writeFileSync(
  file,
  [header, ...[...sections].map(([name, text]) => `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->\n`)].join('\n'),
);
console.log('Written to bench/RESULTS.md');
