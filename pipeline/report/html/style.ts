/** The report's stylesheet: inline, so report.html is one file that opens from disk. */
export const STYLE = String.raw`
:root {
  --bg: #f6f6f3; --surface: #fff; --ink: #1d2127; --muted: #667085; --faint: #98a2b3; --line: #e4e5e1;
  --accent: #4338ca; --accent-soft: #eef0ff;
  --clean: #1f7a4d; --degraded: #c2412d; --skipped: #7b8494;
  --read: #64748b; --normalize: #0b6fa4; --boilerplate: #b45309; --restore: #7c3aed;
  --read-t: #eef1f5; --normalize-t: #e3f1fa; --boilerplate-t: #fdf0dc; --restore-t: #f1eafe;
  --ui: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  --serif: Charter, "Iowan Old Style", "Source Serif Pro", Georgia, Cambria, "DejaVu Serif", serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 120px; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 var(--ui); -webkit-font-smoothing: antialiased; }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
kbd { font: 11px var(--mono); border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fafafa; color: var(--muted); }
h1, h2, h3 { margin: 0; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 15px; }
.muted { color: var(--muted); }
.mono { font-family: var(--mono); font-size: 12px; }

/* Top bar: brand, filters, decisions. */
.top { position: sticky; top: 0; z-index: 20; background: rgba(255,255,255,.94); backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
.top-in { max-width: 1480px; margin: 0 auto; padding: 10px 24px; display: flex; align-items: center; gap: 18px; flex-wrap: wrap; }
.brand { display: flex; align-items: baseline; gap: 8px; }
.brand b { font-size: 18px; letter-spacing: -0.02em; }
.brand b i { font-style: normal; color: var(--accent); }
.filters { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; flex: 1; }
.on-overview .filters { opacity: .4; pointer-events: none; }
.fl { font-size: 12px; color: var(--muted); margin: 0 4px 0 10px; }
.stage-tog { display: inline-flex; align-items: center; gap: 5px; border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 2px 10px 2px 8px; font-size: 12.5px; user-select: none; }
.stage-tog input { display: none; }
.stage-tog .dot { width: 9px; height: 9px; border-radius: 50%; }
.stage-tog.off { opacity: .45; }
.stage-tog.off .dot { background: transparent !important; box-shadow: inset 0 0 0 1.5px currentColor; }
input[type=range] { width: 110px; accent-color: var(--accent); vertical-align: middle; }
.conf-val { font: 12px var(--mono); min-width: 2.6em; display: inline-block; }
.switch { display: inline-flex; align-items: center; gap: 6px; font-size: 12.5px; user-select: none; }
.switch input { accent-color: var(--accent); }
.decide { display: flex; align-items: center; gap: 10px; }
.pill { font-size: 12px; color: var(--muted); }
.pill b { color: var(--ink); }
.btn { border: 1px solid var(--line); background: #fff; border-radius: 8px; padding: 5px 12px; font-size: 13px; }
.btn:hover { border-color: #c9ccd3; background: #fafafa; }
.btn.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 550; }
.btn.primary:hover { background: #3730a3; }
.btn.small { padding: 2px 9px; font-size: 12px; border-radius: 6px; }
.seg { display: inline-flex; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: #fff; }
.seg button { border: 0; background: none; padding: 4px 11px; font-size: 12.5px; color: var(--muted); }
.seg button + button { border-left: 1px solid var(--line); }
.seg button.on { background: var(--accent-soft); color: var(--accent); font-weight: 600; }

main { max-width: 1480px; margin: 0 auto; padding: 22px 24px 80px; }

/* Overview. */
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 16px; margin-bottom: 22px; }
.card { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; }
.card h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; margin-bottom: 10px; }
.big { font-size: 30px; font-weight: 700; letter-spacing: -0.03em; line-height: 1.1; }
.stack { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: #eee; margin: 12px 0 10px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.sw { width: 9px; height: 9px; border-radius: 2px; display: inline-block; }
.hbars { display: grid; grid-template-columns: auto 1fr auto; gap: 6px 10px; align-items: center; font-size: 13px; }
.hbar { height: 8px; border-radius: 4px; min-width: 2px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; gap: 6px; align-items: center; border-radius: 999px; padding: 1px 9px; font-size: 12px; background: #f1f2f4; color: #39404d; }
.chip b { font-weight: 650; }
.hist { display: flex; align-items: flex-end; gap: 4px; height: 92px; padding-top: 14px; }
.hist .col { flex: 1; display: flex; flex-direction: column-reverse; height: 100%; position: relative; }
.hist .col .n { position: absolute; top: -15px; width: 100%; text-align: center; font-size: 10px; color: var(--muted); }
/* Neutral greys, not a stage's colour: the histogram counts changes of every stage. */
.hist .ap, .sw.hist-ap { background: #475467; border-radius: 0 0 2px 2px; }
.hist .su, .sw.hist-su { background: repeating-linear-gradient(45deg, #98a2b3 0 3px, #e4e7ec 3px 6px); border-radius: 2px 2px 0 0; }
.hist-axis { display: flex; justify-content: space-between; font-size: 10.5px; color: var(--faint); margin-top: 4px; }

.tablecard { padding: 0; overflow: hidden; }
.tablehead { display: flex; gap: 12px; align-items: center; padding: 14px 18px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.tablehead h2 { font-size: 15px; text-transform: none; letter-spacing: -0.01em; color: var(--ink); margin: 0; }
.tablehead input[type=search] { border: 1px solid var(--line); border-radius: 8px; padding: 5px 10px; min-width: 240px; margin-left: auto; }
table.docs { width: 100%; border-collapse: collapse; font-size: 13.5px; }
table.docs th { text-align: left; font-weight: 600; font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); padding: 8px 14px; background: #fbfbfa; border-bottom: 1px solid var(--line); }
table.docs td { padding: 8px 14px; border-bottom: 1px solid #f0f0ee; vertical-align: middle; }
table.docs tr.row { cursor: pointer; }
table.docs tr.row:hover td { background: #f8f8ff; }
table.docs td.num, table.docs th.num { text-align: right; font-variant-numeric: tabular-nums; }
.path { font-weight: 550; word-break: break-all; }
.badge { display: inline-block; border-radius: 6px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.badge.clean { background: #e5f4ec; color: var(--clean); }
.badge.degraded { background: #fbe9e5; color: var(--degraded); }
.badge.skipped { background: #eef0f3; color: var(--skipped); }
.score { display: inline-flex; align-items: center; gap: 8px; font: 12px var(--mono); }
.score i { display: inline-block; width: 60px; height: 6px; border-radius: 3px; background: #eceef1; overflow: hidden; }
.score i b { display: block; height: 100%; }

/* Document view. */
.docbar { display: flex; align-items: center; gap: 14px; flex-wrap: wrap; margin-bottom: 14px; }
.docbar h1 { font-size: 19px; word-break: break-all; }
.docmeta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; color: var(--muted); font-size: 13px; }
.docgrid { display: grid; grid-template-columns: minmax(0, 1fr) 390px; gap: 20px; align-items: start; }
.textcard { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; }
.toolbar { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; padding: 10px 16px; border-bottom: 1px solid var(--line); font-size: 12.5px; }
.toolbar .sp { flex: 1; }
.margin-legend { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); }
.margin-legend[hidden] { display: none; }
.margin-legend i { width: 54px; height: 6px; border-radius: 3px; background: linear-gradient(90deg, hsl(140 55% 45%), hsl(45 90% 50%), hsl(8 75% 50%)); }
.doctext { position: relative; padding: 22px 34px 34px 40px; font: 16.5px/1.72 var(--serif); white-space: pre-wrap; overflow-wrap: break-word; max-width: 60rem; }
.bars { position: absolute; left: 14px; top: 0; width: 8px; height: 100%; pointer-events: none; }
.bars div { position: absolute; left: 0; width: 6px; border-radius: 3px; pointer-events: auto; cursor: help; opacity: .85; }
.bars div:hover { opacity: 1; width: 8px; left: -1px; }
.sm, .se { font-style: normal; }

.chg { border-radius: 3px; cursor: pointer; padding: 0 1px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.chg del, .chg ins { text-decoration: none; }
.chg.acc del { text-decoration: line-through; text-decoration-thickness: 1.5px; opacity: .72; }
.chg.acc ins { font-weight: 600; border-radius: 2px; }
.chg.rej ins { text-decoration: line-through; opacity: .45; font-size: .88em; }
.chg.rej del { text-decoration: underline dotted 1.5px; text-underline-offset: 3px; }
.doctext .chg del + ins, .ctx .chg del + ins { margin-left: 2px; }
.chg .ws, .ba .ws { color: var(--faint); font-family: var(--mono); font-size: .8em; }
.st-read { --c: var(--read); --t: var(--read-t); }
.st-normalize { --c: var(--normalize); --t: var(--normalize-t); }
.st-boilerplate { --c: var(--boilerplate); --t: var(--boilerplate-t); }
.st-restore { --c: var(--restore); --t: var(--restore-t); }
.chg del { color: var(--c); }
.chg ins { color: var(--ink); background: var(--t); box-shadow: inset 0 -2px 0 var(--c); }
.chg.rej ins { box-shadow: none; background: none; color: var(--c); }
/* Not by colour alone: a normalization's new text is underlined with dots, a restoration's with a line. */
.chg.st-normalize ins { box-shadow: none; text-decoration: underline dotted 2px var(--c); text-underline-offset: 3px; }
.chg.st-normalize.rej ins { text-decoration: line-through; }
/* A suggestion not taken: its proposal in faded italics, not struck out as if deleted. */
.chg.sugg.rej ins { text-decoration: none; font-style: italic; }
.chg.sugg { outline: 1.5px dashed var(--c); outline-offset: 1px; }
.chg.sugg::after { content: "?"; font: 700 10px var(--ui); color: #fff; background: var(--c); border-radius: 50%; display: inline-block; width: 13px; height: 13px; line-height: 13px; text-align: center; vertical-align: super; margin-left: 2px; }
.chg.ovl { font-size: .85em; opacity: .9; }
.chg.sel { outline: 2.5px solid var(--c); outline-offset: 2px; background: var(--t); }
.chg.hide-b del, .chg.hide-a ins { display: none; }
mark.srchl, .chg.inhl { background: #fff2a8; box-shadow: 0 0 0 2px #fff2a8; border-radius: 2px; }

.split { display: grid; grid-template-columns: 1fr 1fr; font: 15px/1.65 var(--serif); }
.split .hd { font: 600 11.5px var(--ui); text-transform: uppercase; letter-spacing: .05em; color: var(--muted); padding: 8px 18px; border-bottom: 1px solid var(--line); background: #fbfbfa; }
.split .cell { padding: 6px 18px; white-space: pre-wrap; overflow-wrap: break-word; border-bottom: 1px solid #f3f3f1; }
.split .cell.l { border-right: 1px solid var(--line); }
.split .cell.chgd { background: #fdfdfb; }
.split .l .chg ins { display: none; }
.split .l .chg.acc del { text-decoration: line-through; background: #fdeceb; color: #a4291c; opacity: 1; }
.split .r .chg.acc del { display: none; }
.split .r .chg.acc.noa { display: none; }
.split .chg { padding: 0; }
.split .r .chg.rej ins { display: none; }
.split .r .chg.rej del { color: inherit; text-decoration: underline dotted 1.5px var(--c); }
.split .r .chg.acc ins { background: #e4f5ea; box-shadow: inset 0 -2px 0 #2f9e5b; font-weight: 500; }
/* A change the filters hide: its decided text, unmarked (overrides every view's marks). */
.chg.hid, .split .chg.hid { cursor: auto; pointer-events: none; background: none; box-shadow: none; padding: 0; }
.chg.hid del, .chg.hid ins, .split .l .chg.hid del, .split .r .chg.hid del, .split .r .chg.hid ins { color: inherit; background: none; box-shadow: none; text-decoration: none; font-weight: inherit; font-size: inherit; opacity: 1; margin: 0; }
.chg.hid.acc del, .chg.hid.rej ins, .split .r .chg.hid.acc del, .split .r .chg.hid.rej ins, .split .l .chg.hid ins { display: none; }
.split .l .chg.hid del, .split .r .chg.hid.rej del { display: inline; }
.hiddennote { font: 12px var(--ui); color: var(--muted); padding: 6px 18px; border-bottom: 1px solid var(--line); background: #fbfbfa; }
.split .gap { grid-column: 1 / -1; text-align: center; color: var(--faint); font: 12px var(--ui); padding: 2px; background: #fafaf8; border-bottom: 1px solid #f3f3f1; }

/* Detail panel. */
.panel { position: sticky; top: 76px; max-height: calc(100vh - 96px); overflow: auto; background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; font-size: 13.5px; }
.panel h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 16px 0 6px; font-weight: 600; }
.panel .head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.stage-badge { color: #fff; background: var(--c); border-radius: 6px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.reason { font-weight: 650; font-size: 15px; }
.sugg-badge { border: 1.5px dashed var(--c); color: var(--c); border-radius: 6px; padding: 0 7px; font-size: 12px; font-weight: 600; }
.nav-pos { margin-left: auto; font-size: 12px; color: var(--muted); }
.meter { display: flex; align-items: center; gap: 10px; margin-top: 12px; }
.meter i { flex: 1; height: 7px; border-radius: 4px; background: #eceef1; overflow: hidden; }
.meter i b { display: block; height: 100%; background: var(--c); }
.meter span { font: 600 13px var(--mono); }
.ba { display: grid; grid-template-columns: 1fr; gap: 6px; margin-top: 12px; }
.ba div { border-radius: 8px; padding: 7px 10px; font: 15px/1.5 var(--serif); white-space: pre-wrap; overflow-wrap: break-word; }
.ba .b { background: #fdf0ee; }
.ba .a { background: #eaf6ef; }
.ba small { display: block; font: 600 10.5px var(--ui); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.ba .empty { color: var(--faint); font-style: italic; }
.decision { display: flex; gap: 8px; margin-top: 14px; }
.decision button { flex: 1; border: 1.5px solid var(--line); background: #fff; border-radius: 9px; padding: 7px; font-weight: 600; font-size: 13px; }
.decision button.on.yes { background: #e5f4ec; border-color: #2f9e5b; color: #1d6b40; }
.decision button.on.no { background: #fbe9e5; border-color: #d0543f; color: #9c2f1f; }
.evidence { line-height: 1.55; color: #2d333c; }
.src { border-left: 3px solid var(--c); background: var(--t); border-radius: 0 8px 8px 0; padding: 8px 11px; font: 15px/1.5 var(--serif); white-space: pre-wrap; }
.src mark { background: #ffe27a; border-radius: 2px; padding: 0 1px; }
.srcmeta { font-size: 12px; color: var(--muted); margin-top: 6px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.ctx { font: 14.5px/1.6 var(--serif); color: #3a404a; white-space: pre-wrap; overflow-wrap: break-word; }
.ctx .chg { cursor: default; }
.idline { margin-top: 16px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--faint); display: flex; justify-content: space-between; }
.keys { font-size: 12px; color: var(--muted); line-height: 2; }
.empty-panel p { color: var(--muted); margin: 6px 0 12px; }
.statgrid { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; font-size: 13px; }

.toast { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); background: #1d2127; color: #fff; padding: 8px 16px; border-radius: 10px; font-size: 13px; box-shadow: 0 6px 24px rgba(0,0,0,.2); opacity: 0; transition: opacity .2s; pointer-events: none; z-index: 50; }
.toast.show { opacity: 1; }
.help { position: fixed; inset: 0; background: rgba(20,22,28,.35); display: none; align-items: center; justify-content: center; z-index: 60; }
.help.show { display: flex; }
.help > div { background: #fff; border-radius: 14px; padding: 22px 26px; min-width: 340px; box-shadow: 0 20px 60px rgba(0,0,0,.25); }
.help table td { padding: 3px 12px 3px 0; }
.hlnote { display: flex; align-items: center; gap: 10px; margin-bottom: 14px; padding: 10px 16px; font-size: 13px; }
.hlnote .btn { margin-left: auto; }
.nochanges { padding: 30px; color: var(--muted); text-align: center; font: 14px var(--ui); }
/* Narrow windows: the top bar scrolls away (wrapped, it would cover the text) and the
   panel sits at the foot of the window, so a change's evidence stays in view. */
@media (max-width: 1000px) {
  .top { position: static; background: var(--surface); }
  .docgrid { grid-template-columns: 1fr; }
  .panel { position: sticky; top: auto; bottom: 0; max-height: 42vh; box-shadow: 0 -6px 18px rgba(0,0,0,.08); }
}
.nowrap { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
`;
