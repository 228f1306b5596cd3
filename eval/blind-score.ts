// The judged findings of the blind check (eval/blind/RULES.md) and their shares.
//
//   node dist/eval/blind-score.js eval/blind/judged-before.json
//     prints the shares the acceptance asks for, as a Markdown table.
//   node dist/eval/blind-score.js --findings /tmp/blind-after/findings.json --verdicts FILE.tsv \
//       [--from eval/blind/judged-before.json] --out eval/blind/judged-after.json [--commit SHA]
//     makes a judged file from blind-reports.ts's findings and hand verdicts. FILE.tsv has one line per
//     finding: story, ref (F3, D1, G2 as in the listing), verdict, reason — the verdict is y/n/u for a
//     shared fact (same claim) or a discrepancy (genuine), and four letters for a digest sentence:
//     neutral, self-contained, correctly cited, opinion ("yyyn": a good sentence). With --from, a finding
//     whose spans (and citations or values) equal a finding judged there takes that verdict, so only new
//     findings need a line; a line given for it wins.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CorpusSpan, Finding } from './blind-reports.js';

export type Verdict = 'yes' | 'no' | 'unsure';

export interface Judged extends Finding {
  /** shared-fact: same claim; discrepancy: genuine. */
  verdict?: Verdict;
  /** digest: the four verdicts of the rules. */
  digest?: { neutral: Verdict; selfContained: Verdict; cited: Verdict; opinion: Verdict };
  reason: string;
  /** Taken over from an earlier judged file whose finding had the same identifier. */
  carried?: boolean;
}

export interface JudgedFile {
  about: string;
  commit: string;
  date: string;
  judgements: Judged[];
}

const VERDICT: Record<string, Verdict> = { y: 'yes', n: 'no', u: 'unsure' };

function verdictOf(code: string, where: string): Verdict {
  const v = VERDICT[code];
  if (!v) throw new Error(`${where}: verdict "${code}" is not y, n or u`);
  return v;
}

const spanKey = (s: CorpusSpan) => `${s.article}@${s.start}-${s.end}`;

/** The identifier of a finding across runs: its kind and corpus spans (and what it cites or says). */
export function findingKey(f: Finding): string {
  const spans = f.spans.map(spanKey).sort().join(',');
  const cited = f.kind === 'digest' ? `|${[...(f.articles ?? [])].sort().join(',')}` : '';
  const values = f.discrepancy
    ? `|${f.discrepancy.kind}|${f.discrepancy.values
        .map((v) => [...v.articles].sort().join('+'))
        .sort()
        .join('/')}`
    : '';
  return `${f.story}|${f.kind}|${spans}${cited}${values}`;
}

export interface Shares {
  facts: { judged: number; yes: number; unsure: number };
  discrepancies: { judged: number; yes: number; unsure: number };
  digest: {
    judged: number;
    neutral: number;
    selfContained: number;
    cited: number;
    allThree: number;
    unsure: number;
    opinion: number;
  };
}

export function shares(judgements: readonly Judged[]): Shares {
  const facts = judgements.filter((j) => j.kind === 'shared-fact');
  const discrepancies = judgements.filter((j) => j.kind === 'discrepancy');
  const digest = judgements.filter((j) => j.kind === 'digest' && j.digest);
  const yes = (list: readonly Judged[]) => list.filter((j) => j.verdict === 'yes').length;
  const unsure = (list: readonly Judged[]) => list.filter((j) => j.verdict === 'unsure').length;
  const d = (pick: (x: NonNullable<Judged['digest']>) => boolean) =>
    digest.filter((j) => j.digest && pick(j.digest)).length;
  return {
    facts: { judged: facts.length, yes: yes(facts), unsure: unsure(facts) },
    discrepancies: { judged: discrepancies.length, yes: yes(discrepancies), unsure: unsure(discrepancies) },
    digest: {
      judged: digest.length,
      neutral: d((x) => x.neutral === 'yes'),
      selfContained: d((x) => x.selfContained === 'yes'),
      cited: d((x) => x.cited === 'yes'),
      allThree: d((x) => x.neutral === 'yes' && x.selfContained === 'yes' && x.cited === 'yes'),
      unsure: d((x) => x.neutral === 'unsure' || x.selfContained === 'unsure' || x.cited === 'unsure'),
      opinion: d((x) => x.opinion === 'yes'),
    },
  };
}

const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);

