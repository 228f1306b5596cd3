// `node dist/eval/blind-confidence.js [--findings /tmp/blind-after/findings.json] [--judged
// eval/blind/judged-final.json]`: how the report's confidence (src/compare/confidence) lines up with the
// blind check's hand verdicts. Findings of a fresh blind-reports.ts run are matched to judged ones by their
// corpus spans (blind-score.ts findingKey); a finding that changed since the judging is left out, and the
// counts say how many matched. Prints, per kind, the share judged good at each confidence level, and for
// shared facts the share by the weakest link's same-claim score (the figure facts.ts's bins come from).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Finding } from './blind-reports.js';
import { findingKey, type Judged, type JudgedFile } from './blind-score.js';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '/tmp/blind-after/findings.json' },
    judged: { type: 'string', default: 'eval/blind/judged-final.json' },
  },
});

const findings = JSON.parse(readFileSync(values.findings as string, 'utf8')) as Finding[];
const judged = (JSON.parse(readFileSync(values.judged as string, 'utf8')) as JudgedFile).judgements;
const byKey = new Map(judged.map((j) => [`${j.story}|${findingKey(j)}`, j]));

/** Good by the rules: same claim, genuine, or a digest sentence neutral, self-contained, cited, no opinion. */
function good(j: Judged): boolean | null {
  if (j.kind === 'digest') {
    const d = j.digest;
    if (!d) return null;
    if ([d.neutral, d.selfContained, d.cited].includes('unsure')) return null;
    return d.neutral === 'yes' && d.selfContained === 'yes' && d.cited === 'yes' && d.opinion === 'no';
  }
  return j.verdict === 'yes' ? true : j.verdict === 'no' ? false : null;
}

const rows: { kind: string; level: string; score: number; raw: number | null; good: boolean }[] = [];
/** Digest sentences by whether they cite rightly: what their confidence speaks to (compare/confidence/digest.ts). */
const cited: { level: string; good: boolean }[] = [];
let unmatched = 0;
for (const f of findings) {
  if (f.kind === 'exclusive-fact' || !f.confidence) continue;
  const j = byKey.get(`${f.story}|${findingKey(f)}`);
  const verdict = j ? good(j) : null;
  if (!j) unmatched++;
  if (j?.kind === 'digest' && j.digest && j.digest.cited !== 'unsure')
    cited.push({ level: f.confidence.level, good: j.digest.cited === 'yes' });
  if (verdict === null) continue;
  const raw = /same-claim (?:link|score) ([\d.]+)/.exec(f.confidence.reason)?.[1];
  rows.push({
    kind: f.kind === 'discrepancy' ? `discrepancy:${f.discrepancy?.kind}` : f.kind,
    level: f.confidence.level,
    score: f.confidence.score,
    raw: raw === undefined ? null : Number(raw),
    good: verdict,
  });
}

const share = (xs: readonly { good: boolean }[]) =>
  xs.length
    ? `${xs.filter((x) => x.good).length}/${xs.length} = ${((100 * xs.filter((x) => x.good).length) / xs.length).toFixed(1)} %`
    : '—';

console.log(
  `${rows.length} judged findings matched (${unmatched} findings of this run not judged as they are now)\n`,
);
console.log('| finding | high | medium | low |\n|---|---|---|---|');
for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) {
  const of = rows.filter((r) => r.kind === kind);
  console.log(
    `| ${kind} | ${['high', 'medium', 'low'].map((l) => share(of.filter((r) => r.level === l))).join(' | ')} |`,
  );
}
console.log(
  `| digest: correctly cited | ${['high', 'medium', 'low'].map((l) => share(cited.filter((r) => r.level === l))).join(' | ')} |`,
);
const facts = rows
  .filter((r) => r.kind === 'shared-fact' && r.raw !== null)
  .sort((a, b) => (a.raw ?? 0) - (b.raw ?? 0));
if (facts.length >= 4) {
  console.log('\nShared facts by the weakest link’s same-claim score (quartiles):\n');
  console.log('| weakest link | facts | same claim |\n|---|---|---|');
  for (let q = 0; q < 4; q++) {
    const part = facts.slice(Math.floor((q * facts.length) / 4), Math.floor(((q + 1) * facts.length) / 4));
    console.log(
      `| ${part[0]?.raw?.toFixed(2)}–${part.at(-1)?.raw?.toFixed(2)} | ${part.length} | ${share(part)} |`,
    );
  }
  for (const cut of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
    const above = facts.filter((r) => (r.raw ?? 0) >= cut);
    console.log(`weakest ≥ ${cut}: ${share(above)}`);
  }
}
