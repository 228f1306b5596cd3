// The dark theme, for readers whose system asks for one (prefers-color-scheme: dark). It re-colours the
// variables every rule reads (style.ts, the web app's pages, the spread panel), so most rules need nothing
// here; the few that put white text on an accent or the ink colour get their own line. Every text colour
// pair below was checked against WCAG AA (4.5:1 for body text; test/dark-mode.test.ts recomputes them):
// for example ink #e4e8ee on card #1a1f28 is 13.4:1, muted #9aa4b4 on card 6.6:1, the negative tone's
// ink #ffa39b on its background #3a1d1c 8.0:1. Screens only: a printed page stays dark ink on white paper.
export const DARK_STYLE = `
@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #e4e8ee; --ink-2: #c3cad5; --muted: #9aa4b4; --line: #353e4c; --line-2: #283039;
    --bg: #11151b; --card: #1a1f28; --accent: #86a9ff; --accent-soft: #1f2a42;
    --neg-bg: #3a1d1c; --neg-ink: #ffa39b; --neg-line: #6b302b;
    --neu-bg: #262d37; --neu-ink: #c9d0da; --neu-line: #3d4654;
    --pos-bg: #15301f; --pos-ink: #82d89c; --pos-line: #2d5b3b;
    --warn-bg: #32270f; --warn-ink: #f2c46a; --warn-line: #6a5120;
    --mark: #f3d46a; --soft: #20262f; --hover: #232a34; --on-accent: #0e1421; --absent: #4b5463;
    --bar-bg: rgba(26, 31, 40, .94); --exclusive-bg: #1c2231; --field-line: #4a5566; --accent-line: #34486f;
    color-scheme: dark;
  }
  .o0 { --c: #86a9ff; } .o1 { --c: #f2a35f; } .o2 { --c: #bb95ff; } .o3 { --c: #4fc6d6; }
  .o4 { --c: #f284b8; } .o5 { --c: #a3a6ff; } .o6 { --c: #dcb65e; } .o7 { --c: #aab7c9; }
  /* A highlight stays a bright marker with dark words on it, as on paper. */
  mark, ins { color: #1c2330; }
  ins { background: #f3d46a; box-shadow: inset 0 -2px 0 #b78f1f; }
  del { color: #a4adbb; }
  .badge.opinion { background: #30243d; color: #d7bdf0; }
  .badge.related { background: #2a2a24; color: #d0cdbd; border-color: #6b6856; }
  .messages code { background: rgba(0, 0, 0, .3); }
  .story-picker { background: #0b0e13; }
  .story-picker button[aria-pressed="true"] { background: var(--ink); color: #0b0e13; }
  .back { background: var(--accent); color: var(--on-accent); }
  .card, .table-wrap { box-shadow: none; }
  .uncertain { background-image: linear-gradient(90deg, rgba(243, 212, 106, .16), rgba(243, 212, 106, 0) 40%); }
}
`;
