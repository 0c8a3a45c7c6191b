import { describe, expect, it } from 'vitest';
import { htmlToLines, looksLikeHtml } from '../../../src-main/unit/import/html-to-text';

describe('reading a web page through its structure', () => {
  it('keeps list numbers as the page shows them, with start, value and lettered or roman types', () => {
    const lines = htmlToLines(
      [
        '<ol start="3"><li>Third</li><li value="7">Seventh</li><li>Eighth</li></ol>',
        '<ol type="a"><li>first</li><li>second</li></ol>',
        '<ol type="i"><li>one</li><li>two</li></ol>',
        '<ul><li>plain<ul><li>nested</li></ul></li></ul>',
      ].join('\n'),
    );
    expect(lines.map((l) => l.text)).toEqual([
      '3. Third',
      '7. Seventh',
      '8. Eighth',
      'a) first',
      'b) second',
      'i) one',
      'ii) two',
      '- plain',
      '- nested',
    ]);
  });

  it('reads a definition list as label and value, leaving out head, scripts and styles', () => {
    const lines = htmlToLines(
      [
        '<!doctype html>',
        '<html><head><title>Site name</title><style>p{}</style></head>',
        '<body><script>var title = "x";</script>',
        '<dl><dt>Level</dt><dd>Entry 3</dd><div><dt>GLH:</dt><dd>12</dd></div></dl>',
        '</body></html>',
      ].join('\n'),
    );
    expect(lines).toEqual([
      { text: 'Level: Entry 3', source: 4 },
      { text: 'GLH: 12', source: 4 },
    ]);
  });

  it('lays a table out as tab rows, rowspan and colspan leaving empty cells, lists in cells on lines of their own', () => {
    const lines = htmlToLines(
      [
        '<table>',
        '<tr><td rowspan="2">1. Know A</td><td colspan="2">1.1 Describe A</td></tr>',
        '<tr><td><ol><li>Explain B</li><li>State C</li></ol></td><td>Note</td></tr>',
        '</table>',
      ].join('\n'),
    );
    expect(lines).toEqual([
      { text: '1. Know A\t1.1 Describe A', source: 2 },
      { text: '\t1. Explain B\tNote', source: 3 },
      { text: '\t2. State C', source: 3 },
      { text: '', source: 3 },
    ]);
  });

  it('tells a web page from text with a stray tag in it', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html></html>')).toBe(true);
    expect(looksLikeHtml('<table><tr><td>1.1 Do</td></tr></table>')).toBe(true);
    expect(looksLikeHtml('<p>6. Understand customers</p>\t<p>6.1 Explain</p>')).toBe(false);
  });
});
