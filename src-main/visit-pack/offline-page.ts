/**
 * What every page made to be opened from the file system shares (the EQA pack's index.html and
 * a learner's own copy): one style sheet and a policy that forbids every request but the
 * folder's own files, so the page works with no server and no network.
 */
export const OFFLINE_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src 'self' file:",
  "media-src 'self' file:",
  "frame-src 'self' file:",
  "object-src 'self' file:",
  "connect-src 'none'",
  "form-action 'none'",
].join('; ');

export const OFFLINE_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header a.home { font-weight: 600; color: var(--ink); text-decoration: none; }
nav#crumbs { padding: .5rem 1.5rem; color: var(--muted); }
main { padding: 0 1.5rem 3rem; max-width: 72rem; }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, button:focus-visible, h1:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
.ref { font-weight: 600; }
.muted { color: var(--muted); }
.note { background: #fff8c5; padding: .5rem .75rem; border: 1px solid #d4a72c; }
.decision.met { color: #116329; font-weight: 600; }
.decision.not-yet-met { color: #a40e26; font-weight: 600; }
.pre { white-space: pre-wrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.cards { list-style: none; padding: 0; }
ul.cards li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
.preview-image { max-width: 100%; max-height: 70vh; border: 1px solid var(--line); }
.preview-pdf { width: 100%; height: 80vh; border: 1px solid var(--line); }
input[type=search] { font: inherit; padding: .3rem .5rem; min-width: 16rem; }
button { font: inherit; padding: .3rem .8rem; }
@media print { header form, nav#crumbs { display: none; } }
`;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An offline page up to its opening `<body>`: language, policy, viewport, title and style. */
export function offlineHead(title: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${OFFLINE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${OFFLINE_STYLE}</style>
</head>
<body>`;
}
