// A new, empty database on the PostgreSQL server a benchmark was given, for the queue benchmarks. The URL's
// user must be allowed to CREATE DATABASE; a database of the same name left by an earlier run is dropped.
import pg from 'pg';

/** Creates database `name` on the server `admin` names and returns its URL. */
export async function freshDatabase(admin: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
