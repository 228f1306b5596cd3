// `node dist/bench/queue-choice.js --db postgres://USER:PW@HOST/DB [--jobs N]`: graphile-worker against
// pg-boss, the two PostgreSQL job queues issue 15 names, on what Parallax needs of one. For each queue, in a
// new database on that server (the user must be allowed CREATE DATABASE): N small jobs enqueued one call at
// a time (latency per call), drained by 2 worker processes (jobs/s), and a worker killed with SIGKILL while it
// holds a job (how long until another worker runs the job again; capped, with each queue's defaults and with
// the fastest recovery it offers). Parallax installs only the queue it chose (graphile-worker); to run this
// again: `npm install --no-save pg-boss@10.4.2`.
//
// Child mode (spawned by the parent): `queue-choice.js --child gw|boss --db URL [--hang]`.

import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freshDatabase } from './pg-database.js';

type Kind = 'gw' | 'boss';
const HERE = fileURLToPath(import.meta.url);
const QUEUE = 'bench';
/** How long the killed-worker test waits for a retry before reporting "not within". */
const KILL_CAP_MS = 45_000;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: the queues are loaded by name so that either may be absent
type Loose = any;
const load = (name: string): Promise<Loose> => import(name);

async function child(kind: Kind, db: string, hang: boolean, fastRecovery: boolean): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const task = async (payload: { n: number; hang?: boolean }) => {
    if (payload.hang && hang) {
      say('holding');
      await new Promise(() => {});
    }
    if (payload.hang) say('ran-hung-job');
  };
  if (kind === 'gw') {
    const gw = await load('graphile-worker');
    if (fastRecovery) {
      // The recovery Parallax builds on graphile-worker: workers whose database session is gone have their
      // jobs unlocked at once (here: every worker id locking a job that is not this process's own).
      const utils = await gw.makeWorkerUtils({ connectionString: db });
      const client = new pg.Client({ connectionString: db });
      await client.connect();
      const { rows } = await client.query(
        'select distinct locked_by from graphile_worker.jobs where locked_by is not null',
      );
      await client.end();
      await utils.forceUnlockWorkers(rows.map((r: { locked_by: string }) => r.locked_by));
      await utils.release();
    }
    await gw.run({
      connectionString: db,
      concurrency: 2,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: new gw.Logger(() => () => {}),
      taskList: { [QUEUE]: (payload: { n: number; hang?: boolean }) => task(payload) },
    });
  } else {
    const { default: PgBoss } = await load('pg-boss');
    const boss = new PgBoss({
      connectionString: db,
      ...(fastRecovery ? { maintenanceIntervalSeconds: 1, monitorStateIntervalSeconds: 1 } : {}),
    });
    boss.on('error', () => {});
    await boss.start();
    await boss.createQueue(QUEUE).catch(() => {});
    for (let i = 0; i < 2; i++)
      await boss.work(
        QUEUE,
        { pollingIntervalSeconds: 0.5, batchSize: Number(process.env.BOSS_BATCH ?? 1) },
        async (jobs: Loose[]) => {
          for (const job of jobs) await task(job.data);
        },
      );
  }
  say('ready');
}

