import { formatDate, formatDateTime } from '../kernel/dates';
import type { PackFile } from '../visit-pack/pack-model';
import { escapeHtml, offlineHead } from '../visit-pack/offline-page';
import type { LearnerCopyData } from './copy-model';
import { unitLabel } from '../kernel/unit-label';

type Data = LearnerCopyData;
type Evidence = Data['evidence'][number];

/** Text, escaped; an em dash when empty. */
const t = (text: string | null | undefined) => (text ? escapeHtml(text) : '—');
const day = (value: string | null | undefined) => t(formatDate(value));
const moment = (value: string | null | undefined) => t(formatDateTime(value));
const href = (file: PackFile) => escapeHtml(encodeURI(file.path));

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function table(head: string[], rows: string[][], className = ''): string {
  if (!rows.length) return '<p class="muted">None.</p>';
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function preview(file: NonNullable<Evidence['file']>): string {
  const src = href(file);
  const title = escapeHtml(file.title);
  if (file.mediaType.startsWith('image/'))
    return `<img src="${src}" alt="${title}" class="preview-image" loading="lazy">`;
  if (file.mediaType === 'application/pdf')
    return `<iframe src="${src}" title="Preview of ${title}" class="preview-pdf" loading="lazy"></iframe>`;
  if (file.mediaType.startsWith('audio/'))
    return `<audio src="${src}" controls preload="none"></audio>`;
  if (file.mediaType.startsWith('video/'))
    return `<video src="${src}" controls preload="none" class="preview-image"></video>`;
  return '<p class="muted">This kind of file does not preview here: open it with the link above.</p>';
}

function evidenceItem(e: Evidence): string {
  const status = [e.archived ? 'archived' : '', e.leftOut ?? ''].filter(Boolean).join('; ');
  return `<section class="evidence" id="evidence-${escapeHtml(e.ref)}" data-testid="evidence-item">
<h3>${escapeHtml(e.ref)} ${escapeHtml(e.title)}${status ? ` <span class="muted">(${escapeHtml(status)})</span>` : ''}</h3>
${facts([
  ['Method', t(e.method)],
  ['Produced on', day(e.producedOn)],
  ['Produced by', t(e.producedBy)],
  ['Location', t(e.location)],
  ['Added', moment(e.addedAt)],
  [
    'File',
    e.file
      ? `<a href="${href(e.file)}">${escapeHtml(e.file.originalName)}</a> (SHA-256 ${e.file.sha256})`
      : e.leftOut
        ? escapeHtml(e.leftOut)
        : 'none: a record written in the workbench',
  ],
])}
${e.leftOut ? `<p class="note">${escapeHtml(`The file and what was written about it are ${e.leftOut}. Ask the centre if you need to know more about it.`)}</p>` : ''}
${e.notes ? `<p class="pre">${escapeHtml(e.notes)}</p>` : ''}
${e.record ? `<h4>What was recorded</h4><p class="pre">${escapeHtml(e.record)}</p>` : ''}
${e.file ? `<details><summary>Preview ${escapeHtml(e.title)}</summary>${preview(e.file)}</details>` : ''}
</section>`;
}

function units(data: Data): string {
  return data.units
    .map(
      (u) => `<section class="unit"><h3>${escapeHtml(unitLabel(u.ref, u.title))}</h3>
${facts([
  ['Assessor', t(u.assessor)],
  [
    'Unit decision',
    u.signedOff
      ? `Achieved (signed off${u.countersigned ? ', countersigned' : ''})`
      : 'Not yet achieved',
  ],
  ['Feedback to you', t(u.feedback)],
  ['Your comments', t(u.learnerComments)],
])}
${u.outcomes
  .map(
    (o) =>
      `<h4>Outcome ${escapeHtml(o.ref)}: ${escapeHtml(o.text)}</h4>${table(
        ['Criterion', 'Decision', 'Feedback', 'Evidence'],
        o.targets.map((c) => [
          `<span class="ref">${escapeHtml(c.label)}</span> ${escapeHtml(c.text)}`,
          `<span class="decision ${c.decision.replace(/ /g, '-')}">${escapeHtml(c.decision)}</span>${c.decidedOn ? `<div class="muted">${day(c.decidedOn)}</div>` : ''}`,
          t(c.feedback),
          c.evidence
            .map((r) => `<a href="#evidence-${escapeHtml(r)}">${escapeHtml(r)}</a>`)
            .join(', ') || '—',
        ]),
        'criteria',
      )}`,
  )
  .join('\n')}</section>`,
    )
    .join('\n');
}

function sections(data: Data): string[] {
  const l = data.learner;
  return [
    `<h2 id="about">About you</h2>${facts([
      ['Name', t(l.name)],
      ['Unique Learner Number', t(l.uln)],
      ['Date of birth', day(l.dateOfBirth)],
      ['Employer', t(l.employer)],
      ['Workplace', t(l.workplace)],
      ['Cohort', t(l.cohort)],
      ['Needs and adjustments', t(l.needs)],
    ])}`,
    `<h2 id="registrations">Units you are registered on</h2>${table(
      ['Unit', 'Assessor', 'Registered', 'Qualification', 'Status'],
      data.registrations.map((r) => [
        `${t(r.unit)} (version ${r.version})`,
        t(r.assessor),
        moment(r.registeredAt),
        t(r.qualification),
        r.withdrawn ? 'withdrawn' : 'registered',
      ]),
    )}`,
    `<h2 id="units">Your units: criteria, decisions and feedback</h2>${units(data) || '<p class="muted">None.</p>'}`,
    `<h2 id="evidence">Your evidence</h2>${data.evidence.map(evidenceItem).join('\n') || '<p class="muted">None.</p>'}`,
    `<h2 id="testimonies">Witness testimonies</h2>${table(
      ['Evidence', 'Unit', 'Witness', 'Activity', 'What the witness saw', 'Criteria'],
      data.testimonies.map((w) => [
        t(w.evidence),
        t(w.unit),
        w.leftOut
          ? escapeHtml(w.leftOut)
          : `${t(w.witness)}${w.witnessRole ? `<div class="muted">${escapeHtml(w.witnessRole)}</div>` : ''}`,
        `${day(w.activityDate)}${w.venue ? `, ${escapeHtml(w.venue)}` : ''}`,
        `<span class="pre">${t(w.description)}</span>`,
        w.criteria
          .map((c) => `${escapeHtml(c.label)}${c.how ? `: ${escapeHtml(c.how)}` : ''}`)
          .join('<br>') || '—',
      ]),
    )}`,
    `<h2 id="records">Records</h2>${table(
      ['Record', 'Issued', 'Signed by'],
      data.records.map((r) => [
        `<a href="${href(r)}">${escapeHtml(r.title)}</a>`,
        moment(r.issuedAt),
        t(r.signedBy.join(', ')),
      ]),
    )}`,
    `<h2 id="sign-offs">Sign-offs</h2>${table(
      ['Unit', 'Signed off', 'Countersigned', 'Unlocked'],
      data.signOffs.map((s) => [
        t(s.unit),
        `${t(s.signedOffBy)}, ${moment(s.signedOffAt)}`,
        s.countersignedBy ? `${t(s.countersignedBy)}, ${moment(s.countersignedAt)}` : '—',
        s.voided ? `${t(s.voided.by)}, ${moment(s.voided.at)}: ${t(s.voided.reason)}` : '—',
      ]),
    )}`,
    `<h2 id="reviews">IQA reviews of your work</h2>${table(
      ['Unit', 'IQA', 'Reviewed', 'Decision', 'Feedback to the assessor'],
      data.reviews.map((r) => [
        t(r.unit),
        t(r.iqa),
        day(r.on),
        t(r.decision),
        `<span class="pre">${t(r.feedback)}</span>`,
      ]),
    )}`,
    `<h2 id="audit">Audit trail: every change to your records</h2>${table(
      ['When', 'Who', 'What', 'Before', 'After'],
      data.audit.map((a) => [
        moment(a.at),
        `${t(a.who)} <span class="muted">(${escapeHtml(a.role)})</span>`,
        `${escapeHtml(a.action)}: ${escapeHtml(a.target)}`,
        t(a.before),
        t(a.after),
      ]),
      'audit',
    )}`,
  ];
}

/**
 * index.html of a learner's copy: one page of plain HTML (no script), opening from the file
 * system in any browser with no server and no network.
 */
export function copyHtml(data: Data): string {
  const title = `${data.learner.name}: your data held by ${data.centre.name}`;
  const parts = sections(data);
  return `${offlineHead(title)}
<header><span class="home">${escapeHtml(data.centre.name)}${data.centre.demo ? ' · Demo data' : ''}</span></header>
<main id="main">
<h1>${escapeHtml(title)}</h1>
<p>This is a copy of everything ${escapeHtml(data.centre.name)} holds about you in its assessment records, made on ${moment(data.madeAt)} by ${t(data.madeBy)}. It opens in any web browser; nothing here needs the internet. The files themselves are in this folder: your evidence and records under <code>portfolio/</code>, the IQA's records of your work under <code>sampling/</code>, and the same information for computers in <code>copy.json</code> and <code>data/</code>. <code>MANIFEST.sha256</code> lists every file with its SHA-256, so you can check none has changed.</p>
<nav aria-label="Contents"><ul>
<li><a href="#about">About you</a></li><li><a href="#registrations">Units you are registered on</a></li>
<li><a href="#units">Criteria, decisions and feedback</a></li><li><a href="#evidence">Your evidence</a></li>
<li><a href="#testimonies">Witness testimonies</a></li><li><a href="#records">Records</a></li>
<li><a href="#sign-offs">Sign-offs</a></li><li><a href="#reviews">IQA reviews</a></li>
<li><a href="#audit">Audit trail</a></li><li><a href="#notes">What is not in this copy</a></li>
</ul></nav>
${parts.join('\n')}
<h2 id="notes">What is not in this copy</h2>
<ul>${data.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}${data.evidence
    .filter((e) => e.leftOut)
    .map((e) => `<li>${escapeHtml(`${unitLabel(e.ref, e.title)}: ${e.leftOut}.`)}</li>`)
    .join('')}</ul>
</main>
</body>
</html>
`;
}
