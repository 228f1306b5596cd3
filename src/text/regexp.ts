/** `text` as a regular-expression source that matches it literally ("U.S. (D-N.Y.)" → "U\.S\. \(D-N\.Y\.\)"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
