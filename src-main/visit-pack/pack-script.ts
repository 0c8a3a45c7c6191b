/**
 * The script inlined in index.html. Plain ES2020 for any browser, reading the pack data from
 * the page itself: it fetches nothing, and every link is a relative path inside the folder.
 */
export const PACK_SCRIPT = String.raw`
'use strict';
const data = JSON.parse(document.getElementById('pack-data').textContent);
const main = document.getElementById('main');
const crumbs = document.getElementById('crumbs');

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const link = (hash, text, extra) => h('a', Object.assign({ href: '#' + hash }, extra || {}), text);
const fileLink = (f, text) => h('a', { href: encodeURI(f.path), target: '_blank', rel: 'noopener' }, text || f.title);
const learnerOf = (id) => data.learners.find((l) => l.id === id);
const dash = (v) => (v ? v : '—');
function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso.slice(0, 10) + 'T12:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter((r) => r).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)]));
}
function setCrumbs(items) {
  crumbs.replaceChildren(...items.flatMap((it, i) => {
    const last = i === items.length - 1;
    const part = last ? h('span', { 'aria-current': 'page', text: it[1] }) : link(it[0], it[1]);
    return i ? [' › ', part] : [part];
  }));
}
function preview(file) {
  const src = encodeURI(file.path);
  if (/^image\//.test(file.mediaType)) return h('img', { src, alt: file.title, class: 'preview-image' });
  if (file.mediaType === 'application/pdf') return h('iframe', { src, title: 'Preview of ' + file.title, class: 'preview-pdf' });
  if (/^audio\//.test(file.mediaType)) return h('audio', { src, controls: true });
  if (/^video\//.test(file.mediaType)) return h('video', { src, controls: true, class: 'preview-image' });
  return h('p', {}, 'This kind of file does not preview here. ', fileLink(file, 'Open ' + file.title));
}

function home() {
  setCrumbs([['', 'Visit pack']]);
  const plan = data.plan;
  return [
    h('h1', { text: 'EQA visit pack: ' + data.centre.name }),
    data.centre.demo ? h('p', { class: 'note', text: 'Demo data: not real learners.' }) : null,
    h('p', { text: 'Made on ' + formatDate(data.madeAt) + ' by ' + data.madeBy + '. Everything here is in this folder; nothing is fetched from anywhere.' }),
    h('h2', { text: 'Learners in the sample' }),
    h('ul', { class: 'cards', 'data-testid': 'learner-list' }, data.learners.map((l) => h('li', {},
      link('learner/' + l.id, l.name), h('span', { class: 'muted', text: ' ULN ' + dash(l.uln) + ' · ' + l.units.length + ' unit' + (l.units.length === 1 ? '' : 's') })))),
    h('h2', { text: 'Quality assurance' }),
    h('ul', {},
      h('li', {}, link('records', 'Signed records'), ' — assessment records and IQA sampling records, each signed'),
      plan ? h('li', {}, link('plan', 'Sampling plan'), ' — ' + plan.qualification) : null,
      data.sections.map((s) => h('li', {}, link('section/' + s.id, s.title))),
      h('li', {}, link('check', 'How to check this pack'))),
    data.sections.length ? null : h('p', { class: 'muted', text: 'Standardisation and staff competence records: none are kept in the workbench for this centre yet.' }),
    reportBack(),
  ];
}

function reportBack() {
  return h('section', { 'aria-labelledby': 'report-back', 'data-testid': 'report-back' },
    h('h2', { id: 'report-back', text: 'Sending your report back to the centre' }),
    h('p', { text: 'When you have looked at the sample, write your report in the Assessor & Verifier Workbench and send the centre one signed file:' }),
    h('ol', {},
      h('li', { text: 'Open the centre’s workspace in the workbench and choose yourself as the EQA (top right). You can only read: nothing you do changes the centre’s records.' }),
      h('li', { text: 'Go to Sampling → EQA visits and choose “Write the EQA report” on the visit of ' + formatDate(data.madeAt) + ' (visit ' + data.visit.id + ').' }),
      h('li', { text: 'For each learner and unit, say whether you agree with the assessor and with the IQA. Nothing is answered for you. Add your findings, the actions for the centre (who, and by when), the risk rating and your decision on direct claims status.' }),
      h('li', { text: 'Sign it with your own signing identity (the .p12 file from your awarding body, not one the centre issued) and its passphrase, and save the one PDF it makes.' }),
      h('li', { text: 'Send that one PDF back to the centre. Their IQA imports it on the Sampling page (Import EQA report…). If you correct it later, sign and send the new file: it replaces the first, which the centre keeps.' })),
    h('p', { text: 'Or from the command line, in this folder:' }),
    h('pre', { text: 'workbench eqa-report new . --out answers.json      # fill in answers.json\nworkbench eqa-report sign answers.json --out eqa-report.pdf \\\n    --identity your-own.p12 --passphrase-file passphrase.txt' }));
}

function learnerPage(l) {
  setCrumbs([['', 'Visit pack'], ['learner/' + l.id, l.name]]);
  return [
    h('h1', { text: l.name }),
    facts([['ULN', dash(l.uln)], ['Employer', dash(l.employer)], ['Workplace', dash(l.workplace)], ['Cohort', dash(l.cohort)]]),
    h('h2', { text: 'Units in the sample' }),
    h('ul', { class: 'cards' }, l.units.map((u) => h('li', {},
      link('unit/' + l.id + '/' + u.id, u.ref + ' ' + u.title),
      h('span', { class: 'muted', text: ' · assessor ' + dash(u.assessor) + ' · ' + (u.signedOff ? 'signed off' : 'not signed off') })))),
    h('h2', { text: 'Evidence' }),
    evidenceTable(l, l.evidence),
  ];
}

function evidenceTable(l, items) {
  if (!items.length) return h('p', { text: 'No evidence.' });
  return h('table', {}, h('thead', {}, h('tr', {}, ['Ref', 'Title', 'Method', 'Date'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, items.map((e) => h('tr', {}, h('td', { text: e.ref }),
      h('td', {}, link('evidence/' + l.id + '/' + e.id, e.title), e.leftOut ? h('div', { class: 'muted', text: e.leftOut }) : null), h('td', { text: e.method }), h('td', { text: formatDate(e.producedOn) })))));
}

function unitPage(l, u) {
  setCrumbs([['', 'Visit pack'], ['learner/' + l.id, l.name], ['unit/' + l.id + '/' + u.id, u.ref]]);
  const byRef = new Map(l.evidence.map((e) => [e.ref, e]));
  return [
    h('h1', { text: u.ref + ' ' + u.title }),
    facts([['Learner', l.name], ['Assessor', dash(u.assessor)], ['Level', dash(u.level)],
      ['Unit decision', u.signedOff ? 'Achieved (signed off' + (u.countersigned ? ', countersigned)' : ')') : 'Not yet achieved'],
      u.review ? ['IQA review', u.review.decision + ' by ' + u.review.iqa + ' on ' + formatDate(u.review.on)] : null]),
    u.outcomes.map((o) => [h('h2', { text: 'Outcome ' + o.ref + ': ' + o.text }),
      h('table', { class: 'criteria' }, h('thead', {}, h('tr', {}, ['Criterion', 'Decision', 'Feedback', 'Evidence'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, o.targets.map((t) => h('tr', {},
          h('th', { scope: 'row' }, h('span', { class: 'ref', text: t.label }), ' ', t.text),
          h('td', { class: 'decision ' + t.decision.replace(/ /g, '-') }, t.decision, t.decidedOn ? h('div', { class: 'muted', text: formatDate(t.decidedOn) }) : null),
          h('td', { text: t.feedback || '—' }),
          h('td', {}, t.evidence.length ? t.evidence.map((r) => { const e = byRef.get(r); return e ? h('div', {}, link('evidence/' + l.id + '/' + e.id, r + ' ' + e.title)) : r; }) : '—')))))]),
    h('h2', { text: 'Feedback to the learner' }),
    h('p', { class: 'pre', text: u.feedback || 'None recorded.' }),
    u.learnerComments ? [h('h2', { text: "Learner's comments" }), h('p', { class: 'pre', text: u.learnerComments })] : null,
    h('h2', { text: 'Records of this unit' }),
    u.records.length ? h('ul', {}, u.records.map((r) => h('li', {}, link('record/' + encodeURIComponent(r.path), r.title)))) : h('p', { text: 'None in the pack.' }),
  ];
}

function evidencePage(l, e) {
  setCrumbs([['', 'Visit pack'], ['learner/' + l.id, l.name], ['evidence/' + l.id + '/' + e.id, e.ref + ' ' + e.title]]);
  return [
    h('h1', { text: e.ref + ' ' + e.title }),
    facts([['Method', e.method], ['Produced on', formatDate(e.producedOn)], ['Produced by', dash(e.producedBy)], ['Location', dash(e.location)],
      e.file ? ['File', h('span', {}, fileLink(e.file, e.file.originalName), ' (SHA-256 ' + e.file.sha256 + ')')] : null]),
    e.leftOut ? h('p', { class: 'note', text: 'The file and record are ' + e.leftOut + '.' }) : null,
    e.notes ? h('p', { class: 'pre', text: e.notes }) : null,
    e.record ? [h('h2', { text: 'What was recorded' }), h('p', { class: 'pre', text: e.record })] : null,
    e.file ? h('div', { class: 'preview', 'data-testid': 'evidence-preview' }, preview(e.file)) : null,
  ];
}

function allRecords() {
  const rows = [];
  for (const l of data.learners) for (const u of l.units) for (const r of u.records) rows.push([l.name + ', ' + u.ref, r]);
  for (const r of data.sampling) rows.push(['IQA sampling', r]);
  return rows;
}
function recordsPage() {
  setCrumbs([['', 'Visit pack'], ['records', 'Signed records']]);
  return [h('h1', { text: 'Signed records' }),
    h('p', { text: 'Each PDF carries its signatures; a PDF reader that trusts centre.pem (in this folder) shows who signed it and that it is unchanged.' }),
    h('ul', { 'data-testid': 'record-list' }, allRecords().map(([what, r]) => h('li', {}, link('record/' + encodeURIComponent(r.path), r.title), h('span', { class: 'muted', text: ' · ' + what }))))];
}
function recordPage(p) {
  const found = allRecords().find(([, r]) => r.path === p) || data.sections.flatMap((s) => s.documents.map((d) => ['', d])).find(([, d]) => d.path === p);
  if (!found) return notFound();
  const r = found[1];
  setCrumbs([['', 'Visit pack'], ['records', 'Signed records'], ['record/' + encodeURIComponent(r.path), r.title]]);
  return [h('h1', { text: r.title }), h('p', {}, fileLink(r, 'Open the file itself'), ' (to check its signatures in a PDF reader)'),
    h('div', { class: 'preview', 'data-testid': 'record-preview' }, preview(r))];
}

function planPage() {
  const plan = data.plan;
  if (!plan) return notFound();
  setCrumbs([['', 'Visit pack'], ['plan', 'Sampling plan']]);
  return [h('h1', { text: 'Sampling plan: ' + plan.qualification }),
    h('p', { text: 'Period ' + formatDate(plan.period.from) + ' to ' + formatDate(plan.period.to) + '. The samples of the learners in this pack are below' + (plan.otherSamples ? '; ' + plan.otherSamples + ' other samples are of learners outside this visit, so they are counted here and not named.' : '.') }),
    h('table', {}, h('thead', {}, h('tr', {}, ['Learner', 'Unit', 'Assessor', 'IQA', 'Type', 'Planned', 'Done', 'Why chosen'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, plan.samples.map((s) => h('tr', {}, [s.learner, s.unit, s.assessor, s.iqa, s.type, formatDate(s.plannedDate), s.actualDate ? formatDate(s.actualDate) : 'not yet', s.reasons.join('; ')].map((c) => h('td', { text: c })))))),
    h('h2', { text: 'Sampling records and reports' }),
    data.sampling.length ? h('ul', {}, data.sampling.map((r) => h('li', {}, link('record/' + encodeURIComponent(r.path), r.title)))) : h('p', { text: 'None in the pack.' })];
}

function sectionPage(s) {
  setCrumbs([['', 'Visit pack'], ['section/' + s.id, s.title]]);
  return [h('h1', { text: s.title }), h('p', { text: s.intro }),
    s.rows.map((r) => [h('h2', { text: r.heading }), facts(r.cells.map((c) => [c.label, c.value]))]),
    s.documents.length ? [h('h2', { text: 'Documents' }), h('ul', {}, s.documents.map((d) => h('li', {}, link('record/' + encodeURIComponent(d.path), d.title))))] : null];
}

function checkPage() {
  setCrumbs([['', 'Visit pack'], ['check', 'How to check this pack']]);
  return [h('h1', { text: 'How to check this pack' }),
    h('p', { text: 'MANIFEST.sha256 lists every file with its SHA-256. ' + (data.signedBy ? 'It is signed by ' + data.signedBy + ' (MANIFEST.sha256.p7s); the signature is checked against centre.pem, the centre certificate.' : 'It is not signed.') }),
    h('pre', { text: 'sha256sum -c MANIFEST.sha256\nopenssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s -content MANIFEST.sha256 -CAfile centre.pem -purpose any -out /dev/null\nworkbench verify-pack .' })];
}

function searchPage(q) {
  setCrumbs([['', 'Visit pack'], ['search/' + encodeURIComponent(q), 'Search: ' + q]]);
  const needle = q.toLowerCase();
  const hits = [];
  const has = (...texts) => texts.some((t) => t && String(t).toLowerCase().includes(needle));
  for (const l of data.learners) {
    if (has(l.name, l.uln, l.employer, l.workplace)) hits.push(link('learner/' + l.id, l.name));
    for (const u of l.units) {
      if (has(u.ref, u.title, u.assessor, u.feedback)) hits.push(link('unit/' + l.id + '/' + u.id, l.name + ': ' + u.ref + ' ' + u.title));
      for (const o of u.outcomes) for (const t of o.targets) if (has(t.label, t.text, t.feedback)) hits.push(link('unit/' + l.id + '/' + u.id, l.name + ': ' + u.ref + ' criterion ' + t.label));
    }
    for (const e of l.evidence) if (has(e.ref, e.title, e.method, e.notes, e.record, e.producedBy)) hits.push(link('evidence/' + l.id + '/' + e.id, l.name + ': ' + e.ref + ' ' + e.title));
  }
  for (const [what, r] of allRecords()) if (has(r.title, what)) hits.push(link('record/' + encodeURIComponent(r.path), r.title));
  for (const s of data.sections) if (has(s.title, JSON.stringify(s.rows))) hits.push(link('section/' + s.id, s.title));
  return [h('h1', { text: 'Search: ' + q }), hits.length ? h('ul', { 'data-testid': 'search-results' }, hits.map((a) => h('li', {}, a))) : h('p', { text: 'Nothing in the pack matches "' + q + '".' })];
}

function notFound() {
  setCrumbs([['', 'Visit pack']]);
  return [h('h1', { text: 'Not in this pack' }), h('p', {}, 'That page is not in this pack. ', link('', 'Back to the start'))];
}

function route() {
  const parts = decodeURIComponent(location.hash.replace(/^#/, '')).split('/');
  const [kind, a] = parts;
  const rest = parts.slice(1).join('/');
  const l = a ? learnerOf(a) : null;
  let page;
  if (!kind) page = home();
  else if (kind === 'learner' && l) page = learnerPage(l);
  else if (kind === 'unit' && l && l.units.find((u) => u.id === parts[2])) page = unitPage(l, l.units.find((u) => u.id === parts[2]));
  else if (kind === 'evidence' && l && l.evidence.find((e) => e.id === parts[2])) page = evidencePage(l, l.evidence.find((e) => e.id === parts[2]));
  else if (kind === 'records') page = recordsPage();
  else if (kind === 'record') page = recordPage(rest);
  else if (kind === 'plan') page = planPage();
  else if (kind === 'section' && data.sections.find((s) => s.id === a)) page = sectionPage(data.sections.find((s) => s.id === a));
  else if (kind === 'check') page = checkPage();
  else if (kind === 'search') page = searchPage(rest);
  else page = notFound();
  main.replaceChildren(...[page].flat(Infinity).filter((x) => x));
  const heading = main.querySelector('h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); document.title = heading.textContent + ' — EQA visit pack'; }
}
document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('search-box').value.trim();
  if (q) location.hash = 'search/' + encodeURIComponent(q);
});
window.addEventListener('hashchange', route);
route();
`;
