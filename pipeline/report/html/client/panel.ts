/** Client code, part 4: the detail panel of the selected change, click handling and start-up. */
export const PANEL = String.raw`
var WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
function words(s) { return new Set((s.match(WORD) || []).map(function (w) { return w.toLowerCase(); })); }
/** Marks the words of text that occur in the set (the restored wording found in its source). */
function markWords(text, set) {
  var out = '', at = 0;
  text.replace(WORD, function (w, i) {
    if (set.has(w.toLowerCase())) { out += esc(text.slice(at, i)) + '<mark>' + esc(w) + '</mark>'; at = i + w.length; }
    return w;
  });
  return out + esc(text.slice(at));
}

/** Wording with its spaces and line breaks visible, since many changes are only that. */
function shown(s) { return esc(s).replace(/^ +| +$/g, function (m) { return '<span class="ws">' + m.replace(/ /g, '\u2423') + '</span>'; }).replace(/\n/g, '<span class="ws">\u23ce</span>\n'); }

function renderPanel() {
  var p = $('#panel');
  if (!p) return;
  var d = DOCS[state.doc];
  var c = state.sel ? CHANGE.get(state.sel) : null;
  if (!c || c.doc !== d.index) { p.innerHTML = docPanel(d); return; }
  var vis = d.changes.filter(visible), pos = vis.indexOf(c), acc = accepted(c);
  var h = '<div class="st-' + c.stage + '" data-change="' + c.id + '"><div class="head"><span class="stage-badge">' + esc(c.stage) + '</span><span class="reason">' + esc(c.reason) + '</span>' +
    (c.suggestion ? '<span class="sugg-badge">suggestion</span>' : '') +
    '<span class="nav-pos">' + (pos >= 0 ? (pos + 1) + ' / ' + vis.length : 'hidden by filters') + '</span></div>';
  h += '<div class="muted" style="font-size:12.5px;margin-top:4px">' + (c.reviewed ? 'A reviewer ' + esc(c.reviewed) + ' this change (unspin apply): ' + (c.suggestion ? 'not applied unless you accept it.' : 'applied unless you reject it.') :
    c.suggestion ? 'Proposed, not applied by unspin: rejected unless you accept it.' : 'Applied by unspin: accepted unless you reject it.') + '</div>';
  h += '<div class="meter" title="confidence"><i><b style="width:' + Math.round(c.confidence * 100) + '%"></b></i><span>confidence <span data-field="confidence">' + fmt(c.confidence) + '</span></span></div>';
  h += '<div class="ba"><div class="b"><small>Before</small>' + (c.before ? shown(c.before) : '<span class="empty">(nothing: an insertion)</span>') +
    '</div><div class="a"><small>After</small>' + (c.after ? shown(c.after) : '<span class="empty">(removed)</span>') + '</div></div>';
  h += '<div class="decision"><button class="yes' + (acc ? ' on' : '') + '" data-act="accept">✓ Accept <kbd>a</kbd></button><button class="no' + (!acc ? ' on' : '') + '" data-act="reject">✕ Reject <kbd>r</kbd></button></div>';
  if (c.evidence) h += '<h3>Evidence</h3><div class="evidence" data-field="evidence">' + esc(c.evidence) + '</div>';
  if (c.source) {
    var src = c.source, inReport = DOC_BY_ID.get(src.id);
    h += '<h3>Source</h3><div class="src" data-field="source">' + markWords(src.text, words(c.after)) + '</div><div class="srcmeta"><span>' + esc(src.id) + ' · chars ' + src.start + '–' + src.end + '</span>' +
      (inReport ? '<button class="btn small" data-act="open-src">Open in source ↗</button>' : '') + '</div>';
  }
  h += '<h3>In context</h3><div class="ctx">' + contextHtml(d, c) + '</div>';
  h += '<div class="idline"><span>id <span class="mono" data-field="id">' + esc(c.id) + '</span></span><span>chars ' + c.start + '–' + c.end + '</span></div></div>';
  p.innerHTML = h;
}

/** About 160 characters of original text around the change, cut at spaces. */
function contextHtml(d, c) {
  var a = Math.max(0, c.start - 160), b = Math.min(d.text.length, c.end + 160);
  if (a > 0) { var sp = d.text.indexOf(' ', a); if (sp >= 0 && sp < c.start) a = sp + 1; }
  if (b < d.text.length) { var sp2 = d.text.lastIndexOf(' ', b); if (sp2 > c.end) b = sp2; }
  return (a > 0 ? '… ' : '') + esc(d.text.slice(a, c.start).replace(/^\s+/, '')) + chgHtml(c, '', true) + esc(d.text.slice(c.end, b).replace(/\s+$/, '')) + (b < d.text.length ? ' …' : '');
}

function docPanel(d) {
  var by = {}, sugg = {}, shown = 0, high = 0;
  d.changes.forEach(function (c) {
    if (c.suggestion) sugg[c.stage] = (sugg[c.stage] || 0) + 1; else by[c.stage] = (by[c.stage] || 0) + 1;
    if (visible(c)) shown++;
  });
  d.sentences.forEach(function (s) { if (s.score >= 0.5) high++; });
  var h = '<div class="empty-panel"><h2>Review</h2><p>Click a change in the text, or press <kbd>j</kbd> for the first one.</p><div class="statgrid">';
  STAGES.forEach(function (s) {
    if (by[s] || sugg[s]) h += '<span><span class="sw" style="background:var(--' + s + ')"></span> ' + s + '</span><b>' + (by[s] || 0) + (sugg[s] ? ' + ' + sugg[s] + ' suggested' : '') + '</b>';
  });
  h += '<span>shown with current filters</span><b>' + shown + ' of ' + d.changes.length + '</b>';
  h += '<span>sentences scoring 0.5 or more</span><b>' + high + ' of ' + d.sentences.length + '</b></div>';
  h += '<h3>How changes look</h3><div class="ctx" style="font-size:14px">' +
    '<span class="chg st-restore acc"><del>assistant</del><ins>secretary</ins></span> an applied change<br>' +
    '<span class="chg st-restore rej"><del>assistant</del><ins>secretary</ins></span> a rejected change<br>' +
    '<span class="chg st-restore sugg rej"><del>intending</del><ins>wanting</ins></span> a suggestion</div>';
  h += '<h3>Keys</h3><div class="keys"><kbd>j</kbd>/<kbd>n</kbd> next change · <kbd>k</kbd>/<kbd>p</kbd> previous<br><kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>s</kbd> side by side · <kbd>u</kbd> undo<br><kbd>[</kbd> <kbd>]</kbd> previous/next document · <kbd>Esc</kbd> back · <kbd>?</kbd> help</div></div>';
  return h;
}

/**
 * Where a source span is in its document's original text. Its offsets may index the
 * reference's cleaned text (after its boilerplate was cut), so when they do not
 * hold the source wording, the nearest occurrence of that wording is used.
 */
function sourceRange(src) {
  var text = DOC_BY_ID.get(src.id).text;
  if (text.slice(src.start, src.end) === src.text || !src.text) return { start: src.start, end: src.end };
  var best = -1;
  for (var i = text.indexOf(src.text); i >= 0; i = text.indexOf(src.text, i + 1)) {
    if (best < 0 || Math.abs(i - src.start) < Math.abs(best - src.start)) best = i;
  }
  return best < 0 ? { start: src.start, end: src.end } : { start: best, end: best + src.text.length };
}

document.addEventListener('click', function (e) {
  var t = e.target;
  var act = t.closest('[data-act]');
  if (act) {
    var a = act.dataset.act, c = state.sel ? CHANGE.get(state.sel) : null;
    if (a === 'export') exportDecisions();
    else if (a === 'help') toggleHelp(true);
    else if (a === 'close-help') toggleHelp(false);
    else if (a === 'back') location.hash = '';
    else if (a === 'history-back') history.back();
    else if (a === 'prev-doc') stepDoc(-1);
    else if (a === 'next-doc') stepDoc(1);
    else if (a === 'mode-inline') setMode('inline');
    else if (a === 'mode-split') setMode('split');
    else if (a === 'accept' && c) decide(c, true);
    else if (a === 'reject' && c) decide(c, false);
    else if (a === 'accept-all' || a === 'reject-all' || a === 'reset') bulk(a);
    else if (a === 'open-src' && c) { var r = sourceRange(c.source); openDoc(DOC_BY_ID.get(c.source.id).index, '&hl=' + r.start + '-' + r.end); }
    return;
  }
  if (t.closest('#help') && !t.closest('#help > div')) { toggleHelp(false); return; }
  var row = t.closest('tr[data-doc]');
  if (row) { openDoc(+row.dataset.doc); return; }
  var chg = t.closest('#body .chg[data-id]');
  if (chg) select(chg.dataset.id);
});

buildFilters();
updateCounter();
window.addEventListener('hashchange', route);
route();
// Time from navigation start to a usable page, for the browser test and curious reviewers.
document.documentElement.dataset.ready = String(Math.round(performance.now()));
`;
