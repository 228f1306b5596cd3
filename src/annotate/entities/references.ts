// Entity.references: the words that refer back to a named person without naming them. Definite
// descriptions come resolved from descriptors.ts ("the veteran lawmaker" → Ana Reyes); each counts by its
// head noun ("lawmaker"), the word a reader points at. Pronouns and relative "who" come from pronouns.ts,
// which also treats the resolved descriptions as mentions: "The lawmaker conceded. She …" links "She".
import type { Entity, EntityReference } from '../../model/article.js';
import type { ResolvedReference } from '../descriptors.js';
import type { TokenLayer } from '../tokens.js';
import { FEMALE_WORDS, findDescriptionAnchors, MALE_WORDS } from './descriptions.js';
import { FEMALE_TITLES, MALE_TITLES } from './gazetteer.js';
import type { Gender, NameMention } from './index.js';
import { findPronounReferences, type PersonAnchor } from './pronouns.js';

/**
 * A person's gender from the name (given name, honorific) or else from a gendered word in the outlet's
 * descriptors of them: "Kowalczyk, a mother of three", "the actress" resolved to her.
 */
function withDescriptors(
  byId: ReadonlyMap<string, Entity>,
  genderOf: (entity: string) => Gender,
): (entity: string) => Gender {
  const memo = new Map<string, Gender>();
  return (id) => {
    const known = genderOf(id);
    if (known) return known;
    let gender = memo.get(id);
    if (gender === undefined) {
      gender = null;
      for (const d of byId.get(id)?.descriptors ?? []) {
        const words = d.text.toLowerCase().split(/[^\p{L}]+/u);
        const male = words.some((w) => MALE_TITLES.has(w) || MALE_WORDS.has(w));
        const female = words.some((w) => FEMALE_TITLES.has(w) || FEMALE_WORDS.has(w));
        if (male !== female) {
          gender = male ? 'male' : 'female';
          break;
        }
      }
      memo.set(id, gender);
    }
    return gender;
  };
}

export function attachReferences(
  layer: TokenLayer,
  entities: readonly Entity[],
  mentions: readonly NameMention[],
  descriptions: readonly ResolvedReference[],
  genderOf: (entity: string) => Gender,
): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const isPerson = (id: string) => byId.get(id)?.kind === 'person';
  const found: { entity: string; reference: EntityReference }[] = [];
  const anchors: PersonAnchor[] = [];
  for (const m of mentions) {
    if (isPerson(m.entity))
      anchors.push({
        entity: m.entity,
        firstToken: m.firstToken,
        endToken: m.endToken,
        ...(m.possessive ? { possessive: true } : {}),
      });
  }
  for (const d of descriptions) {
    if (!isPerson(d.entity)) continue;
    anchors.push({ entity: d.entity, firstToken: d.firstToken, endToken: d.endToken });
    const head = layer.tokens[d.endToken - 1];
    if (head) {
      found.push({
        entity: d.entity,
        reference: { start: head.start, end: head.end, text: head.text, via: 'description' },
      });
    }
  }
  // Descriptor heads ("drummer" in "drummer Ana Ruiz") and descriptions settled by age, role or gender.
  for (const d of findDescriptionAnchors(layer, { entities, mentions, resolved: descriptions, genderOf })) {
    anchors.push({ entity: d.entity, firstToken: d.firstToken, endToken: d.endToken });
    const first = layer.tokens[d.headFirst];
    const head = layer.tokens[d.head];
    if (first && head) {
      found.push({
        entity: d.entity,
        reference: {
          start: first.start,
          end: head.end,
          text: layer.text.slice(first.start, head.end),
          via: 'description',
        },
      });
    }
  }
  // Asked once per name mention, so worked out once per person (over its few distinct spellings).
  const inferableMemo = new Map<string, boolean>();
  const inferable = (id: string) => {
    let known = inferableMemo.get(id);
    if (known === undefined) {
      const texts = [...new Set((byId.get(id)?.mentions ?? []).map((m) => m.text))].slice(0, 20);
      known = texts.some((t) => texts.some((u) => u !== t && ` ${u} `.includes(` ${t} `)));
      inferableMemo.set(id, known);
    }
    return known;
  };
  found.push(
    ...findPronounReferences(layer, { anchors, genderOf: withDescriptors(byId, genderOf), inferable }),
  );
  for (const { entity, reference } of found) {
    const e = byId.get(entity);
    if (!e) continue;
    if (e.references) e.references.push(reference);
    else e.references = [reference];
  }
  for (const e of entities) e.references?.sort((a, b) => a.start - b.start);
}
