/**
 * Client code of report.html, part 1: data, decisions, filters, routing and keys.
 * The client is plain ES2018 kept as strings (String.raw: no backticks or
 * template placeholders inside), concatenated into one function scope by
 * ../script.ts, so report.html needs no bundler and runs from file://.
 */
export const CORE = String.raw`
var DATA = JSON.parse(document.getElementById('unspin-data').textContent);
var DOCS = DATA.docs;
var STAGES = ['read', 'normalize', 'boilerplate', 'restore'];
var CHANGE = new Map();
var DOC_BY_ID = new Map();
DOCS.forEach(function (d, di) {
  d.index = di;
  DOC_BY_ID.set(d.id, d);
  d.changes.forEach(function (c) { c.doc = di; CHANGE.set(c.id, c); });
});
// Review order: the worst documents first (highest spin score, then most changes).
var ORDER = DOCS.map(function (d) { return d.index; }).sort(function (a, b) {
  var x = DOCS[a], y = DOCS[b];
  return y.score - x.score || y.changes.length - x.changes.length || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
});

var state = { stages: new Set(STAGES), minConf: 0, sugg: true, doc: -1, sel: null, mode: 'inline', hl: null };

function $(sel, root) { return (root || document).querySelector(sel); }
function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function esc(s) { return String(s).replace(/[&<>"']/g, function (ch) { return ESC[ch]; }); }
function fmt(x) { return (Math.round(x * 100) / 100).toFixed(2); }
function plural(n, w) { return n + ' ' + w + (n === 1 ? '' : 's'); }
/** Green (0) through amber to red (1): how spun a sentence or document looks. */
function scoreColor(s) { s = Math.min(1, Math.max(0, s)); return 'hsl(' + Math.round(140 - 132 * s) + ' 62% ' + Math.round(46 - 4 * s) + '%)'; }

var toastTimer = 0;
function toast(msg) {
  var t = $('#toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { t.classList.remove('show'); }, 3200);
}

/* Decisions: only those differing from the default are stored (applied edits are
   accepted, suggestions rejected by default); kept in localStorage per report so a
   reload does not lose a review. */
var decisions = new Map();
var STORE = 'unspin-decisions:' + DATA.key;
try {
  (JSON.parse(localStorage.getItem(STORE) || '[]') || []).forEach(function (p) { if (CHANGE.has(p[0])) decisions.set(p[0], p[1]); });
} catch (e) { /* storage may be unavailable for file:// pages; decisions then live until the tab closes */ }
var decisionsVersion = 0;
function save() { decisionsVersion++; try { localStorage.setItem(STORE, JSON.stringify(Array.from(decisions))); } catch (e) {} }
function accepted(c) { var v = decisions.get(c.id); return v === undefined ? !c.suggestion : v; }
function setRaw(c, accept) { if (accept === !c.suggestion) decisions.delete(c.id); else decisions.set(c.id, accept); }
/** Same overlap rule as unspin apply: shared text, or two insertions at one point. */
function clash(a, b) {
  if (a.start === a.end || b.start === b.end) return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  return a.start < b.end && b.start < a.end;
}
/** Accepting a change rejects accepted changes it overlaps, so exported decisions always apply. */
function decide(c, accept) {
  var changed = [c];
  setRaw(c, accept);
  if (accept) DOCS[c.doc].changes.forEach(function (o) {
    if (o !== c && accepted(o) && clash(o, c)) { setRaw(o, false); changed.push(o); }
  });
  if (changed.length > 1) toast('Rejected ' + plural(changed.length - 1, 'overlapping change') + ': ' + changed.slice(1).map(function (o) { return o.stage + '/' + o.reason; }).join(', '));
  save();
  changed.forEach(refreshChange);
  updateCounter();
  renderPanel();
}
function refreshChange(c) {
  var acc = accepted(c);
  $$('[data-id="' + c.id + '"]').forEach(function (el) { el.classList.toggle('acc', acc); el.classList.toggle('rej', !acc); });
}
function updateCounter() {
  var n = decisions.size;
  $('#changed').innerHTML = '<b>' + n + '</b> ' + (n === 1 ? 'decision differs' : 'decisions differ') + ' from defaults';
}
function exportDecisions() {
  var list = [];
  DOCS.forEach(function (d) { d.changes.forEach(function (c) { list.push({ id: c.id, accept: accepted(c) }); }); });
  var body = JSON.stringify({ version: 1, report: DATA.key, decisions: list }, null, 1) + '\n';
  var a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  a.download = 'decisions.json';
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  toast('Exported ' + plural(list.length, 'decision') + ' - run, where unspin ran: unspin apply decisions.json --report <out>/report.json --out <dir>');
}

/* Filters apply to the document views; a filtered-out change shows as decided, unmarked (doc.ts chgHtml). */
function visible(c) { return state.stages.has(c.stage) && c.confidence >= state.minConf - 1e-9 && (state.sugg || !c.suggestion); }
function buildFilters() {
  var used = new Set();
  DOCS.forEach(function (d) { d.changes.forEach(function (c) { used.add(c.stage); }); });
  $('#stages').innerHTML = STAGES.filter(function (s) { return used.has(s) || s !== 'read'; }).map(function (s) {
    return '<label class="stage-tog st-' + s + '"><input type="checkbox" data-stage="' + s + '" checked><span class="dot" style="background:var(--' + s + ')"></span>' + s + '</label>';
  }).join('');
  $('#stages').addEventListener('change', function (e) {
    var s = e.target.dataset.stage;
    if (e.target.checked) state.stages.add(s); else state.stages.delete(s);
    e.target.parentNode.classList.toggle('off', !e.target.checked);
    filtersChanged();
  });
  $('#minconf').addEventListener('input', function (e) {
    state.minConf = Number(e.target.value);
    $('#minconf-val').textContent = fmt(state.minConf);
    filtersChanged();
  });
  $('#sugg').addEventListener('change', function (e) { state.sugg = e.target.checked; filtersChanged(); });
}
function filtersChanged() { if (state.doc >= 0) { renderBody(); renderPanel(); } }

/* Routing: #doc=<index>[&hl=<start>-<end>][&c=<change id>], so the browser's Back returns from a source. */
function route() {
  var m = /^#doc=(\d+)(?:&hl=(\d+)-(\d+))?(?:&c=(\w+))?/.exec(location.hash);
  if (m && DOCS[+m[1]]) {
    state.doc = +m[1];
    state.hl = m[2] ? { start: +m[2], end: +m[3] } : null;
    state.sel = m[4] && CHANGE.has(m[4]) ? m[4] : null;
    renderDoc();
  } else {
    state.doc = -1;
    state.sel = null;
    renderOverview();
  }
}
function openDoc(di, extra) { location.hash = 'doc=' + di + (extra || ''); }
function stepDoc(dir) {
  var at = ORDER.indexOf(state.doc);
  var next = ORDER[at + dir];
  if (next === undefined) { toast(dir > 0 ? 'Last document' : 'First document'); return; }
  openDoc(next);
}

function toggleHelp(show) { $('#help').classList.toggle('show', show); }
document.addEventListener('keydown', function (e) {
  // Keys typed into a text field are its own; a checkbox or a slider keeps the shortcuts.
  var t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey || /^(SELECT|TEXTAREA)$/.test(t.tagName) || (t.tagName === 'INPUT' && !/^(checkbox|range|radio|button)$/.test(t.type))) return;
  var k = e.key;
  if (k === '?') toggleHelp(!$('#help').classList.contains('show'));
  else if (k === 'Escape') {
    if ($('#help').classList.contains('show')) toggleHelp(false);
    else if (state.sel) select(null);
    else if (state.doc >= 0) location.hash = '';
  } else if (state.doc < 0) {
    if (k === 'j' || k === 'n' || k === ']') openDoc(ORDER[0]); else return;
  } else if (k === 'j' || k === 'n') stepChange(1);
  else if (k === 'k' || k === 'p') stepChange(-1);
  else if (k === 'a' && state.sel) decide(CHANGE.get(state.sel), true);
  else if ((k === 'r' || k === 'x') && state.sel) decide(CHANGE.get(state.sel), false);
  else if (k === ']') stepDoc(1);
  else if (k === '[') stepDoc(-1);
  else if (k === 's') setMode(state.mode === 'inline' ? 'split' : 'inline');
  else if (k === 'u') undo();
  else return;
  e.preventDefault();
});
`;
