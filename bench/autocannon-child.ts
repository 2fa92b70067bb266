// Child process of bench/run.ts: loads one URL with autocannon and prints exact
// latency percentiles (autocannon's summary has p97.5 but no p95).
import autocannon from 'autocannon';

const [url, cookie, seconds, connections] = process.argv.slice(2);
const times: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { url: url!, headers: { cookie: cookie! }, duration: Number(seconds), connections: Number(connections) },
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
