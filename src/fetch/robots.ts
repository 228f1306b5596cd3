// robots.txt as RFC 9309 reads it. The groups that name our product token (compared case-insensitively and
// whole: "User-agent: a" is not a group for Parallax) are combined into one; only when none names us do
// the "*" groups apply. Within that, the rule whose path matches the most octets wins and Allow wins a tie;
// "*" matches any run of characters and a final "$" anchors the end. Rule paths and request paths are
// compared in one percent-encoded form (see `normalisePath`). /robots.txt itself is always allowed. A
// missing robots.txt (4xx) allows everything; one that cannot be fetched (5xx, timeout) is treated as
// disallowing everything for now, since the site may be saying "not now" (the fetcher decides that).

export interface RobotsRules {
  /** Patterns already in normalised form. */
  rules: { allow: boolean; pattern: string }[];
}

export const ALLOW_ALL: RobotsRules = { rules: [] };
export const DISALLOW_ALL: RobotsRules = { rules: [{ allow: false, pattern: '/' }] };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** Reserved characters that have no delimiting role inside a query, so "?u=https://a.example/" and
 * "?u=https%3A%2F%2Fa.example%2F" are one query (RFC 9309's own example) and compare equal. */
const QUERY_EQUIVALENT = new Set([':', '/', '?', '@']);

function hex(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * One form for rule paths and request paths, so that "/caf%C3%A9", "/café" and "/caf%c3%a9" compare equal:
 * characters outside printable ASCII are percent-encoded as UTF-8; an escaped unreserved character
 * ("%62" for "b") is decoded; every other escape keeps its meaning and gets upper-case hex; a "%" that
 * starts no escape is written "%25". In the query, ":", "/", "?" and "@" are encoded, since a query means
 * the same with them written either way. "*" and "$" are encoded too: in a request path they are plain
 * characters, which a rule names as "%2A" and "%24" (its bare "*" and final "$" are the wildcards, kept
 * apart by `normalisePattern`).
 */
export function normalisePath(text: string, inQueryAlready = false): string {
  let out = '';
  let inQuery = inQueryAlready;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '%') {
      const pair = `${chars[i + 1] ?? ''}${chars[i + 2] ?? ''}`;
      if (/^[0-9A-Fa-f]{2}$/.test(pair)) {
        const byte = Number.parseInt(pair, 16);
        const decoded = String.fromCharCode(byte);
        out += UNRESERVED.test(decoded) ? decoded : hex(byte);
        i += 2;
      } else {
        out += '%25';
      }
      continue;
    }
    const code = c.codePointAt(0) ?? 0;
    if (code <= 0x20 || code >= 0x7f) {
      for (const byte of Buffer.from(c, 'utf8')) out += hex(byte);
    } else if (c === '*' || c === '$' || (inQuery && QUERY_EQUIVALENT.has(c))) {
      out += hex(code);
    } else {
      if (c === '?') inQuery = true;
      out += c;
    }
  }
  return out;
}

/** A rule path in the same form, its wildcards kept: "/*.PDF$" → "/*.PDF$", "/a%2a" → "/a%2A". */
export function normalisePattern(value: string): string {
  const anchored = value.endsWith('$');
  const body = anchored ? value.slice(0, -1) : value;
  let inQuery = false;
  const pieces = body.split('*').map((piece) => {
    const normal = normalisePath(piece, inQuery);
    if (piece.includes('?')) inQuery = true;
    return normal;
  });
  return pieces.join('*') + (anchored ? '$' : '');
}

/** The product token a user-agent line names: "Parallax/1.0 (+https://…)" → "parallax"; "*" for any. */
function productToken(value: string): string {
  if (value.startsWith('*')) return '*';
  return (/^[A-Za-z_-]+/.exec(value)?.[0] ?? '').toLowerCase();
}

interface Group {
  agents: string[];
  rules: RobotsRules['rules'];
}

export function parseRobots(text: string, agent: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  // A run of user-agent lines opens one group; the first rule closes the run, so a user-agent line after
  // a rule opens the next group. Lines of other kinds (Sitemap, Crawl-delay) neither open nor close one.
  let collectingAgents = false;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'user-agent') {
      if (!current || !collectingAgents) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      const token = productToken(value);
      if (token) current.agents.push(token);
      collectingAgents = true;
      continue;
    }
    if (key !== 'allow' && key !== 'disallow') continue;
    collectingAgents = false;
    // Rules before any user-agent line belong to no group; an empty path ("Disallow:") is no rule.
    if (!current || value === '') continue;
    current.rules.push({ allow: key === 'allow', pattern: normalisePattern(value) });
  }
  const token = agent.toLowerCase();
  const mine = groups.filter((g) => g.agents.includes(token));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  return { rules: chosen.flatMap((g) => g.rules) };
}

/**
 * Whether `pattern` matches a prefix of `path` ("*" any run, final "$" the end). The set of path offsets
 * reachable so far is carried along the pattern, so the cost is pattern × path at worst, never the
 * backtracking blow-up a regular expression of many ".*" can take.
 */
export function patternMatches(pattern: string, path: string): boolean {
  let ends: number[] = [0];
  for (let p = 0; p < pattern.length; p++) {
    const c = pattern[p];
    if (c === '$' && p === pattern.length - 1) return ends.includes(path.length);
    if (c === '*') {
      const from = ends[0] as number; // offsets are kept in increasing order
      ends = [];
      for (let i = from; i <= path.length; i++) ends.push(i);
      continue;
    }
    const next: number[] = [];
    for (const end of ends) if (end < path.length && path[end] === c) next.push(end + 1);
    if (next.length === 0) return false;
    ends = next;
  }
  return true;
}

/** Whether a path (with its query) may be fetched. */
export function robotsAllow(rules: RobotsRules, pathAndQuery: string): boolean {
  const path = normalisePath(pathAndQuery);
  if (path === '/robots.txt') return true;
  let best: { allow: boolean; length: number } | null = null;
  for (const rule of rules.rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    const length = rule.pattern.length;
    if (!best || length > best.length || (length === best.length && rule.allow))
      best = { allow: rule.allow, length };
  }
  return best?.allow ?? true;
}
