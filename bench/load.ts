import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 10;
export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/**
 * Loads the URLs (in turn) from autocannon in a child process, so that the load does
 * not share the event loop of the server under test (PGlite runs on that loop).
 * Asynchronous on purpose: a synchronous spawn would stop the server in this process.
 */
export async function load(urls: string | string[], cookie: string, seconds = DURATION, connections = CONNECTIONS): Promise<LoadResult> {
  const child = new URL('./autocannon-child.ts', import.meta.url).pathname;
  const list = Array.isArray(urls) ? urls : [urls];
  const { stdout } = await promisify(execFile)(process.execPath, [child, cookie, String(seconds), String(connections), ...list], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as LoadResult;
}
