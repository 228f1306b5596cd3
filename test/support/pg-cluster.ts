// A throw-away PostgreSQL cluster for the tests: initdb into a fresh temporary folder, pg_ctl start on a
// free loopback port with its unix socket in the same folder, and pg_ctl stop + rm afterwards. Debian's
// packages put the binaries in /usr/lib/postgresql/<major>/bin, outside PATH. PostgreSQL refuses to run as
// root, so as root the cluster runs as the postgres user (runuser), which owns the folder.

import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** postgres://… of the cluster's superuser database (password authentication, loopback TCP). */
  url: string;
  /** Stops the server (connections cut, as in a crash) and starts it again on the same port. */
  restart(): void;
  stop(): void;
}

/** The newest installed major version's bin folder, or null when PostgreSQL is not installed. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d) && existsSync(path.join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? path.join(root, majors[0] as string, 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function run(bin: string, args: string[], asUser: string | null): void {
  if (asUser === null) execFileSync(bin, args, { stdio: 'pipe' });
  else execFileSync('runuser', ['-u', asUser, '--', bin, ...args], { stdio: 'pipe' });
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (bin === null) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)');
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-pg-'));
  const data = path.join(dir, 'data');
  const password = 'parallax-test';
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`);
  if (asUser !== null) {
    const { uid, gid } = userIds(asUser);
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
    chmodSync(dir, 0o700);
  }
  // scram authentication over TCP, so that a wrong password is refused as on a real server; trust on the
  // socket would let any password in.
  run(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '-A', 'scram-sha-256', '-E', 'UTF8', '--no-sync'],
    asUser,
  );
  const port = await freePort();
  // fsync off: the cluster is thrown away, and fsync per commit made the suite slow on a busy disk.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(
    path.join(bin, 'pg_ctl'),
    ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '300', 'start'],
    asUser,
  );
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    restart() {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asUser);
      run(
        path.join(bin, 'pg_ctl'),
        ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '300', 'start'],
        asUser,
      );
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asUser);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
