// The judged findings of the blind check (eval/blind/RULES.md) and their shares.
//
//   node dist/eval/blind-score.js eval/blind/judged-before.json
//     prints the shares the acceptance asks for, as a Markdown table.
//   node dist/eval/blind-score.js --findings /tmp/blind-after/findings.json [--verdicts FILE.tsv] \
//       [--from eval/blind/judged-before.json] [--todo /tmp/to-judge.tsv] --out eval/blind/judged-after.json \
//       [--commit SHA]
//     makes a judged file from blind-reports.ts's findings and hand verdicts. With --from, a finding whose
//     identifier (findingKey: kind, corpus spans, citations or values) equals a finding judged there takes
//     that verdict, so only new findings need a line; a line given for it wins. --todo writes a verdict file
//     to fill in: one line per finding to judge, the carried ones commented out with their verdict.
//     FILE.tsv has one line per finding: story, ref, key, verdict, reason (tab-separated; # comments). The
//     key is the finding's identifier and is what the verdict applies to; the ref (F3, D1, G2 as in the
//     listing) only helps the reader, because positions shift whenever a report's fact list or digest
//     changes — a verdict keyed by position would silently judge another sentence. The verdict is y/n/u for
//     a shared fact (same claim) or a discrepancy (genuine), and four letters for a digest sentence:
//     neutral, self-contained, correctly cited, opinion ("yyyn": a good sentence); an empty verdict leaves
//     the finding unjudged. A line whose key matches no finding of the run, or that gives no key (the old
//     story/ref/verdict/reason lines), is reported on one line and applied to nothing.
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
const CODE: Record<Verdict, string> = { yes: 'y', no: 'n', unsure: 'u' };

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

/** One hand verdict: the finding it judges (by key), where it was written, and what it says. */
export interface VerdictLine {
  /** Line number in the verdict file, for messages. */
  line: number;
  story: number;
  /** The finding's place in the listing when the verdict was written (a reading aid; it may have moved). */
  ref: string;
  /** findingKey of the finding judged. */
  key: string;
  code: string;
  reason: string;
}

/**
 * Hand verdicts, one line per finding: story, ref, key, verdict code, reason (tab-separated; # comments).
 * Lines that cannot be applied safely are refused with one message each (name the line and the reason):
 * the old story/ref/verdict/reason lines say only where a finding stood in one run's listing, and a key
 * naming another story than the line's is a copying slip. A later line for the same key wins over an
 * earlier one, which is reported.
 */
export function readVerdicts(
  text: string,
  name = 'verdicts',
): { verdicts: Map<string, VerdictLine>; refused: string[] } {
  const verdicts = new Map<string, VerdictLine>();
  const refused: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [story = '', ref = '', key = '', code = '', ...reason] = line.split('\t');
    const at = `${name} line ${i + 1} (story ${story} ${ref})`;
    if (story.trim() === '' || ref.trim() === '') {
      refused.push(`${at}: needs story, ref, key and verdict; not applied`);
      return;
    }
    if (!key.includes('|')) {
      refused.push(
        `${at}: keyed by position only, which shifts when the report changes — give the finding's key (blind-score --todo writes it); not applied`,
      );
      return;
    }
    if (!key.startsWith(`${Number(story)}|`)) {
      refused.push(`${at}: the key names another story (${key.split('|')[0]}); not applied`);
      return;
    }
    if (code.trim() === '') return; // a --todo line not filled in: the finding stays to judge
    const earlier = verdicts.get(key);
    if (earlier)
      refused.push(
        `${name} line ${earlier.line} (story ${earlier.story} ${earlier.ref}): line ${i + 1} judges the same finding and wins; not applied`,
      );
    verdicts.set(key, {
      line: i + 1,
      story: Number(story),
      ref,
      key,
      code: code.trim(),
      reason: reason.join(' ').trim(),
    });
  });
  return { verdicts, refused };
}

/** A verdict applied to nothing: no finding of the run has its key, or several do (`findings`, their refs). */
export interface Unmatched {
  verdict: VerdictLine;
  findings: string[];
}

/** The one-line report of a verdict applied to nothing. */
export function unmatchedMessage(u: Unmatched, name = 'verdicts'): string {
  const v = u.verdict;
  const why =
    u.findings.length === 0
      ? `no finding to judge in this run has key ${v.key}`
      : `key ${v.key} names ${u.findings.length} findings (${u.findings.join(', ')}), which it cannot tell apart`;
  return `${name} line ${v.line} (story ${v.story} ${v.ref}): ${why}; not applied`;
}

