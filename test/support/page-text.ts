// What a reader sees of a web app page, for tests that check wording rather than markup.

/** The text of the page's main part, tags dropped and white space collapsed. */
export function mainText(page: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
