import { STYLE } from './style.js';
import { SCRIPT } from './script.js';

const HELP_KEYS: Array<[string, string]> = [
  ['j / n', 'next change (then the next document)'],
  ['k / p', 'previous change'],
  ['a', 'accept the selected change'],
  ['r / x', 'reject the selected change'],
  ['s', 'inline / side by side'],
  ['u', 'undo Accept shown, Reject shown or Reset'],
  ['[ / ]', 'previous / next document (worst first)'],
  ['Esc', 'deselect, then back to all documents'],
  ['?', 'this help'],
];

/**
 * The page shell. The Content-Security-Policy lets the page load nothing from
 * anywhere (no network, no CDN) while running its own inline style and script.
 */
export function page(dataJson: string, title: string): string {
  const keys = HELP_KEYS.map(([k, v]) => `<tr><td><kbd>${k}</kbd></td><td>${v}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><div class="top-in">
  <div class="brand"><b>un<i>spin</i></b><span class="muted">review</span></div>
  <div class="filters">
    <span class="fl">Stages</span><span id="stages" style="display:inline-flex;gap:6px;flex-wrap:wrap"></span>
    <span class="nowrap"><span class="fl" title="Hides changes below this confidence (it decides nothing: apply writes every accepted change)">Show confidence ≥</span><input type="range" id="minconf" min="0" max="1" step="0.05" value="0"><span class="conf-val" id="minconf-val">0.00</span></span>
    <label class="switch" style="margin-left:10px"><input type="checkbox" id="sugg" checked>Suggestions</label>
  </div>
  <div class="decide"><span class="pill" id="changed"></span><button class="btn primary" data-act="export">Export decisions</button><button class="btn" data-act="help" title="Keyboard shortcuts (?)">?</button></div>
</div></header>
<main><div id="overview"></div><div id="doc" hidden></div></main>
<div class="toast" id="toast" role="status"></div>
<div class="help" id="help"><div><h2 style="margin-bottom:10px">Keyboard</h2><table>${keys}</table><p class="muted" style="margin:14px 0 0">Decisions are kept in this browser until exported.<br>Apply them, from the directory unspin ran in (the report names the inputs relative to it), with <span class="mono">unspin apply decisions.json --report &lt;out&gt;/report.json --out &lt;dir&gt;</span>.</p><p style="text-align:right;margin:10px 0 0"><button class="btn" data-act="close-help">Close</button></p></div></div>
<script type="application/json" id="unspin-data">${dataJson}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