function spawnChild(kind: Kind, db: string, extra: string[] = []): { proc: ChildProcess; lines: string[] } {
  const proc = spawn(process.execPath, [HERE, '--child', kind, '--db', db, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
  return { proc, lines };
}

async function until(check: () => boolean | Promise<boolean>, capMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < capMs) {
    if (await check()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

interface Enqueuer {
  add(payload: object): Promise<void>;
  remaining(): Promise<number>;
  close(): Promise<void>;
}

async function enqueuer(kind: Kind, db: string): Promise<Enqueuer> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  if (kind === 'gw') {
    const gw = await load('graphile-worker');
    const utils = await gw.makeWorkerUtils({ connectionString: db });
    await utils.migrate();
    return {
      add: async (payload) => void (await utils.addJob(QUEUE, payload)),
      remaining: async () =>
        Number((await client.query('select count(*) from graphile_worker.jobs')).rows[0].count),
      close: async () => {
        await utils.release();
        await client.end();
      },
    };
  }
  const { default: PgBoss } = await load('pg-boss');
  const boss = new PgBoss({ connectionString: db, supervise: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  return {
    add: async (payload) =>
      void (await boss.send(QUEUE, payload, {
        retryLimit: 3,
        // The fastest recovery pg-boss offers: a short expiry (a job running longer is failed and retried).
        ...('fast' in payload ? { expireInSeconds: 5 } : {}),
      })),
    remaining: async () =>
      Number(
        (
          await client.query(
            "select count(*) from pgboss.job where name = $1 and state not in ('completed','failed','cancelled')",
            [QUEUE],
          )
        ).rows[0].count,
      ),
    close: async () => {
      await boss.stop({ graceful: false, wait: false });
      await client.end();
    },
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(kind: Kind, admin: string, jobs: number): Promise<void> {
  const db = await freshDatabase(admin, `queue_choice_${kind}`);
  const queue = await enqueuer(kind, db);
  // Throughput and enqueue latency.
  const latencies: number[] = [];
  const enqueueStart = performance.now();
  for (let n = 0; n < jobs; n++) {
    const t = performance.now();
    await queue.add({ n });
    latencies.push(performance.now() - t);
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  latencies.sort((a, b) => a - b);
  const workers = [spawnChild(kind, db), spawnChild(kind, db)];
  await until(() => workers.every((w) => w.lines.includes('ready')), 120_000);
  const drainMs = await until(async () => (await queue.remaining()) === 0, 600_000);
  for (const w of workers) w.proc.kill('SIGKILL');
  // A worker killed while it holds a job: with the queue's defaults, then with its fastest recovery.
  const recovery: string[] = [];
  for (const fast of [false, true]) {
    await queue.add(fast ? { n: -1, hang: true, fast } : { n: -1, hang: true });
    const holder = spawnChild(kind, db, ['--hang']);
    await until(() => holder.lines.includes('holding'), 120_000);
    holder.proc.kill('SIGKILL');
    const killedAt = performance.now();
    const next = spawnChild(kind, db, fast ? ['--fast'] : []);
    const retried = await until(() => next.lines.includes('ran-hung-job'), KILL_CAP_MS);
    recovery.push(
      retried === null
        ? `${fast ? 'fast' : 'default'}: not retried within ${KILL_CAP_MS / 1000} s`
        : `${fast ? 'fast' : 'default'}: retried after ${((performance.now() - killedAt) / 1000).toFixed(1)} s`,
    );
    next.proc.kill('SIGKILL');
    // The hung job out of the way for the next round.
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    if (kind === 'gw') await client.query('delete from graphile_worker._private_jobs');
    else await client.query("update pgboss.job set state = 'completed' where name = $1", [QUEUE]);
    await client.end();
  }
  await queue.close();
  console.log(
    [
      `${kind === 'gw' ? 'graphile-worker' : 'pg-boss'}: ${jobs} jobs`,
      `enqueue ${(jobs / enqueueSeconds).toFixed(0)}/s one call at a time (p50 ${quantile(latencies, 0.5).toFixed(2)} ms, p95 ${quantile(latencies, 0.95).toFixed(2)} ms)`,
      drainMs === null
        ? 'drain: not done in 600 s'
        : `drain with 2 worker processes ${(jobs / (drainMs / 1000)).toFixed(0)} jobs/s (${(drainMs / 1000).toFixed(1)} s)`,
      `killed worker: ${recovery.join('; ')}`,
    ].join('\n  '),
  );
}

async function main(): Promise<void> {
  const db = flag('--db');
  if (!db) throw new Error('give --db postgres://USER:PW@HOST/DB (a user that may CREATE DATABASE)');
  const childKind = flag('--child');
  if (childKind === 'gw' || childKind === 'boss')
    return child(childKind, db, process.argv.includes('--hang'), process.argv.includes('--fast'));
  const jobs = Number(flag('--jobs') ?? 2000);
  const kinds = (flag('--only') ?? 'gw,boss').split(',') as Kind[];
  for (const kind of kinds) await measure(kind, db, jobs);
}

main().catch((err) => {
  console.error(`queue-choice: ${(err as Error).message}`);
  process.exit(1);
});
