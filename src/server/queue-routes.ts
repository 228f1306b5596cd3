// The ingest queue in the web app: what a team's workers have waiting, running and failed (each failure with
// its reason), and retrying failures — the same as `parallax queue`, for whoever watches the library in a
// browser. Only a PostgreSQL library has a queue; on a library file the page says so. Never cached: the
// queue changes with every job, and reading it is two small queries.

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ParallaxError } from '../errors.js';
import type { JobStatus, QueueDb, QueueState } from '../queue/state.js';
import { html, type SafeHtml } from '../report/escape.js';
import { plural } from '../report/html/parts.js';
import { jsonWrites } from './guards.js';
import { HttpError } from './http-error.js';
import { JSON_TYPE, LIMITS, PAGE_CSP } from './library-view.js';
import { page, tokenField } from './pages.js';
import { jsonBody, tooLarge } from './params.js';

/** Jobs listed on the page and by /api/queue: enough to see what is failing, small enough to read. */
const LISTED_JOBS = 200;

const NO_QUEUE =
  'this library is a file: the queue exists on a PostgreSQL library (parallax serve --db postgres://…, then parallax ingest --queue and parallax worker)';

const STATUS_WORDS: Record<JobStatus, string> = {
  running: 'running',
  failed: 'failed',
  retrying: 'waiting to retry',
  waiting: 'waiting',
};

function countsLine(state: QueueState): string {
  const { counts } = state;
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(counts.waiting)} waiting, ${n(counts.retrying)} waiting to retry, ${n(counts.running)} running, ${n(counts.failed)} failed`;
}

/** A job's time as "2034-02-10 14:03" (UTC), kept on one line. */
function shortTime(iso: string): SafeHtml {
  return html`<span class="ref">${iso.slice(0, 16).replace('T', ' ')}</span>`;
}

function jobRow(job: QueueState['jobs'][number]): SafeHtml {
  // A button of the page's one form: the form carries the token once, the button names its job.
  const retry =
    job.status === 'failed'
      ? html`<button class="act quiet" type="submit" name="id" value="${job.id}">Retry</button>`
      : '';
  return html`<tr><td>${job.id}</td><td>${job.kind}</td><td>${STATUS_WORDS[job.status]}</td><td>${job.input}</td><td>${job.attempts} of ${job.maxAttempts}</td><td>${job.reason ?? ''}</td><td>${shortTime(job.at)}</td><td>${retry}</td></tr>`;
}

export function queuePage(state: QueueState | null, tokenNeeded: boolean, retried: number | null): string {
  if (state === null)
    return page('Queue', html`<h1>Queue</h1><p>${NO_QUEUE[0]?.toUpperCase()}${NO_QUEUE.slice(1)}.</p>`);
  const done =
    retried === null
      ? ''
      : html`<p class="notice" role="status">${plural(retried, 'failed job')} put back to run.</p>`;
  const shown = state.jobs.length;
  const total = state.counts.waiting + state.counts.retrying + state.counts.running + state.counts.failed;
  const failed = state.counts.failed > 0;
  const retryAll = failed
    ? html`<p>${tokenField(tokenNeeded)}<button class="act" type="submit" name="all" value="1">Retry every failed job</button></p>`
    : '';
  const table =
    shown === 0
      ? html`<p>No job is waiting, running or failed.</p>`
      : html`<div class="table-wrap"><table><caption>${shown < total ? `The first ${shown} of ${total} jobs: running, then failed, then waiting` : `${plural(total, 'job')}: running, then failed, then waiting`}</caption><thead><tr><th scope="col">Job</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Input</th><th scope="col">Attempts</th><th scope="col">Last failure</th><th scope="col">Since (UTC)</th><th scope="col"></th></tr></thead><tbody>${state.jobs.map(jobRow)}</tbody></table></div>`;
  const body = failed ? html`<form method="post" action="/queue/retry">${retryAll}${table}</form>` : table;
  return page(
    'Queue',
    html`<h1>Queue</h1>${done}<p>${countsLine(state)}. Workers (<code>parallax worker</code>) take jobs from here; <code>parallax ingest --queue</code> adds them.</p>${body}`,
  );
}

export function queueRoutes(queue: QueueDb | null, token: string | null): Hono {
  const app = new Hono();
  const tokenNeeded = token !== null;
  const read = async (): Promise<QueueState> => {
    const { queueState } = await import('../queue/state.js');
    return queueState(queue as QueueDb, LISTED_JOBS);
  };
  const retry = async (id: string | undefined): Promise<number> => {
    const { retryFailed } = await import('../queue/state.js');
    try {
      return await retryFailed(queue as QueueDb, id);
    } catch (err) {
      // "job 7: no failed job has this id" and a malformed id are the client's mistakes, not the server's.
      if (err instanceof ParallaxError && err.code === 'USAGE')
        throw new HttpError(400, 'bad-parameter', (err as Error).message);
      throw err;
    }
  };
  const noQueue = () => new HttpError(404, 'no-queue', NO_QUEUE);

  app.get('/queue', async (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    const retried = c.req.query('retried');
    const count = retried !== undefined && /^\d{1,9}$/.test(retried) ? Number(retried) : null;
    return c.html(queuePage(queue === null ? null : await read(), tokenNeeded, count));
  });
  app.use('/queue/retry', bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) }));
  app.post('/queue/retry', async (c: Context) => {
    if (queue === null) throw noQueue();
    const form = await c.req.parseBody();
    if (token !== null && form.token !== token)
      throw new HttpError(401, 'unauthorized', 'writing needs the token parallax serve printed');
    const id = typeof form.id === 'string' && form.id !== '' ? form.id : undefined;
    if (id === undefined && form.all !== '1')
      throw new HttpError(
        400,
        'bad-parameter',
        'say which failed job to retry (id) or retry them all (all=1)',
      );
    const n = await retry(id);
    return c.redirect(`/queue?retried=${n}`, 303);
  });

  // A library file has no queue: answered as an empty one that says why, so a client asks one question.
  app.get('/api/queue', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (queue === null)
      return c.json({
        available: false,
        reason: NO_QUEUE,
        counts: { waiting: 0, retrying: 0, running: 0, failed: 0 },
        jobs: [],
      });
    return c.json({ available: true, ...(await read()) });
  });
  app.post('/api/queue/retry', jsonWrites, async (c) => {
    if (queue === null) throw noQueue();
    const body = await jsonBody(c);
    const id = body.id;
    if (id !== undefined && typeof id !== 'string' && typeof id !== 'number')
      throw new HttpError(400, 'bad-parameter', 'id is a job number, as GET /api/queue lists it');
    if (id === undefined && body.all !== true)
      throw new HttpError(
        400,
        'bad-parameter',
        'give the failed job\'s "id", or "all": true to retry every failed job',
      );
    c.header('Content-Type', JSON_TYPE);
    return c.json({ retried: await retry(id === undefined ? undefined : String(id)) });
  });
  return app;
}
