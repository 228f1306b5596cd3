// The web app under load, for the benchmarks that measure it (serve.ts; queue-ingest.ts while workers
// ingest): `parallax serve` spawned on a free port, and autocannon driving CONNECTIONS concurrent clients
// over paths a function hands out, every response's time kept so that the percentiles are exact.

import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

/** Concurrent clients: the team the issue sizes the server for. */
export const CONNECTIONS = 20;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Load {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** Every response's time in ms, sorted. */
  times: number[];
}

/** Runs autocannon with paths from `next`, keeping every response time. */
export async function load(name: string, origin: string, next: () => string, seconds: number): Promise<Load> {
  const times: number[] = [];
  const instance = autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    // As a browser asks: compressed answers are welcome.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
    // Without a callback autocannon returns its instance, which is also a promise of the result.
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    name,
    requests: times.length,
    perSecond: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    times,
  };
}

export interface Server {
  origin: string;
  child: ChildProcess;
  startMs: number;
}

/** Spawns `parallax serve` (bin/parallax.js at `bin`) on a free port; resolves once it has answered /api/health. */
export function startServe(bin: string, db: string): Promise<Server> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = async (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving the library at (http:\/\/\S+?)\/? /.exec(out);
      if (!match?.[1]) return;
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      const origin = match[1].replace(/\/$/, '');
      const res = await fetch(`${origin}/api/health`);
      if (!res.ok) fail(new Error(`health answered ${res.status}`));
      done({ origin, child, startMs: performance.now() - started });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
  });
}

export function stop(server: Server): Promise<void> {
  return new Promise((done) => {
    server.child.removeAllListeners('exit');
    server.child.on('exit', () => done());
    server.child.kill('SIGTERM');
  });
}
