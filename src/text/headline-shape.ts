/**
 * A headline that asks or explains rather than reports: a question ("Should the council sell the dam?",
 * "Dam sale: is this the end of the valley's farms?") or an explainer opening ("Why the dam failed",
 * "How the valley lost its water", "What the ruling means"). It names the debate around an event, not the
 * event, so it names a story only when no report headline does. On the 85 multi-outlet stories of an
 * allsides library of one month (678 articles) 8 titles were of this kind ("Why <judge> upheld …" over five
 * straight reports of the ruling). Case matters: "WHO says …" is the agency, not a question word.
 */
const QUESTION_END = /\?\s*["'”’]?\s*$/;
const EXPLAINER_OPENING = /^\s*(?:Why|How|What)\s/;

export function asksRatherThanReports(title: string): boolean {
  return QUESTION_END.test(title) || EXPLAINER_OPENING.test(title);
}
