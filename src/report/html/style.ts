// The page's stylesheet, inlined. Light theme, system fonts, one accent; outlet colours (.o0–.o7) avoid the
// reds and greens the tone pills use, so an outlet chip is never read as a judgement. Widths are tuned for
// 1280px screens and hold down to ~900px, where matrices scroll sideways inside their cards. The dark
// theme (dark-style.ts) comes last so its variables and rules win.
import { DARK_STYLE } from './dark-style.js';

export const STYLE = `
:root {
  --ink: #1c2330; --ink-2: #465163; --muted: #646e80; --line: #dfe3ea; --line-2: #edf0f4;
  --bg: #f5f6f8; --card: #ffffff; --accent: #2b59c3; --accent-soft: #e9effb;
  --neg-bg: #fdeceb; --neg-ink: #a1261f; --neg-line: #f2c5c1;
  --neu-bg: #eef1f5; --neu-ink: #414c5e; --neu-line: #d6dce5;
  --pos-bg: #e4f3e8; --pos-ink: #1f6637; --pos-line: #b9dfc5;
  --warn-bg: #fff4dc; --warn-ink: #8a5300; --warn-line: #f0d39a;
  --mark: #ffe27a; --soft: #fafbfc; --hover: #f8f9fb; --on-accent: #fff; --absent: #c3c9d3;
  --bar-bg: rgba(255, 255, 255, .94); --exclusive-bg: #fbfcff; --field-line: #b9c1cd; --accent-line: #c9d6f3;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  --serif: "Iowan Old Style", "Palatino Linotype", Charter, Georgia, "DejaVu Serif", serif;
  --radius: 10px;
  color-scheme: light dark;
}
.o0 { --c: #2459c4; } .o1 { --c: #b25600; } .o2 { --c: #7436d1; } .o3 { --c: #087384; }
.o4 { --c: #b3246a; } .o5 { --c: #3d3fae; } .o6 { --c: #7d5a12; } .o7 { --c: #4b5a70; }
*, *::before, *::after { box-sizing: border-box; }
html { scroll-behavior: auto; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 var(--sans); -webkit-font-smoothing: antialiased; }
button { font: inherit; color: inherit; }
a { color: var(--accent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 32px; }
.sep { color: #b4bcc8; margin: 0 8px; }

/* Header */
.hero { background: var(--card); border-bottom: 1px solid var(--line); padding: 34px 0 26px; }
.eyebrow { margin: 0 0 6px; font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
.hero h1 { margin: 0; font-size: 30px; line-height: 1.2; letter-spacing: -.01em; max-width: 900px; }
.meta { margin: 10px 0 0; color: var(--muted); }
.outlet-cards { list-style: none; margin: 22px 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.outlet-card { width: 100%; height: 100%; display: flex; flex-direction: column; gap: 2px; text-align: left; cursor: pointer;
  background: var(--card); border: 1px solid var(--line); border-top: 3px solid var(--c); border-radius: 8px; padding: 10px 14px 12px; }
.outlet-card:hover { border-color: var(--c); box-shadow: 0 2px 8px rgba(20, 30, 50, .08); }
.outlet-card .name { font-weight: 650; color: var(--c); }
.outlet-card .date { font-size: 13px; color: var(--muted); }
.outlet-card .headline { font-size: 13.5px; color: var(--ink-2); margin-top: 4px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.undated { color: var(--warn-ink) !important; font-style: italic; }
.stats { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 22px 0 0; }
.stats div { display: flex; flex-direction: column-reverse; }
.stats dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.stats dd { margin: 0; }
.stats strong { font-size: 22px; font-weight: 650; }
.stats dd span { color: var(--muted); font-size: 13px; margin-left: 4px; }

/* Navigation bar */
.bar { position: sticky; top: 0; z-index: 20; background: var(--bar-bg); backdrop-filter: saturate(1.4) blur(8px); border-bottom: 1px solid var(--line); }
.bar-inner { display: flex; align-items: center; justify-content: space-between; gap: 12px 24px; min-height: 50px; flex-wrap: wrap; padding-top: 6px; padding-bottom: 6px; }
.sections { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px; }
.sections a { display: inline-flex; align-items: center; gap: 5px; padding: 5px 8px; font-size: 14px; border-radius: 6px; color: var(--ink-2); text-decoration: none; font-weight: 500; }
.sections a:hover { background: var(--line-2); color: var(--ink); }
.count { font-size: 11px; font-weight: 600; color: var(--muted); background: var(--line-2); border-radius: 999px; padding: 1px 7px; }
.filter { display: flex; align-items: center; flex-wrap: wrap; gap: 6px; }
.filter-label { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; margin-right: 2px; }
.filter .chip { padding: 2px 8px 2px 7px; font-size: 11.5px; }
.filter-clear { border: 0; background: none; color: var(--accent); cursor: pointer; font-size: 13px; padding: 4px 6px; }
.filter-clear[hidden] { display: none; }
.chip.toggle[aria-pressed="true"] { background: var(--c); color: var(--card); border-color: var(--c); }
.chip.toggle[aria-pressed="true"]::before { background: var(--card); }

/* Sections */
main { padding-bottom: 80px; }
.section { padding-top: 40px; scroll-margin-top: 56px; }
.section-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px 32px; margin-bottom: 16px; flex-wrap: wrap; }
.section-head h2 { margin: 0; font-size: 21px; letter-spacing: -.01em; display: flex; align-items: center; gap: 8px; }
.section-head h2 .count { font-size: 12px; letter-spacing: 0; }
.lede { margin: 4px 0 0; color: var(--muted); max-width: 72ch; font-size: 14px; }
.subhead { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 26px 0 10px; font-weight: 600; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 1px 2px rgba(20, 30, 50, .04); }
.empty { color: var(--muted); font-style: italic; }

/* Chips, pills, badges */
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 9px 3px 8px; border-radius: 999px; cursor: pointer; white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis;
  font-size: 12px; font-weight: 600; line-height: 1.3; color: var(--c);
  background: color-mix(in srgb, var(--c) 8%, var(--card)); border: 1px solid color-mix(in srgb, var(--c) 30%, var(--card)); }
.chip::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: var(--c); flex: none; }
.chip:hover { background: color-mix(in srgb, var(--c) 16%, var(--card)); }
.cites { display: inline-flex; flex-wrap: wrap; gap: 4px; vertical-align: 1px; }
.pill { display: inline-block; padding: 2px 9px; border-radius: 6px; border: 1px solid; cursor: pointer; font-size: 13px; line-height: 1.45; text-align: left; }
.pill::before { margin-right: 5px; font-size: 11px; opacity: .8; }
.pill.static { cursor: default; font-size: 12px; }
.tone-negative { background: var(--neg-bg); color: var(--neg-ink); border-color: var(--neg-line); }
.tone-neutral { background: var(--neu-bg); color: var(--neu-ink); border-color: var(--neu-line); }
.tone-positive { background: var(--pos-bg); color: var(--pos-ink); border-color: var(--pos-line); }
.tone-negative::before { content: "⊖"; } .tone-neutral::before { content: "○"; } .tone-positive::before { content: "⊕"; }
button.pill:hover { filter: brightness(.96); box-shadow: 0 1px 3px rgba(20, 30, 50, .12); }
.legend { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.badge { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: var(--line-2); color: var(--ink-2); text-decoration: none; white-space: nowrap; }
.badge.opinion { background: #efe7f6; color: #5b3a7a; margin-left: 6px; vertical-align: middle; }
.badge.warn { background: var(--warn-bg); color: var(--warn-ink); border: 1px solid var(--warn-line); }
.badge.alert { background: var(--neg-bg); color: var(--neg-ink); border: 1px solid var(--neg-line); }
.badge.excl { background: var(--accent-soft); color: var(--accent); }
.badge.related { background: #f1f1ec; color: #5d5b4f; border: 1px dashed #b9b6a4; margin-left: 6px; vertical-align: middle; }
a.badge:hover { text-decoration: underline; }
.linklike { border: 0; background: none; padding: 0; text-align: left; cursor: pointer; color: var(--ink); }
.linklike:hover { color: var(--accent); text-decoration: underline; text-decoration-color: color-mix(in srgb, var(--accent) 40%, transparent); text-underline-offset: 3px; }
.actor-meta { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }

/* Digest */
.digest { margin: 0; padding: 8px 24px 8px 48px; }
.digest li { padding: 10px 0; border-bottom: 1px solid var(--line-2); font-size: 16px; line-height: 1.6; }
.digest li:last-child { border-bottom: 0; }
.digest li::marker { color: var(--muted); font-size: 13px; }
.digest .sentence { margin-right: 6px; }

/* Matrices */
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 1px 2px rgba(20, 30, 50, .04); }
.matrix { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { padding: 11px 14px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line-2); overflow-wrap: break-word; hyphens: auto; }
.matrix tbody th { position: sticky; left: 0; z-index: 1; background: var(--card); }
.matrix td .pill { max-width: 100%; overflow-wrap: anywhere; }
.more-rows { margin-top: 10px; }
.more-rows > summary, .more-cards > summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: 14px; padding: 6px 0; }
.more-rows > .table-wrap { margin-top: 8px; }
.more-cards { margin-top: 10px; }
.more-chips { position: relative; }
.more-chips > summary { list-style: none; cursor: pointer; font-size: 12px; font-weight: 600; color: var(--accent); padding: 2px 8px; border: 1px solid var(--line); border-radius: 999px; }
.more-chips > summary::-webkit-details-marker { display: none; }
.more-chips[open] .chip-pop { position: absolute; right: 0; top: 130%; z-index: 30; width: min(36rem, 90vw); display: flex; flex-wrap: wrap; gap: 6px; padding: 10px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 6px 18px rgba(20, 30, 50, .16); }
.matrix tbody tr:last-child > * { border-bottom: 0; }
.matrix thead th { background: var(--soft); border-bottom: 1px solid var(--line); font-weight: 600; }
.matrix thead .corner { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; vertical-align: bottom; }
.col-date { display: block; font-size: 11.5px; font-weight: 400; color: var(--muted); margin: 4px 0 0 2px; }
.matrix tbody th { font-weight: 600; }
.matrix td + td, .matrix th + td, .matrix thead th + th { border-left: 1px solid var(--line-2); }
.actors, .facts { table-layout: fixed; min-width: 820px; }
.actors .corner { width: 220px; }
.facts thead th:not(.corner) { width: 150px; }
.actors td .pill { margin: 0 4px 5px 0; }
.actor-name { font-weight: 650; }
.actors tbody th .badge { margin: 6px 4px 0 0; }
.mentioned { border: 1px dashed var(--line); background: none; border-radius: 6px; color: var(--muted); font-size: 12.5px; padding: 2px 8px; cursor: pointer; }
.mentioned:hover { color: var(--ink); border-color: var(--muted); }
.absent { color: var(--absent); }
.facts td { text-align: center; vertical-align: middle; }
.facts tbody th { font-weight: 450; }
.fact-text { margin-right: 8px; }
.facts tbody th .badge { margin: 2px 4px 0 0; }
.facts tr.exclusive > th { box-shadow: inset 3px 0 0 var(--accent); }
.facts tr.exclusive { background: var(--exclusive-bg); }
.check { width: 28px; height: 28px; border-radius: 50%; border: 1px solid color-mix(in srgb, var(--c) 30%, var(--card)); background: color-mix(in srgb, var(--c) 12%, var(--card)); color: var(--c); font-weight: 700; font-size: 14px; cursor: pointer; line-height: 1; }
.check:hover { background: var(--c); color: var(--card); }
.also ul { list-style: none; margin: 0; padding: 4px 20px; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(500px, 100%), 1fr)); gap: 0 40px;
  background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); }
.also li { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; padding: 9px 0; border-bottom: 1px solid var(--line-2); }
.also li:nth-last-child(-n+2) { border-bottom: 0; }
.also .actor-meta { display: inline; margin-right: auto; padding-left: 4px; }
.exclusives .excl-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 12px; }
.excl-card { padding: 12px 16px; }
.excl-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.plain { list-style: none; margin: 0; padding: 0; }
.excl-card li { padding: 6px 0; border-top: 1px solid var(--line-2); }

/* Quotes */
.diff-key { font-size: 13px; }
.quote-list { display: grid; gap: 14px; }
.quote { padding: 14px 20px 6px; }
.quote > header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; margin-bottom: 6px; }
.quote .speaker { font-weight: 650; font-size: 16px; }
.quote .actor-meta { display: inline; }
.quote .badges { display: inline-flex; gap: 6px; margin-left: auto; }
.variants { list-style: none; margin: 0; padding: 0; }
.variant { display: grid; grid-template-columns: 150px 1fr auto; gap: 14px; align-items: baseline; padding: 10px 8px; margin: 0 -8px; border-top: 1px solid var(--line-2); border-radius: 6px; cursor: pointer; }
.variant:hover { background: var(--hover); }
.variant .chip { justify-self: start; }
.variant q { font-family: var(--serif); font-size: 16.5px; line-height: 1.55; quotes: "“" "”"; }
.ref { font-size: 11.5px; color: var(--muted); white-space: nowrap; }
ins { text-decoration: none; background: #fff0b0; box-shadow: inset 0 -2px 0 #e8c547; border-radius: 2px; padding: 0 1px; }
del { color: #8a93a2; text-decoration: line-through; text-decoration-color: #b4453a; }

/* Discrepancies */
.disc-group { margin-bottom: 14px; overflow: hidden; }
.group-title { margin: 0; padding: 9px 20px; background: var(--soft); border-bottom: 1px solid var(--line); font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.group-title .count { margin-left: 4px; }
.disc { display: grid; grid-template-columns: minmax(180px, 1fr) minmax(280px, 1.7fr) minmax(180px, 1fr); gap: 8px 28px; align-items: start; padding: 14px 20px; scroll-margin-top: 70px; }
.disc + .disc { border-top: 1px solid var(--line-2); }
.disc:target { box-shadow: inset 3px 0 0 var(--accent); background: var(--accent-soft); }
.disc h4 { margin: 0; font-size: 14.5px; line-height: 1.45; font-weight: 600; }
.values { list-style: none; margin: 0; padding: 0; display: grid; gap: 7px; }
.values li { display: flex; align-items: flex-start; gap: 10px; }
.values .cites { flex: 1 0 150px; padding-top: 3px; }
.value { flex: 0 1 auto; font-weight: 600; background: var(--line-2); border: 1px solid var(--line); border-radius: 6px; padding: 2px 9px; cursor: pointer; text-align: left; max-width: 100%; }
.value:hover { border-color: var(--muted); }
.note { margin: 0; color: var(--muted); font-size: 13.5px; }

/* Timeline */
.timeline-card { padding: 10px 24px; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { display: grid; grid-template-columns: 120px 1fr; gap: 0 24px; }
.when { text-align: right; padding: 12px 0; font-weight: 600; font-variant-numeric: tabular-nums; color: var(--ink-2); overflow-wrap: anywhere; }
.what { position: relative; padding: 12px 0 12px 24px; border-left: 2px solid var(--line); display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 10px; }
.what::before { content: ""; position: absolute; left: -7px; top: 18px; width: 12px; height: 12px; border-radius: 50%; background: var(--card); border: 2px solid var(--accent); }
.timeline li:first-child .what { border-image: linear-gradient(transparent 18px, var(--line) 18px) 1; }
.timeline li:last-child .what { border-image: linear-gradient(var(--line) 24px, transparent 24px) 1; }
.entry { font-size: 15px; }

/* Articles */
.tabs { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
.tab { display: flex; flex-direction: column; align-items: flex-start; gap: 1px; max-width: 270px; padding: 8px 14px; text-align: left; cursor: pointer;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.tab-outlet { font-size: 12px; font-weight: 650; color: var(--c); }
.tab-title { font-size: 13px; color: var(--ink-2); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 240px; }
.tab[aria-selected="true"] { border-color: var(--c); box-shadow: inset 0 -3px 0 var(--c); }
.js .tab[aria-selected="false"] { opacity: .85; }
.article-views { display: grid; gap: 16px; }
.article-view { padding: 26px 36px 22px; border-top: 4px solid var(--c); scroll-margin-top: 70px;
  display: grid; grid-template-columns: minmax(0, 700px) minmax(220px, 1fr); gap: 0 48px; align-items: start; }
.article-view > header { grid-column: 1 / -1; }
.article-side h4 { margin: 0 0 8px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.in-article { margin: 0 0 12px; display: grid; gap: 4px; font-size: 13.5px; }
.in-article div { display: flex; justify-content: space-between; gap: 12px; border-bottom: 1px dotted var(--line); padding-bottom: 4px; }
.in-article dt { color: var(--muted); }
.in-article dd { margin: 0; font-variant-numeric: tabular-nums; }
.article-side { position: sticky; top: 70px; margin-top: 24px; padding: 14px 16px; background: var(--soft); border: 1px solid var(--line-2); border-radius: 8px; }
.article-view[hidden] { display: none; }
.outlet-name { margin: 0; font-weight: 650; color: var(--c); font-size: 13px; text-transform: uppercase; letter-spacing: .05em; }
.article-view h3 { margin: 4px 0 6px; font-size: 24px; line-height: 1.3; max-width: 34em; }
.article-meta { margin: 0; color: var(--muted); font-size: 13.5px; display: flex; flex-wrap: wrap; align-items: baseline; overflow-wrap: anywhere; }
.messages { margin: 10px 0 0; padding: 8px 12px; list-style: none; background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 8px; font-size: 13.5px; color: var(--warn-ink); }
.messages code { font-size: 12px; background: rgba(255, 255, 255, .6); padding: 0 4px; border-radius: 4px; }
.body { font-family: var(--serif); font-size: 17.5px; line-height: 1.7; margin-top: 20px; overflow-wrap: break-word; }
.body p { margin: 0 0 1em; }
.body h4 { font-family: var(--sans); font-size: 15px; margin: 1.4em 0 .5em; }
mark { background: var(--mark); color: inherit; border-radius: 2px; box-shadow: 0 0 0 2px var(--mark); }
mark.flash { animation: flash 1.4s ease-out 1; }
@keyframes flash { 0% { box-shadow: 0 0 0 6px #ffc93c; } 100% { box-shadow: 0 0 0 2px var(--mark); } }
.removed summary { cursor: pointer; color: var(--ink-2); font-weight: 600; font-size: 14px; }
.removed ul { list-style: none; margin: 10px 0 0; padding: 0; display: grid; gap: 10px; }
.removed li { display: flex; flex-direction: column; align-items: flex-start; gap: 3px; font-size: 13.5px; }
.reason { flex: none; font-size: 11.5px; font-weight: 600; color: var(--ink-2); background: var(--line-2); border-radius: 4px; padding: 1px 7px; }
.removed-text { color: var(--muted); overflow-wrap: anywhere; }
.removed.none { margin: 0; color: var(--muted); font-size: 13.5px; }

/* Findings the reader came from, the way back, the outlet filter */
.origin { outline: 2px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: 2px; }
.back { position: fixed; right: 24px; bottom: 24px; z-index: 30; border: 0; border-radius: 999px; padding: 10px 18px; background: var(--ink); color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(20, 30, 50, .25); }
.back[hidden] { display: none; }
.dim { opacity: .22; filter: grayscale(.7); transition: opacity .15s; }

/* Several stories */
.story-picker { background: var(--ink); color: #fff; }
.story-picker .wrap { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding-top: 10px; padding-bottom: 10px; }
.story-picker span { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; opacity: .75; margin-right: 6px; }
.story-picker button { border: 1px solid rgba(255, 255, 255, .3); background: none; color: #fff; border-radius: 999px; padding: 4px 12px; cursor: pointer; max-width: 360px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.story-picker button[aria-pressed="true"] { background: #fff; color: var(--ink); }
[data-story][hidden] { display: none; }
.page-foot { color: var(--muted); font-size: 12.5px; padding: 24px 0 40px; border-top: 1px solid var(--line); margin-top: 40px; }

@media (max-width: 1000px) {
  .wrap { padding: 0 18px; }
  .hero h1 { font-size: 25px; }
  .variant { grid-template-columns: 120px 1fr; }
  .variant .ref { grid-column: 2; }
  .timeline li { grid-template-columns: 92px 1fr; gap: 0 16px; }
  .article-view { padding: 20px 22px; grid-template-columns: minmax(0, 1fr); }
  .article-side { position: static; }
  .disc { grid-template-columns: 1fr 1.6fr; }
  .disc .note { grid-column: 1 / -1; }
}
@media (max-width: 700px) {
  /* A phone: the bar scrolls away with the page instead of keeping ten outlet chips over it, and the row
     names of a matrix take less of the screen's width. */
  .bar { position: static; }
  .actors .corner { width: 132px; }
  .matrix th, .matrix td { padding: 9px 10px; }
  /* Words are never cut: a matrix's columns grow to their longest word (auto layout) and the table scrolls
     inside its box instead, e.g. "Okonkwo-Reyes" breaks at its hyphen and "administration" stays whole. */
  .actors, .facts { table-layout: auto; }
  .matrix th, .matrix td, .matrix td .pill { overflow-wrap: normal; hyphens: manual; }
  .disc { grid-template-columns: minmax(0, 1fr); }
  .variant { grid-template-columns: minmax(0, 1fr); gap: 6px; }
  .variant .ref { grid-column: 1; }
  .timeline li { grid-template-columns: 84px minmax(0, 1fr); gap: 0 12px; }
}
@media (prefers-reduced-motion: reduce) { mark.flash { animation: none; } .dim { transition: none; } }
/* Permalinks: a finding opened by its address (/stories/12#fact-f3) is highlighted below the sticky bar. */
.permalink { margin-left: 6px; color: var(--muted); text-decoration: none; font-weight: 600; font-size: 13px; }
.permalink:hover, .permalink:focus-visible { color: var(--accent); text-decoration: underline; }
tr[id], article.quote[id] { scroll-margin-top: 90px; }
tr:target > th, tr:target > td { background: var(--accent-soft); }
tr:target > th { box-shadow: inset 3px 0 0 var(--accent); }
article.quote:target { box-shadow: 0 0 0 3px var(--accent); }
@media print { .bar, .back, .tabs { display: none; } .article-view[hidden] { display: block; }
  .permalink { display: none; }
  /* A citation chip prints its outlet's full name, not the short one or initials the screen has room for. */
  .chip[data-outlet] { font-size: 0; }
  .chip[data-outlet]::after { content: attr(data-outlet); font-size: 11px; } }
.more-note { color: var(--muted, #667085); font-size: 0.85rem; margin: 0.5rem 0 0; }
${DARK_STYLE}`;
