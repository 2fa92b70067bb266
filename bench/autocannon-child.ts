// Child process of bench/load.ts: loads the URLs (in turn) with autocannon and prints
// exact latency percentiles (autocannon's summary has p97.5 but no p95).
import autocannon from 'autocannon';

const [cookie, seconds, connections, ...urls] = process.argv.slice(2);
const first = new URL(urls[0]!);
const times: number[] = [];
let next = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: first.origin,
      headers: { cookie: cookie! },
      duration: Number(seconds),
      connections: Number(connections),
      requests: [
        { setupRequest: (request) => ({ ...request, path: ((u) => u.pathname + u.search)(new URL(urls[next++ % urls.length]!)) }) },
      ],
    },
    (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
});
times.sort((a, b) => a - b);
const at = (p: number) => Math.round((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0) * 10) / 10;
console.log(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + result.non2xx,
  }),
);
