/** Client code, part 2: the corpus overview (summary cards, confidence histogram, documents worst first). */
export const OVERVIEW = String.raw`
var VERDICTS = ['degraded', 'clean', 'skipped'];
var table = { q: '', verdict: '' };
var overviewScroll = 0;
var rowsVersion = -1;

/** The overview is built once and kept (hidden) while a document is open; coming back only refreshes the decision counts. */
function renderOverview() {
  $('#doc').innerHTML = '';
  $('#doc').hidden = true;
  $('#overview').hidden = false;
  // The filters act on an open document's text: inert here, and shown so.
  document.body.classList.add('on-overview');
  if (!$('#overview').firstChild) buildOverview(); else if (rowsVersion !== decisionsVersion) renderRows();
  window.scrollTo(0, overviewScroll);
}
function leaveOverview() {
  if (!$('#overview').hidden) overviewScroll = window.scrollY;
  $('#overview').hidden = true;
  $('#doc').hidden = false;
  document.body.classList.remove('on-overview');
}

function buildOverview() {
  var s = DATA.summary;
  var h = '<div class="cards">';
  h += '<section class="card"><h2>Documents</h2><div class="big" data-stat="documents">' + s.documents + '</div>';
  h += '<div class="stack">' + VERDICTS.map(function (v) {
    return s.verdicts[v] ? '<span style="width:' + (100 * s.verdicts[v] / Math.max(1, s.documents)) + '%;background:var(--' + v + ')"></span>' : '';
  }).join('') + '</div><div class="legend">' + VERDICTS.map(function (v) {
    return '<span><i class="sw" style="background:var(--' + v + ')"></i><b data-stat="verdict-' + v + '">' + s.verdicts[v] + '</b> ' + v + '</span>';
  }).join('') + (s.errors ? '<span class="muted"><b data-stat="errors">' + s.errors + '</b>&nbsp;errors</span>' : '') + '</div>' +
    // A --no-spin run: "clean" means clean of the other degradations only.
    (s.spinDetection === false ? '<p class="muted" data-stat="spin-off">Spin detection was off for this run (--no-spin).</p>' : '') + '</section>';

  var stageRows = STAGES.filter(function (st) { return s.edits[st]; });
  var total = stageRows.reduce(function (n, st) { return n + s.edits[st]; }, 0);
  var max = Math.max(1, Math.max.apply(null, stageRows.map(function (st) { return s.edits[st]; }).concat([s.suggestions])));
  h += '<section class="card"><h2>Changes</h2><div class="big"><span data-stat="edits">' + total + '</span> <span class="muted" style="font-size:14px;font-weight:500">applied · <b data-stat="suggestions">' + s.suggestions + '</b> suggested</span></div>';
  h += '<div class="hbars" style="margin-top:12px">' + stageRows.map(function (st) {
    return '<span>' + st + '</span><span class="hbar" style="width:' + (100 * s.edits[st] / max) + '%;background:var(--' + st + ')"></span><b data-stat="edits-' + st + '">' + s.edits[st] + '</b>';
  }).join('') + (s.suggestions ? '<span class="muted">suggestions</span><span class="hbar" style="width:' + (100 * s.suggestions / max) + '%;background:repeating-linear-gradient(45deg,#a5a8f5 0 3px,#d4d6fb 3px 6px)"></span><b>' + s.suggestions + '</b>' : '') + '</div></section>';

  h += '<section class="card"><h2>Confidence of changes</h2>' + histogram() + '</section>';

  var langs = {};
  DOCS.forEach(function (d) { langs[d.language] = (langs[d.language] || 0) + 1; });
  h += '<section class="card"><h2>Kinds</h2><div class="chips">' + (Object.keys(s.kinds).sort(function (a, b) { return s.kinds[b] - s.kinds[a]; }).map(function (k) {
    return '<span class="chip">' + esc(k) + ' <b data-stat="kind-' + esc(k) + '">' + s.kinds[k] + '</b></span>';
  }).join('') || '<span class="muted">none found</span>') + '</div><h2 style="margin-top:14px">Languages</h2><div class="chips">' + Object.keys(langs).sort().map(function (l) {
    return '<span class="chip">' + esc(l) + ' <b>' + langs[l] + '</b></span>';
  }).join('') + '</div></section></div>';

  h += '<section class="card tablecard"><div class="tablehead"><h2>Documents, worst first</h2><div class="seg" id="vfilter">' +
    ['', 'degraded', 'clean', 'skipped'].map(function (v) { return '<button data-verdict="' + v + '" class="' + (table.verdict === v ? 'on' : '') + '">' + (v || 'all') + '</button>'; }).join('') +
    '</div><input type="search" id="q" placeholder="Filter by path…" value="' + esc(table.q) + '"></div>' +
    '<table class="docs"><thead><tr><th>Verdict</th><th>Document</th><th>Spin score</th><th>Kinds</th><th class="num">Edits</th><th class="num">Suggestions</th><th class="num">Decisions</th></tr></thead><tbody id="rows"></tbody></table></section>';
  $('#overview').innerHTML = h;
  renderRows();
  $('#q').addEventListener('input', function (e) { table.q = e.target.value; renderRows(); });
  $('#vfilter').addEventListener('click', function (e) {
    var b = e.target.closest('button'); if (!b) return;
    table.verdict = b.dataset.verdict;
    $$('#vfilter button').forEach(function (x) { x.classList.toggle('on', x === b); });
    renderRows();
  });
}

/** Ten bins of confidence over every change, applied edits solid and suggestions hatched. */
function histogram() {
  var ap = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], su = ap.slice();
  DOCS.forEach(function (d) { d.changes.forEach(function (c) { (c.suggestion ? su : ap)[Math.min(9, Math.floor(c.confidence * 10))]++; }); });
  var max = Math.max(1, Math.max.apply(null, ap.map(function (n, i) { return n + su[i]; })));
  return '<div class="hist">' + ap.map(function (n, i) {
    var label = (i / 10).toFixed(1) + '–' + ((i + 1) / 10).toFixed(1) + ': ' + n + ' applied, ' + su[i] + ' suggested';
    return '<div class="col" title="' + label + '">' + (n + su[i] ? '<span class="n">' + (n + su[i]) + '</span>' : '') +
      '<div class="ap" style="height:' + (100 * n / max) + '%"></div><div class="su" style="height:' + (100 * su[i] / max) + '%"></div></div>';
  }).join('') + '</div><div class="hist-axis"><span>0</span><span>0.5</span><span>1</span></div>' +
    '<div class="legend" style="margin-top:8px"><span><i class="sw hist-ap"></i>applied</span><span><i class="sw hist-su"></i>suggested</span></div>';
}

function renderRows() {
  rowsVersion = decisionsVersion;
  var perDoc = {};
  decisions.forEach(function (v, id) { var c = CHANGE.get(id); perDoc[c.doc] = (perDoc[c.doc] || 0) + 1; });
  var q = table.q.toLowerCase();
  var rows = ORDER.filter(function (i) {
    var d = DOCS[i];
    return (!table.verdict || d.verdict === table.verdict) && (!q || d.path.toLowerCase().indexOf(q) >= 0);
  });
  $('#rows').innerHTML = rows.map(function (i) {
    var d = DOCS[i];
    return '<tr class="row" data-doc="' + i + '"><td><span class="badge ' + d.verdict + '">' + d.verdict + '</span></td>' +
      '<td><div class="path">' + esc(d.path) + '</div>' + (d.error ? '<div class="muted" style="font-size:12px">' + esc(d.error) + '</div>' : '') + '</td>' +
      '<td><span class="score"><i><b style="width:' + (100 * d.score) + '%;background:' + scoreColor(d.score) + '"></b></i>' + fmt(d.score) + '</span></td>' +
      '<td><div class="chips">' + d.kinds.map(function (k) { return '<span class="chip">' + esc(k) + '</span>'; }).join('') + '</div></td>' +
      '<td class="num">' + d.edits + '</td><td class="num">' + d.suggestions + '</td><td class="num">' + (perDoc[i] || '<span class="muted">–</span>') + '</td></tr>';
  }).join('') || '<tr><td colspan="7" class="muted" style="text-align:center;padding:24px">No document matches.</td></tr>';
}
`;
