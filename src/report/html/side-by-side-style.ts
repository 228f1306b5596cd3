// The stylesheet of the side-by-side panels (side-by-side.ts, side-by-side-client.ts), appended to the
// report's. A panel row is the outlet's chip and date on the left, its sentence on the right; below 700px
// the chip and date go above the sentence. Marks look like the quote diff's added words, so one colour
// means "only here" across the page; a changed figure, negation or name is bolder and deeper. "⁺ adds detail"
// under a chip is in the accent colour of the matrix's marks.
export const SIDE_BY_SIDE_STYLE = `
/* Evidence side by side */
.side-open { cursor: pointer; }
.facts tbody th .fact-text.side-open { font: inherit; font-weight: 450; padding: 0; }
.side-hint { display: inline-block; margin-left: 6px; font-family: var(--sans); font-size: 11.5px; font-weight: 600; line-height: 1.5; color: var(--accent); background: var(--accent-soft); border-radius: 999px; padding: 0 7px; white-space: nowrap; }
.side-open[aria-expanded="true"] .side-hint { background: var(--accent); color: var(--on-accent); }
.side-button { border: 1px solid var(--line); background: var(--card); border-radius: 999px; padding: 1px 3px 1px 10px; font-size: 12px; font-weight: 600; color: var(--accent); white-space: nowrap; }
.side-button:hover { border-color: var(--accent); }
.disc .note .side-button { margin-left: 8px; }
.facts .side-tr > td { padding: 0; text-align: left; vertical-align: top; background: var(--soft); }
.side { position: sticky; left: 0; max-width: 100%; padding: 10px 16px 12px; text-align: left; }
.side[hidden], .side-tr[hidden] { display: none; }
.quote .side, .disc .side { grid-column: 1 / -1; margin: 4px 0 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--soft); max-width: none; }
.side-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }
.side-title { margin: 0 0 6px; font-size: 12.5px; color: var(--muted); font-weight: 400; }
.side-close { border: 0; background: none; font-size: 20px; line-height: 1; cursor: pointer; color: var(--muted); padding: 0 4px; }
.side-close:hover { color: var(--ink); }
.side-rows { list-style: none; margin: 0; padding: 0; }
.side-row { display: grid; grid-template-columns: 170px minmax(0, 1fr); gap: 4px 16px; padding: 9px 0; border-top: 1px solid var(--line-2); }
.side-who { display: flex; flex-direction: column; align-items: flex-start; gap: 3px; min-width: 0; }
.side-date { font-size: 12px; color: var(--muted); font-weight: 400; }
.side-detail { font-size: 11.5px; font-weight: 600; color: var(--accent); }
.side-text { margin: 0; font-family: var(--serif); font-size: 16px; line-height: 1.55; font-weight: 400; overflow-wrap: break-word; }
.side-ctx { color: var(--muted); }
mark.diff { background: #fff0b0; box-shadow: inset 0 -2px 0 #e8c547; border-radius: 2px; padding: 0 1px; color: #1c2330; }
mark.diff.changed { background: #ffd66b; box-shadow: inset 0 -2px 0 #b77a00; font-weight: 700; }
@media (max-width: 700px) {
  /* A discrepancy's title, values and note one under another, so its panel gets the screen's width. */
  .disc { grid-template-columns: minmax(0, 1fr); }
  .side { padding: 8px 12px 10px; }
  .side-row { grid-template-columns: minmax(0, 1fr); }
  .side-who { flex-direction: row; align-items: baseline; gap: 8px; }
}
@media print { .side { position: static; width: auto !important; } .side-close { display: none; } mark.diff { box-shadow: none; text-decoration: underline; } }
`;