/** The verdict code of a judged finding, as a verdict file writes it (y/n/u, or four letters). */
export function verdictCode(j: Judged): string {
  const letter = (v: Verdict | undefined) => (v ? CODE[v] : '?');
  if (j.digest)
    return [j.digest.neutral, j.digest.selfContained, j.digest.cited, j.digest.opinion].map(letter).join('');
  return letter(j.verdict);
}

/** A verdict file to fill in: a line per finding to judge, carried verdicts commented out with their code. */
export function todoFile(judged: readonly Judged[], missing: readonly Finding[]): string {
  const line = (f: Finding, code: string, reason: string) =>
    [f.story, f.ref, findingKey(f), code, reason].join('\t');
  return [
    '# story\tref\tkey\tverdict\treason — the key is what a verdict applies to; the ref is where the finding',
    '# stood in this listing. Fill in the verdict (y/n/u, or four letters for a digest sentence); uncomment a',
    '# carried line to judge it again.',
    ...missing.map((f) => line(f, '', '')),
    ...judged.filter((j) => j.carried).map((j) => `# ${line(j, verdictCode(j), j.reason)}`),
  ].join('\n');
}

export function judge(
  findings: readonly Finding[],
  verdicts: ReadonlyMap<string, VerdictLine>,
  earlier: readonly Judged[] = [],
): { judged: Judged[]; missing: Finding[]; unmatched: Unmatched[] } {
  const before = new Map(earlier.map((j) => [findingKey(j), j]));
  const toJudge = findings.filter(
    (f) => f.kind !== 'exclusive-fact' && f.kind !== 'related-fact' && f.sampled !== false,
  );
  // Findings sharing one key (spans cleaning made untraceable, at -1) cannot take a hand verdict apart.
  const refsOf = new Map<string, string[]>();
  for (const f of toJudge) {
    const key = findingKey(f);
    refsOf.set(key, [...(refsOf.get(key) ?? []), f.ref]);
  }
  const judged: Judged[] = [];
  const missing: Finding[] = [];
  const used = new Set<string>();
  for (const f of toJudge) {
    const key = findingKey(f);
    const given = (refsOf.get(key)?.length ?? 0) > 1 ? undefined : verdicts.get(key);
    if (!given) {
      const old = before.get(key);
      if (old)
        judged.push({ ...f, verdict: old.verdict, digest: old.digest, reason: old.reason, carried: true });
      else missing.push(f);
      continue;
    }
    used.add(key);
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
  const unmatched = [...verdicts.values()]
    .filter((v) => !used.has(v.key))
    .sort((a, b) => a.line - b.line)
    .map((v) => ({ verdict: v, findings: refsOf.get(v.key) ?? [] }));
  return { judged, missing, unmatched };
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
      todo: { type: 'string' },
      commit: { type: 'string', default: '' },
      about: { type: 'string', default: '' },
    },
  });
  if (values.findings) {
    const findings = JSON.parse(readFileSync(values.findings, 'utf8')) as Finding[];
    const read = values.verdicts
      ? readVerdicts(readFileSync(values.verdicts, 'utf8'), values.verdicts)
      : { verdicts: new Map<string, VerdictLine>(), refused: [] };
    for (const r of read.refused) console.error(r);
    const earlier = values.from
      ? (JSON.parse(readFileSync(values.from, 'utf8')) as JudgedFile).judgements
      : [];
    const { judged, missing, unmatched } = judge(findings, read.verdicts, earlier);
    for (const u of unmatched) console.error(unmatchedMessage(u, values.verdicts));
    for (const m of missing) console.error(`not judged yet: story ${m.story} ${m.ref} (${m.kind})`);
    if (values.todo) writeFileSync(values.todo, `${todoFile(judged, missing)}\n`);
    const file: JudgedFile = {
      about: values.about as string,
      commit: values.commit as string,
      date: new Date().toISOString().slice(0, 10),
      judgements: judged,
    };
    if (values.out) writeFileSync(values.out, `${JSON.stringify(file, null, 1)}\n`);
    console.log(sharesTable(shares(judged)));
    if (missing.length > 0) console.log(`\n${missing.length} findings not judged yet (listed on stderr).`);
    const notApplied = read.refused.length + unmatched.length;
    if (notApplied > 0)
      console.log(`${notApplied} verdict lines refused or matching nothing (listed on stderr).`);
  } else {
    const file = positionals[0];
    if (!file) {
      console.error('blind-score: give a judged file, or --findings (with --verdicts, --from)');
      process.exit(2);
    }
    const judged = JSON.parse(readFileSync(file, 'utf8')) as JudgedFile;
    console.log(sharesTable(shares(judged.judgements)));
  }
}
