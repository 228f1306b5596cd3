// robots.txt against the examples of RFC 9309 (restated here as cases, not quoted), plus the two ways the
// previous reader went wrong: a group for another agent applied by substring, and paths compared without
// percent-encoding normalisation.

import { describe, expect, it } from 'vitest';
import { normalisePath, parseRobots, patternMatches, robotsAllow } from '../src/fetch/robots.js';

/** Whether `agent` may fetch each path under `robots`, as "path: yes/no" lines for readable failures. */
function verdicts(robots: string, agent: string, paths: string[]): string[] {
  const rules = parseRobots(robots, agent);
  return paths.map((path) => `${path}: ${robotsAllow(rules, path) ? 'yes' : 'no'}`);
}

const yes = (paths: string[]) => paths.map((p) => `${p}: yes`);
const no = (paths: string[]) => paths.map((p) => `${p}: no`);

describe('RFC 9309 section 5.1: the simple example', () => {
  const robots = [
    'User-Agent: *',
    'Disallow: *.gif$',
    'Disallow: /example/',
    'Allow: /publications/',
    '',
    'User-Agent: foobot',
    'Disallow:/',
    'Allow:/example/page.html',
    'Allow:/example/allowed.gif',
    '',
    'User-Agent: barbot',
    'User-Agent: bazbot',
    'Disallow: /example/page.html',
    '',
    'User-Agent: quxbot',
    '',
  ].join('\n');

  it('foobot may fetch only the two allowed pages', () => {
    expect(verdicts(robots, 'foobot', ['/example/page.html', '/example/allowed.gif'])).toEqual(
      yes(['/example/page.html', '/example/allowed.gif']),
    );
    expect(verdicts(robots, 'foobot', ['/', '/example/other.html', '/publications/a'])).toEqual(
      no(['/', '/example/other.html', '/publications/a']),
    );
  });

  it('barbot and bazbot share a group: only /example/page.html is closed, and the * rules do not apply', () => {
    for (const bot of ['barbot', 'bazbot']) {
      expect(verdicts(robots, bot, ['/example/page.html'])).toEqual(no(['/example/page.html']));
      expect(verdicts(robots, bot, ['/example/other.html', '/image.gif', '/'])).toEqual(
        yes(['/example/other.html', '/image.gif', '/']),
      );
    }
  });

  it('quxbot has an empty group of its own, so everything is allowed', () => {
    expect(verdicts(robots, 'quxbot', ['/example/page.html', '/a.gif'])).toEqual(
      yes(['/example/page.html', '/a.gif']),
    );
  });

  it('any other crawler falls to the * group', () => {
    expect(verdicts(robots, 'parallax', ['/example/x', '/pics/a.gif', '/a.gif?size=2'])).toEqual([
      '/example/x: no',
      '/pics/a.gif: no',
      '/a.gif?size=2: yes', // "$" anchors the end: a query after .gif is not the end
    ]);
    expect(verdicts(robots, 'parallax', ['/publications/2024', '/about'])).toEqual(
      yes(['/publications/2024', '/about']),
    );
  });
});

describe('RFC 9309 section 5.2: the longest match', () => {
  it('a longer Disallow inside a shorter Allow wins for its path only', () => {
    const robots = 'User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n';
    expect(verdicts(robots, 'foobot', ['/example/page/', '/example/page/disallowed.gif'])).toEqual([
      '/example/page/: yes',
      '/example/page/disallowed.gif: no',
    ]);
  });

  it('Allow wins a tie of equal length', () => {
    expect(verdicts('User-agent: *\nDisallow: /page\nAllow: /page\n', 'parallax', ['/page'])).toEqual(
      yes(['/page']),
    );
  });
});

