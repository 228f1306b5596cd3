// The private-address guard, tried the way an attacker would: every spelling of this machine, of private
// IPv4 space hidden in IPv6, and of special-purpose ranges, fetched through the real fetcher against a
// loopback server that must see no connection at all. A control run with allowPrivate shows the same
// server is reachable, so "no connection" is the guard's doing and not a dead server.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, privateRange } from '../src/fetch/address-guard.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { FetchError } from '../src/fetch/http-client.js';

let server: Server;
let port = 0;
let connections = 0;
let requests = 0;

async function listen(host: string): Promise<Server> {
  const s = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('reached');
  });
  s.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    // ipv6Only false: one socket answers 127.0.0.1, ::1 and ::ffff:127.0.0.1, so every loopback spelling
    // would land here if the guard let it through.
    s.listen({ port: 0, host, ipv6Only: false }, () => resolve());
  });
  return s;
}

beforeAll(async () => {
  try {
    server = await listen('::');
  } catch {
    server = await listen('127.0.0.1'); // a machine without IPv6
  }
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const noWait = async () => {};

/** Each spelling, with what it is. `P` stands for the server's port. */
const SPELLINGS: [string, string][] = [
  ['http://127.0.0.1:P/', 'loopback, dotted'],
  ['http://127.1:P/', 'loopback, two parts'],
  ['http://127.0.1:P/', 'loopback, three parts'],
  ['http://2130706433:P/', 'loopback, one decimal number'],
  ['http://0x7f.1:P/', 'loopback, hex and short'],
  ['http://0x7f000001:P/', 'loopback, one hex number'],
  ['http://0177.0.0.1:P/', 'loopback, octal first part'],
  ['http://017700000001:P/', 'loopback, one octal number'],
  ['http://%31%32%37.0.0.1:P/', 'loopback, percent-encoded host'],
  ['http://127。0。0。1:P/', 'loopback, ideographic full stops'],
  ['http://127.255.255.254:P/', 'loopback, end of 127/8'],
  ['http://0:P/', '0.0.0.0 as one number'],
  ['http://0.0.0.0:P/', 'this network'],
  ['http://localhost:P/', 'a name that resolves to loopback'],
  ['https://127.0.0.1:P/', 'loopback over https'],
  ['http://[::1]:P/', 'IPv6 loopback'],
  ['http://[0:0:0:0:0:0:0:1]:P/', 'IPv6 loopback, long form'],
  ['http://[::]:P/', 'IPv6 unspecified'],
  ['http://[::ffff:127.0.0.1]:P/', 'IPv4-mapped loopback'],
  ['http://[::ffff:7f00:1]:P/', 'IPv4-mapped loopback, hex'],
  ['http://[0:0:0:0:0:ffff:127.0.0.1]:P/', 'IPv4-mapped loopback, long form'],
  ['http://[::ffff:a9fe:a9fe]:P/', 'IPv4-mapped cloud metadata'],
  ['http://[::ffff:10.0.0.1]:P/', 'IPv4-mapped private'],
  ['http://[::127.0.0.1]:P/', 'IPv4-compatible loopback'],
  ['http://[::ffff:0:127.0.0.1]:P/', 'IPv4-translated loopback'],
  ['http://[64:ff9b::127.0.0.1]:P/', 'NAT64 well-known prefix'],
  ['http://[64:ff9b:1::7f00:1]:P/', 'NAT64 local-use prefix'],
  ['http://[2002:7f00:1::]:P/', '6to4 wrapping loopback'],
  ['http://[2002:a9fe:a9fe::1]:P/', '6to4 wrapping metadata'],
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:P/', 'Teredo'],
  ['http://[fe80::1]:P/', 'IPv6 link-local'],
  ['http://[fd12:3456::1]:P/', 'IPv6 unique-local'],
  ['http://[ff02::1]:P/', 'IPv6 multicast'],
  ['http://[2001:db8::1]:P/', 'IPv6 documentation'],
  ['http://169.254.169.254:P/', 'cloud metadata'],
  ['http://10.0.0.1:P/', 'private 10/8'],
  ['http://172.16.0.1:P/', 'private 172.16/12'],
  ['http://192.168.0.1:P/', 'private 192.168/16'],
  ['http://100.64.0.1:P/', 'carrier-grade NAT'],
  ['http://198.18.0.1:P/', 'benchmarking'],
  ['http://192.0.2.1:P/', 'documentation'],
  ['http://192.0.0.8:P/', 'IETF protocol assignments'],
  ['http://224.0.0.1:P/', 'multicast'],
  ['http://240.0.0.1:P/', 'reserved'],
  ['http://255.255.255.255:P/', 'broadcast'],
];

describe('the private-address guard, through the real fetcher', () => {
  it(`refuses ${SPELLINGS.length} spellings of private and special addresses; the server sees nothing`, async () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(25);
    // A short time limit only shapes how a broken guard fails (a hung connect to an unrouted address); a
    // working guard never connects.
    const fetcher = new Fetcher({ sleep: noWait, limits: { timeoutMs: 3_000, retries: 0 } });
    const outcomes: string[] = [];
    for (const [spelling, what] of SPELLINGS) {
      const url = spelling.replace(':P/', `:${port}/`);
      try {
        await fetcher.get(url);
        outcomes.push(`${what}: FETCHED ${url}`);
      } catch (err) {
        const reason = err instanceof FetchError ? err.reason : String(err);
        // The guard's own refusal, not a connection error that happens to look like safety.
        outcomes.push(/--allow-private permits it/.test(reason) ? `${what}: refused` : `${what}: ${reason}`);
      }
    }
    expect(outcomes).toEqual(SPELLINGS.map(([, what]) => `${what}: refused`));
    expect(connections).toBe(0);
    expect(requests).toBe(0);
  });

  it('with allowPrivate the same server is reached, through plain and IPv6-mapped spellings', async () => {
    const before = requests;
    const fetcher = new Fetcher({ sleep: noWait, allowPrivate: true, ignoreRobots: true });
    const plain = await fetcher.get(`http://127.0.0.1:${port}/`);
    expect(plain.body.toString()).toBe('reached');
    const short = await fetcher.get(`http://0x7f.1:${port}/`);
    expect(short.body.toString()).toBe('reached');
    let expected = 2;
    if (server.address() && (server.address() as AddressInfo).family === 'IPv6') {
      const mapped = await fetcher.get(`http://[::ffff:127.0.0.1]:${port}/`);
      expect(mapped.body.toString()).toBe('reached');
      expected++;
    }
    expect(requests - before).toBe(expected);
    expect(connections).toBeGreaterThan(0);
  });
});

describe('address classification', () => {
  it('lets only global unicast through and names the range it refuses', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1', '2a00:1450:4001::1']) {
      expect([ip, privateRange(ip)]).toEqual([ip, null]);
    }
    expect(privateRange('::ffff:7f00:1')).toBe('ipv4Mapped');
    expect(privateRange('64:ff9b::808:808')).toBe('rfc6052'); // even a public v4 inside NAT64 is refused
    expect(privateRange('2002:808:808::')).toBe('6to4');
    expect(privateRange('::808:808')).toBe('reserved'); // IPv4-compatible, outside 2000::/3
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });
});
