// The report's and the web app's colours in both themes: the text colour pairs a reader meets most are
// checked against WCAG AA (4.5:1 for normal text), and the dark theme is only a screen theme.
import { describe, expect, it } from 'vitest';
import { DARK_STYLE } from '../src/report/html/dark-style.js';
import { STYLE } from '../src/report/html/style.js';

/** The custom properties set in the first `:root { … }` of a stylesheet. */
function variables(css: string): Map<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return new Map(
    [...block.matchAll(/(--[\w-]+):\s*#([0-9a-f]{6}|[0-9a-f]{3})\b/gi)].map((m) => {
      const hex = m[2] ?? '';
      // #fff is #ffffff.
      return [m[1] ?? '', `#${hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex}`];
    }),
  );
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background, as the pages use them. */
const PAIRS: [string, string][] = [
  ['--ink', '--bg'],
  ['--ink', '--card'],
  ['--ink-2', '--card'],
  ['--muted', '--card'],
  ['--muted', '--bg'],
  ['--accent', '--card'],
  ['--accent', '--accent-soft'],
  ['--on-accent', '--accent'],
  ['--neg-ink', '--neg-bg'],
  ['--neu-ink', '--neu-bg'],
  ['--pos-ink', '--pos-bg'],
  ['--warn-ink', '--warn-bg'],
];

describe('colour contrast', () => {
  it('WCAG AA holds for the text pairs of both themes', () => {
    const light = variables(STYLE);
    const dark = new Map([...light, ...variables(DARK_STYLE)]);
    const failures: string[] = [];
    for (const [name, theme] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      for (const [fg, bg] of PAIRS) {
        const [a, b] = [theme.get(fg), theme.get(bg)];
        expect(a, `${name} ${fg}`).toBeDefined();
        expect(b, `${name} ${bg}`).toBeDefined();
        const ratio = contrast(a as string, b as string);
        if (ratio < 4.5) failures.push(`${name}: ${fg} ${a} on ${bg} ${b} is ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('outlet colours of the dark theme read on the dark card', () => {
    const card = variables(DARK_STYLE).get('--card') as string;
    const outlets = [...DARK_STYLE.matchAll(/\.o\d \{ --c: (#[0-9a-f]{6}); \}/g)].map((m) => m[1] as string);
    expect(outlets).toHaveLength(8);
    for (const c of outlets) expect(contrast(c, card), c).toBeGreaterThanOrEqual(4.5);
  });

  it('the dark theme is for screens: print keeps dark ink on white', () => {
    expect(DARK_STYLE).toContain('@media screen and (prefers-color-scheme: dark)');
    expect(STYLE.indexOf(DARK_STYLE)).toBeGreaterThan(STYLE.indexOf('@media print'));
  });

  it('quoted ratios', () => {
    // The figures the dark theme's comment quotes.
    expect(contrast('#e4e8ee', '#1a1f28').toFixed(1)).toBe('13.4');
    expect(contrast('#9aa4b4', '#1a1f28').toFixed(1)).toBe('6.6');
    expect(contrast('#ffa39b', '#3a1d1c').toFixed(1)).toBe('8.0');
  });
});