export function sharesTable(s: Shares): string {
  return [
    '| finding | judged | share | target | unsure |',
    '|---|---|---|---|---|',
    `| shared facts: same claim | ${s.facts.judged} | ${s.facts.yes} = ${pct(s.facts.yes, s.facts.judged)} | ≥ 90 % | ${s.facts.unsure} |`,
    `| discrepancies: genuine | ${s.discrepancies.judged} | ${s.discrepancies.yes} = ${pct(s.discrepancies.yes, s.discrepancies.judged)} | ≥ 90 % | ${s.discrepancies.unsure} |`,
    `| digest: neutral, self-contained and correctly cited | ${s.digest.judged} | ${s.digest.allThree} = ${pct(s.digest.allThree, s.digest.judged)} | ≥ 95 % | ${s.digest.unsure} |`,
    `| digest: neutral | ${s.digest.judged} | ${s.digest.neutral} = ${pct(s.digest.neutral, s.digest.judged)} | | |`,
    `| digest: self-contained | ${s.digest.judged} | ${s.digest.selfContained} = ${pct(s.digest.selfContained, s.digest.judged)} | | |`,
    `| digest: correctly cited | ${s.digest.judged} | ${s.digest.cited} = ${pct(s.digest.cited, s.digest.judged)} | | |`,
    `| digest: opinion sentences | ${s.digest.judged} | ${s.digest.opinion} | 0 | |`,
  ].join('\n');
}

/** Hand verdicts, one line per finding: story, ref, verdict code, reason (tab-separated; # comments). */
export function readVerdicts(text: string): Map<string, { code: string; reason: string }> {
  const out = new Map<string, { code: string; reason: string }>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [story, ref, code, ...reason] = line.split('\t');
    if (!story || !ref || !code) throw new Error(`verdicts line ${i + 1}: needs story, ref and verdict`);
    out.set(`${Number(story)}|${ref}`, { code: code.trim(), reason: reason.join(' ').trim() });
  });
  return out;
}

export function judge(
  findings: readonly Finding[],
  verdicts: Map<string, { code: string; reason: string }>,
  earlier: readonly Judged[] = [],
): { judged: Judged[]; missing: Finding[] } {
  const before = new Map(earlier.map((j) => [findingKey(j), j]));
  const judged: Judged[] = [];
  const missing: Finding[] = [];
  for (const f of findings) {
    if (f.kind === 'exclusive-fact' || f.kind === 'related-fact' || f.sampled === false) continue;
    const given = verdicts.get(`${f.story}|${f.ref}`);
    if (!given) {
      const old = before.get(findingKey(f));
      if (old)
        judged.push({ ...f, verdict: old.verdict, digest: old.digest, reason: old.reason, carried: true });
      else missing.push(f);
      continue;
    }
    const where = `story ${f.story} ${f.ref}`;
    if (f.kind === 'digest') {
      const c = given.code;
      if (c.length !== 4) throw new Error(`${where}: a digest verdict has four letters, not "${c}"`);
      judged.push({
        ...f,
        digest: {
          neutral: verdictOf(c[0] as string, where),
          selfContained: verdictOf(c[1] as string, where),
          cited: verdictOf(c[2] as string, where),
          opinion: verdictOf(c[3] as string, where),
        },
        reason: given.reason,
      });
    } else judged.push({ ...f, verdict: verdictOf(given.code, where), reason: given.reason });
  }
  return { judged, missing };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      findings: { type: 'string' },
      verdicts: { type: 'string' },
      from: { type: 'string' },
      out: { type: 'string' },
      commit: { type: 'string', default: '' },
      about: { type: 'string', default: '' },
    },
  });
  if (values.findings) {
    const findings = JSON.parse(readFileSync(values.findings, 'utf8')) as Finding[];
    const verdicts = values.verdicts ? readVerdicts(readFileSync(values.verdicts, 'utf8')) : new Map();
    const earlier = values.from
      ? (JSON.parse(readFileSync(values.from, 'utf8')) as JudgedFile).judgements
      : [];
    const { judged, missing } = judge(findings, verdicts, earlier);
    for (const m of missing) console.error(`not judged yet: story ${m.story} ${m.ref} (${m.kind})`);
    const file: JudgedFile = {
      about: values.about as string,
      commit: values.commit as string,
      date: new Date().toISOString().slice(0, 10),
      judgements: judged,
    };
    if (values.out) writeFileSync(values.out, `${JSON.stringify(file, null, 1)}\n`);
    console.log(sharesTable(shares(judged)));
    if (missing.length > 0) console.log(`\n${missing.length} findings not judged yet (listed on stderr).`);
  } else {
    const file = positionals[0];
    if (!file) {
      console.error('blind-score: give a judged file, or --findings with --verdicts');
      process.exit(2);
    }
    const judged = JSON.parse(readFileSync(file, 'utf8')) as JudgedFile;
    console.log(sharesTable(shares(judged.judgements)));
  }
}