describe('RFC 9309 section 2.2.1: user-agent lines', () => {
  it('matches the product token case-insensitively and whole, never as a substring', () => {
    const robots = 'User-agent: a\nDisallow: /\n\nUser-agent: *\nAllow: /\n';
    expect(verdicts(robots, 'parallax', ['/news'])).toEqual(yes(['/news']));
    expect(verdicts('User-agent: PARALLAX\nDisallow: /x\n', 'parallax', ['/x'])).toEqual(no(['/x']));
    expect(verdicts('User-agent: Parallax/2.0\nDisallow: /x\n', 'parallax', ['/x'])).toEqual(no(['/x']));
    expect(verdicts('User-agent: parallaxbot\nDisallow: /x\n', 'parallax', ['/x'])).toEqual(yes(['/x']));
  });

  it('combines every group that names the crawler, and ignores * then', () => {
    const robots = [
      'user-agent: ExampleBot',
      'disallow: /foo',
      'disallow: /bar',
      '',
      'user-agent: *',
      'disallow: /everything-else',
      '',
      'user-agent: examplebot',
      'disallow: /baz',
    ].join('\n');
    expect(verdicts(robots, 'examplebot', ['/foo', '/bar', '/baz'])).toEqual(no(['/foo', '/bar', '/baz']));
    expect(verdicts(robots, 'examplebot', ['/everything-else'])).toEqual(yes(['/everything-else']));
  });

  it('ignores rules before any user-agent line, and a Sitemap line does not split a group', () => {
    expect(verdicts('Disallow: /\nUser-agent: *\nDisallow: /x\n', 'parallax', ['/', '/x'])).toEqual([
      '/: yes',
      '/x: no',
    ]);
    const robots =
      'User-agent: other\nSitemap: https://a.example/s.xml\nUser-agent: parallax\nDisallow: /x\n';
    expect(verdicts(robots, 'parallax', ['/x'])).toEqual(no(['/x']));
  });

  it('always allows /robots.txt itself', () => {
    expect(verdicts('User-agent: *\nDisallow: /\n', 'parallax', ['/robots.txt', '/a'])).toEqual([
      '/robots.txt: yes',
      '/a: no',
    ]);
  });
});

describe('RFC 9309 section 2.2.2 and 2.2.3: paths, encoding and special characters', () => {
  it('compares paths and rules in one percent-encoded form (the RFC table)', () => {
    const cases: [rule: string, path: string][] = [
      ['/foo/bar?baz=quz', '/foo/bar?baz=quz'],
      ['/foo/bar?baz=https://foo.bar', '/foo/bar?baz=https%3A%2F%2Ffoo.bar'],
      ['/foo/bar/\u30c4', '/foo/bar/%E3%83%84'],
      ['/foo/bar/%E3%83%84', '/foo/bar/%E3%83%84'],
      ['/foo/bar/%62%61%7A', '/foo/bar/baz'],
    ];
    for (const [rule, path] of cases) {
      expect([rule, path, verdicts(`User-agent: *\nDisallow: ${rule}\n`, 'parallax', [path])[0]]).toEqual([
        rule,
        path,
        `${path}: no`,
      ]);
    }
    expect(normalisePath('/caf%c3%a9')).toBe(normalisePath('/café'));
    expect(normalisePath('/a%2Fb')).not.toBe(normalisePath('/a/b')); // an escaped "/" in a path is another path
  });

  it('reads "*" as any run, a final "$" as the end, and %2A / %24 as the plain characters', () => {
    expect(patternMatches('/this/*/exactly', '/this/any/path/exactly')).toBe(true);
    expect(
      verdicts('User-agent: *\nDisallow: /this/path/exactly$\n', 'parallax', [
        '/this/path/exactly',
        '/this/path/exactly/not',
      ]),
    ).toEqual(['/this/path/exactly: no', '/this/path/exactly/not: yes']);
    expect(
      verdicts('User-agent: *\nDisallow: /path/file-with-a-%2A.html\nDisallow: /path/foo-%24\n', 'parallax', [
        '/path/file-with-a-*.html',
        '/path/file-with-a-x.html',
        '/path/foo-$',
      ]),
    ).toEqual(['/path/file-with-a-*.html: no', '/path/file-with-a-x.html: yes', '/path/foo-$: no']);
  });

  it('keeps the earlier reader’s cases: longest rule, * and $ patterns, an empty Disallow', () => {
    const robots = `User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nUser-agent: other\nDisallow: /drafts/\nAllow: /drafts/public\nDisallow: /*.pdf$\n`;
    expect(
      verdicts(robots, 'parallax', ['/news/a', '/drafts/x', '/drafts/public/x', '/files/a.pdf']),
    ).toEqual(['/news/a: yes', '/drafts/x: no', '/drafts/public/x: yes', '/files/a.pdf: no']);
    expect(verdicts(robots, 'someone-else', ['/news/a'])).toEqual(no(['/news/a']));
    expect(verdicts('User-agent: *\nDisallow:\n', 'parallax', ['/a'])).toEqual(yes(['/a']));
  });

  it('matches a many-wildcard rule against a long path without blowing up', () => {
    const rule = `/${'a*'.repeat(200)}b`;
    const path = `/${'a'.repeat(5_000)}`;
    expect(patternMatches(rule, path)).toBe(false);
  });
});
