/**
 * Client code, part 3: one document, built only when opened (the page stays quick
 * for large corpora): the text with every change in place, or side by side, and a
 * margin bar per sentence showing its spin score.
 */
export const DOC = String.raw`
function renderDoc() {
  var d = DOCS[state.doc];
  var at = ORDER.indexOf(d.index);
  var h = '<div class="docbar"><button class="btn" data-act="back">← All documents</button>' +
    '<div class="seg"><button data-act="prev-doc" title="Previous document ([)">‹</button><button data-act="next-doc" title="Next document (])">›</button></div>' +
    '<span class="muted" style="font-size:12px">' + (at + 1) + ' of ' + DOCS.length + '</span></div>';
  h += '<div class="docbar"><h1>' + esc(d.path) + '</h1><div class="docmeta"><span class="badge ' + d.verdict + '">' + d.verdict + '</span>' +
    '<span class="score" title="document spin score"><i><b style="width:' + (100 * d.score) + '%;background:' + scoreColor(d.score) + '"></b></i>' + fmt(d.score) + '</span>' +
    d.kinds.map(function (k) { return '<span class="chip">' + esc(k) + '</span>'; }).join('') +
    '<span>' + esc(d.language) + '</span><span>· ' + plural(d.edits, 'edit') + ', ' + plural(d.suggestions, 'suggestion') + '</span></div></div>';
  if (d.error) h += '<div class="card" style="margin-bottom:14px;color:var(--degraded)">' + esc(d.error) + '</div>';
  if (state.hl) h += '<div class="card hlnote"><mark class="srchl">Highlighted</mark> the source wording a restoration was taken from (chars ' + state.hl.start + '–' + state.hl.end + ').<button class="btn small" data-act="history-back">← Back to the restoration</button></div>';
  h += '<div class="docgrid"><section class="textcard"><div class="toolbar"><div class="seg"><button data-act="mode-inline" class="' + (state.mode === 'inline' ? 'on' : '') + '">Inline</button><button data-act="mode-split" class="' + (state.mode === 'split' ? 'on' : '') + '">Side by side</button></div>' +
    '<span class="margin-legend" title="Each sentence has a bar in the margin coloured by its spin score"' + (state.mode === 'inline' ? '' : ' hidden') + '><i></i>sentence spin score</span><span class="sp"></span>' +
    '<button class="btn small" data-act="accept-all" title="Accept the changes of this document the filters show">Accept shown</button><button class="btn small" data-act="reject-all" title="Reject the changes of this document the filters show">Reject shown</button><button class="btn small" data-act="reset" title="Put this document\'s changes back to their defaults">Reset</button></div>' +
    '<div id="body"></div></section><aside class="panel" id="panel"></aside></div>';
  leaveOverview();
  $('#doc').innerHTML = h;
  renderBody();
  renderPanel();
  if (!state.hl && !state.sel) window.scrollTo(0, 0);
}

/**
 * The changes the filters hide are still in the text as decided (an accepted one in its
 * new wording), unmarked: the cleaned text is always what apply will write.
 */
function renderBody() {
  var d = DOCS[state.doc];
  var hidden = d.changes.filter(function (c) { return !visible(c); }).length;
  var note = hidden ? '<div class="hiddennote">' + plural(hidden, 'change') + ' hidden by the filters: shown as decided, unmarked.</div>' : '';
  var body = $('#body');
  if (state.mode === 'split') body.innerHTML = note + splitHtml(d, d.changes);
  else {
    body.innerHTML = note + '<div class="doctext" id="doctext"><div class="bars" id="bars"></div>' + inlineHtml(d, d.changes) + '</div>';
    layoutBars();
  }
  if (!d.text) body.innerHTML = '<div class="nochanges">No text: ' + esc(d.error || 'the document is empty') + '</div>';
  var target = state.hl ? $('.srchl, .chg.inhl', body) : state.sel ? $('.chg[data-id="' + state.sel + '"]', body) : null;
  if (target) target.scrollIntoView({ block: 'center' });
}

function wsVisible(s) { return s.replace(/ /g, '\u2423').replace(/\t/g, '\u2192').replace(/\n/g, '\u23ce\n'); }
function part(tag, s) {
  if (!s) return '';
  return '<' + tag + '>' + (/^\s+$/.test(s) ? '<span class="ws">' + esc(wsVisible(s)) + '</span>' : esc(s)) + '</' + tag + '>';
}
function chgHtml(c, extra, plainCls) {
  if (!visible(c)) {
    // Hidden by the filters: its text as decided, nothing to click.
    return '<span class="chg hid' + (accepted(c) ? ' acc' : ' rej') + '"><del>' + esc(c.before) + '</del><ins>' + esc(c.after) + '</ins></span>';
  }
  var cls = 'chg st-' + c.stage + (c.suggestion ? ' sugg' : '') + (accepted(c) ? ' acc' : ' rej') + (state.sel === c.id && !plainCls ? ' sel' : '') + (c.after ? '' : ' noa') + (extra || '');
  if (state.hl && c.start < state.hl.end && state.hl.start < c.end) cls += ' inhl';
  var tip = c.stage + ' / ' + c.reason + ' · ' + fmt(c.confidence) + (c.suggestion ? ' · suggestion' : '');
  return '<span class="' + cls + '" data-id="' + c.id + '" title="' + esc(tip) + '">' + part('del', c.before) + part('ins', c.after) + '</span>';
}
/** text[a, b), with the part inside the highlighted source span marked. */
function hlText(text, a, b) {
  var hl = state.hl;
  if (a >= b) return '';
  if (!hl || hl.end <= a || hl.start >= b) return esc(text.slice(a, b));
  var s = Math.max(a, hl.start), e = Math.min(b, hl.end);
  return esc(text.slice(a, s)) + '<mark class="srchl">' + esc(text.slice(s, e)) + '</mark>' + esc(text.slice(e, b));
}

/**
 * The text with its changes in place (those the filters hide as decided, unmarked).
 * Sentence boundaries become empty marker elements (a marker inside a change moves
 * before it) whose positions layoutBars measures; a change overlapping the previous one
 * is shown right after it.
 */
function inlineHtml(d, changes) {
  var text = d.text, out = '', at = 0, mi = 0;
  var marks = [];
  d.sentences.forEach(function (s, i) { marks.push([s.start, 0, i], [s.end, 1, i]); });
  marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  function mark(m) { return '<i class="' + (m[1] ? 'se' : 'sm') + '" data-s="' + m[2] + '"></i>'; }
  function plain(a, b) {
    var s = '';
    while (mi < marks.length && marks[mi][0] < b) {
      var p = Math.max(a, marks[mi][0]);
      s += hlText(text, a, p) + mark(marks[mi++]);
      a = p;
    }
    return s + hlText(text, a, b);
  }
  changes.forEach(function (c) {
    if (c.start < at) { if (visible(c)) out += chgHtml(c, ' ovl'); return; }
    out += plain(at, c.start);
    while (mi < marks.length && marks[mi][0] < c.end) out += mark(marks[mi++]);
    out += chgHtml(c);
    at = c.end;
  });
  out += plain(at, text.length);
  while (mi < marks.length) out += mark(marks[mi++]);
  return out;
}

/** Two sentences can share a line, so bars alternate between two lanes. */
function layoutBars() {
  var box = $('#doctext'), bars = $('#bars');
  if (!box || !bars) return;
  var top0 = box.getBoundingClientRect().top;
  var starts = [], ends = [];
  $$('.sm', box).forEach(function (el) { starts[+el.dataset.s] = el; });
  $$('.se', box).forEach(function (el) { ends[+el.dataset.s] = el; });
  var html = '';
  DOCS[state.doc].sentences.forEach(function (s, i) {
    if (!starts[i] || !ends[i]) return;
    var r1 = starts[i].getBoundingClientRect(), r2 = ends[i].getBoundingClientRect();
    var top = r1.top - top0 + 3, bottom = r2.bottom - top0 - 3;
    var tip = 'Sentence ' + (i + 1) + ': spin score ' + fmt(s.score) + (s.signals.length ? ' (' + s.signals.join(', ') + ')' : '');
    html += '<div style="top:' + top.toFixed(1) + 'px;height:' + Math.max(8, bottom - top).toFixed(1) + 'px;left:' + (i % 2 ? 7 : 0) + 'px;width:5px;background:' +
      scoreColor(s.score) + ';opacity:' + (0.35 + 0.65 * s.score).toFixed(2) + '" title="' + esc(tip) + '" data-score="' + s.score + '"></div>';
  });
  bars.innerHTML = html;
}
var resizeTimer = 0;
window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(layoutBars, 120); });

/** Lines of the text, joined where a change crosses a line break, with the changes starting in each. */
function rowsOf(text, changes) {
  var rows = [], start = 0, ci = 0, reach = 0, cur = [], i = 0;
  for (;;) {
    var nl = text.indexOf('\n', i), end = nl < 0 ? text.length : nl + 1;
    while (ci < changes.length && changes[ci].start < end) { reach = Math.max(reach, changes[ci].end); cur.push(changes[ci++]); }
    i = end;
    if (reach > end && end < text.length) continue;
    rows.push({ start: start, end: end, changes: cur });
    cur = [];
    start = end;
    if (end >= text.length) break;
  }
  while (ci < changes.length) rows[rows.length - 1].changes.push(changes[ci++]);
  return rows;
}
function segHtml(text, a, b, changes) {
  var out = '', at = a;
  changes.forEach(function (c) {
    if (c.start < at) { if (visible(c)) out += chgHtml(c, ' ovl'); return; }
    out += hlText(text, at, c.start) + chgHtml(c);
    at = c.end;
  });
  return out + hlText(text, at, b);
}
/** Original on the left, the text as the current decisions make it on the right; rows stay aligned. */
function splitHtml(d, changes) {
  var out = '<div class="split"><div class="hd">Original</div><div class="hd">Cleaned, with your decisions</div>';
  rowsOf(d.text, changes).forEach(function (r) {
    var html = segHtml(d.text, r.start, r.end, r.changes).replace(/\n$/, '');
    var cls = r.changes.some(visible) ? ' chgd' : '';
    out += '<div class="cell l' + cls + '">' + html + '</div><div class="cell r' + cls + '">' + html + '</div>';
  });
  return out + '</div>';
}

function select(id) {
  state.sel = id;
  $$('.chg.sel').forEach(function (el) { el.classList.remove('sel'); });
  if (id) {
    var els = $$('#body [data-id="' + id + '"]');
    els.forEach(function (el) { el.classList.add('sel'); });
    var r = els[0] && els[0].getBoundingClientRect();
    if (r && (r.top < 90 || r.bottom > window.innerHeight - 30)) els[0].scrollIntoView({ block: 'center' });
  }
  history.replaceState(null, '', '#doc=' + state.doc + (state.hl ? '&hl=' + state.hl.start + '-' + state.hl.end : '') + (id ? '&c=' + id : ''));
  renderPanel();
}
/** Next or previous visible change; past the last one, on to the next document that has one. */
function stepChange(dir) {
  var vis = DOCS[state.doc].changes.filter(visible);
  var at = state.sel ? vis.indexOf(CHANGE.get(state.sel)) : -1;
  var next = at < 0 ? (dir > 0 ? 0 : vis.length - 1) : at + dir;
  if (next >= 0 && next < vis.length) { select(vis[next].id); return; }
  for (var o = ORDER.indexOf(state.doc) + dir; o >= 0 && o < ORDER.length; o += dir) {
    var cs = DOCS[ORDER[o]].changes.filter(visible);
    if (cs.length) {
      toast('Next document: ' + DOCS[ORDER[o]].path);
      openDoc(ORDER[o], '&c=' + cs[dir > 0 ? 0 : cs.length - 1].id);
      return;
    }
  }
  toast(dir > 0 ? 'No more changes' : 'This is the first change');
}
function setMode(m) {
  state.mode = m;
  $$('[data-act^="mode-"]').forEach(function (b) { b.classList.toggle('on', b.dataset.act === 'mode-' + m); });
  // The margin bars are drawn in the inline view only.
  var legend = $('.margin-legend');
  if (legend) legend.hidden = m !== 'inline';
  renderBody();
}
/** Accepts the shown changes that fit together: applied edits first, then suggestions by confidence; returns how many were left out. */
function acceptShown() {
  var d = DOCS[state.doc];
  var vis = d.changes.filter(visible).sort(function (a, b) { return (a.suggestion ? 1 : 0) - (b.suggestion ? 1 : 0) || b.confidence - a.confidence; });
  var skipped = 0;
  vis.forEach(function (c) {
    var blocked = d.changes.some(function (o) { return o !== c && accepted(o) && clash(o, c); });
    if (blocked && !accepted(c)) skipped++; else setRaw(c, true);
  });
  return skipped;
}
/** The document's decisions before the last bulk action, for u (undo). */
var undoBulk = null;
/** Accept shown, Reject shown or Reset, on this document only; u undoes it. */
function bulk(kind) {
  var d = DOCS[state.doc];
  var before = new Map();
  d.changes.forEach(function (x) { before.set(x.id, decisions.get(x.id)); });
  var shown = d.changes.filter(visible), msg;
  if (kind === 'accept-all') {
    var skipped = acceptShown();
    msg = 'Accepted ' + plural(shown.length - skipped, 'change') + ' shown in this document' + (skipped ? ' (' + skipped + ' left rejected: they overlap accepted ones)' : '');
  } else if (kind === 'reject-all') {
    shown.forEach(function (x) { setRaw(x, false); });
    msg = 'Rejected ' + plural(shown.length, 'change') + ' shown in this document';
  } else {
    d.changes.forEach(function (x) { decisions.delete(x.id); });
    msg = 'Reset the ' + plural(d.changes.length, 'change') + ' of this document to their defaults';
  }
  undoBulk = { doc: state.doc, before: before };
  bulkDone();
  toast(msg + ' - press u to undo');
}
function undo() {
  if (!undoBulk || undoBulk.doc !== state.doc) { toast('Nothing to undo in this document'); return; }
  undoBulk.before.forEach(function (v, id) { if (v === undefined) decisions.delete(id); else decisions.set(id, v); });
  undoBulk = null;
  bulkDone();
  toast('Undone');
}
function bulkDone() { save(); updateCounter(); renderBody(); renderPanel(); }
`;
