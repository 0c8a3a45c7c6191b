import type { PackData } from './pack-model';
import { escapeHtml, offlineHead } from './offline-page';
import { PACK_SCRIPT } from './pack-script';

/** The pack data as a JSON script block: `<` is escaped so no text can close the element. */
function inlineJson(data: PackData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

/**
 * index.html: opens from the file system in any browser with no server and no network. Script
 * and style are inline; the policy forbids every request but the folder's own files.
 */
export function packHtml(data: PackData): string {
  return `${offlineHead(`EQA visit pack — ${data.centre.name}`)}
<header>
<a class="home" href="#">EQA visit pack — ${escapeHtml(data.centre.name)}</a>
<form id="search" role="search">
<label for="search-box">Search the pack</label>
<input id="search-box" type="search" placeholder="a learner, unit, criterion or evidence">
<button type="submit">Search</button>
</form>
</header>
<nav id="crumbs" aria-label="Where you are"></nav>
<main id="main"><p>This pack needs JavaScript to browse. Every file is also in this folder: see MANIFEST.sha256 for the list.</p></main>
<script type="application/json" id="pack-data">${inlineJson(data)}</script>
<script>${PACK_SCRIPT}</script>
</body>
</html>
`;
}
