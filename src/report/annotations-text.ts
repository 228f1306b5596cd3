// The readable view of `parallax annotate --format text`: per article, who is named and how, who is
// quoted, which dates, and what cleaning removed. Plain text, no colour codes, so it pipes well.
import type { AnnotatedArticle, Entity } from '../model/article.js';

const QUOTE_PREVIEW = 110;
const KINDS: readonly [Entity['kind'], string][] = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['group', 'Groups'],
  ['other', 'Other names'],
];

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function formatArticleText(a: AnnotatedArticle): string {
  const lines: string[] = [];
  const header = [a.id, a.outlet ?? 'unknown outlet', a.published ?? 'undated'].join(' · ');
  lines.push(`━━ ${header}`);
  if (a.title) lines.push(`   ${a.title}`);
  lines.push(`   source: ${a.source}${a.url ? `   url: ${a.url}` : ''}`);
  if (a.dateline)
    lines.push(`   dateline: ${a.dateline.place}${a.dateline.agency ? ` (${a.dateline.agency})` : ''}`);
  const headings = a.paragraphs.filter((p) => p.kind === 'heading').length;
  lines.push(
    `   ${a.paragraphs.length} paragraphs (${headings} headings) · ${a.sentences.length} sentences · ${a.removed.length} removed`,
  );
  for (const [kind, label] of KINDS) {
    const entities = a.entities
      .filter((e) => e.kind === kind)
      .sort((x, y) => y.mentions.length - x.mentions.length);
    if (entities.length === 0) continue;
    if (kind === 'person') {
      lines.push(`  ${label}`);
      for (const e of entities) {
        const labels = unique(e.descriptors.map((d) => d.text));
        const variants = unique(e.mentions.map((m) => m.text)).filter((v) => v !== e.name);
        lines.push(
          `    ${e.name} ×${e.mentions.length}${variants.length ? ` (also ${variants.join(', ')})` : ''}${labels.length ? ` — ${labels.join('; ')}` : ''}`,
        );
      }
    } else {
      lines.push(
        `  ${label}: ${entities.map((e) => `${e.name}${e.mentions.length > 1 ? ` ×${e.mentions.length}` : ''}`).join(', ')}`,
      );
    }
  }
  if (a.quotes.length > 0) {
    lines.push('  Quotes');
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    for (const q of a.quotes) {
      const who = q.speaker ? names.get(q.speaker) : null;
      const via = who && q.speakerText && q.speakerText !== who ? ` (“${q.speakerText}”)` : '';
      lines.push(`    ${who ?? '—'}${via}: “${clip(q.text, QUOTE_PREVIEW)}”`);
    }
  }
  if (a.dates.length > 0) {
    lines.push(`  Dates: ${a.dates.map((d) => `${d.text} → ${d.value ?? '?'}`).join('; ')}`);
  }
  if (a.removed.length > 0) {
    lines.push('  Removed by cleaning');
    for (const r of a.removed) lines.push(`    [${r.reason}] ${clip(r.text, 90)}`);
  }
  for (const m of a.messages) lines.push(`  ! ${m.code}: ${m.message}`);
  return `${lines.join('\n')}\n`;
}
