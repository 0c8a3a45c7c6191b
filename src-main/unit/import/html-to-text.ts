import { parse, type DefaultTreeAdapterMap } from 'parse5';

/**
 * Turns a web page or a converted Word document into text the importer reads, through a real HTML
 * parser. Each table row becomes one line with its cells separated by tabs; a cell merged down
 * over several rows (`rowspan`) leaves an empty cell on the rows below, as a Word table pasted as
 * text does; list items inside a cell go on lines of their own in that cell's column. Ordered
 * lists keep the numbers the page shows (including `start`, `value` and lettered or roman
 * types), definition lists become "term: definition" lines. Every line remembers the line of the
 * HTML it came from, so problems can be reported against the file.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface HtmlLine {
  text: string;
  /** 1-based line of the HTML source. */
  source: number;
}

const skipped = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object', 'button', 'select',
  'nav',
]); // prettier-ignore
const blocks = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'dt', 'dd', 'dl', 'hr', 'caption', 'main', 'aside',
  'figure', 'figcaption', 'address', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot',
]); // prettier-ignore

const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function numberAttr(el: Element, name: string, fallback: number, max = 1000): number {
  const n = Number.parseInt(attr(el, name) ?? '', 10);
  return Number.isFinite(n) ? Math.max(Math.min(n, max), name === 'start' ? -max : 1) : fallback;
}

/**
 * Sets each node's line from its character offset, which parse5 always gets right: its line count
 * runs one ahead after a bare `&` at the end of a line (`Fish & \nchips`), which would point the
 * import's notices at the wrong line of the page.
 */
function lineFromOffset(node: Node, html: string, breaks = newlineOffsets(html)): void {
  const location = node.sourceCodeLocation;
  if (location) {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]! < location.startOffset) low = mid + 1;
      else high = mid;
    }
    location.startLine = low + 1;
  }
  for (const child of (node as { childNodes?: Node[] }).childNodes ?? []) {
    lineFromOffset(child, html, breaks);
  }
  const content = (node as { content?: Node }).content;
  if (content) lineFromOffset(content, html, breaks);
}

/** Where each line ends: a CR LF, a CR or an LF, as the page's own lines are counted. */
function newlineOffsets(html: string): number[] {
  return [...html.matchAll(/\r\n|\r|\n/g)].map((match) => match.index);
}

function startLine(node: Node): number | undefined {
  return node.sourceCodeLocation?.startLine;
}

function listMarker(type: string | undefined, n: number): string {
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + Math.min(Math.max(n, 1), 26));
    return `${type === 'A' ? letter.toUpperCase() : letter})`;
  }
  if (type === 'i' || type === 'I') {
    const roman = romans[n - 1] ?? String(n);
    return `${type === 'I' ? roman.toUpperCase() : roman})`;
  }
  return `${n}.`;
}

/** Collects text into lines; a new line starts at each block boundary. */
class LineWriter {
  readonly lines: HtmlLine[] = [];
  private text = '';
  private source = 0;

  write(text: string, source: number | undefined): void {
    if (!this.text.trim() && source !== undefined) this.source = source;
    this.text += text;
  }

  /** Starts the next line with a prefix (a heading's `#`, a list item's number). */
  prefix(text: string, source: number | undefined): void {
    this.flush();
    this.text = text;
    if (source !== undefined) this.source = source;
  }

  /** A blank line, so what follows a table or heads a section is not run onto what came before. */
  gap(): void {
    this.flush();
    const last = this.lines[this.lines.length - 1];
    if (last && last.text) this.lines.push({ text: '', source: last.source });
  }

  flush(): void {
    const clean = this.text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (clean && !/^(?:#+|-|\d+\.|[a-z]\)|[ivx]+\))$/i.test(clean)) {
      this.lines.push({ text: clean, source: this.source });
    }
    this.text = '';
  }
}

interface ListState {
  ordered: boolean;
  type: string | undefined;
  next: number;
}

/**
 * A list and its items, each item on a line of its own behind its marker: the list's own numbers
 * (with `start`, `value` and lettered or roman types) or `bullet`.
 */
function walkList(
  out: LineWriter,
  lists: ListState[],
  node: Element,
  children: (node: Node) => void,
  bullet: string,
): void {
  out.flush();
  if (node.tagName === 'li') {
    const list = lists[lists.length - 1];
    let marker = bullet;
    if (list?.ordered) {
      const n = numberAttr(node, 'value', list.next);
      marker = listMarker(list.type, n);
      list.next = n + 1;
    }
    out.prefix(`${marker} `, startLine(node));
  } else {
    const ordered = node.tagName === 'ol';
    lists.push({
      ordered,
      type: attr(node, 'type'),
      next: ordered ? numberAttr(node, 'start', 1) : 1,
    });
  }
  children(node);
  if (node.tagName !== 'li') lists.pop();
  out.flush();
}

class Converter {
  constructor(private readonly out: LineWriter) {}
  private lists: ListState[] = [];

  children(node: Node): void {
    if ('childNodes' in node) for (const child of node.childNodes) this.node(child);
  }

  node(node: Node): void {
    if (node.nodeName === '#text' && 'value' in node) {
      this.out.write(node.value, startLine(node));
      return;
    }
    if (!isElement(node)) {
      this.children(node);
      return;
    }
    const tag = node.tagName;
    if (skipped.has(tag) || attr(node, 'hidden') !== undefined) return;
    if (tag === 'table') {
      this.out.gap();
      new TableReader(this.out).table(node);
      this.out.gap();
      return;
    }
    if (tag === 'dl') {
      this.definitions(node);
      return;
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'li') {
      walkList(this.out, this.lists, node, (n) => this.children(n), '-');
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      this.out.gap();
      this.out.prefix(`${'#'.repeat(Number(heading[1]))} `, startLine(node));
      this.children(node);
      this.out.flush();
      return;
    }
    if (blocks.has(tag)) this.out.flush();
    else this.out.write('', startLine(node));
    this.children(node);
    if (blocks.has(tag)) this.out.flush();
  }

  /** "Credit value" / "3" in a definition list reads as the line "Credit value: 3". */
  private definitions(dl: Element): void {
    this.out.flush();
    const items = dl.childNodes.flatMap((child) =>
      isElement(child) && child.tagName === 'div' ? child.childNodes : [child],
    );
    let term: { text: string; source: number | undefined } | null = null;
    let values: string[] = [];
    const emit = () => {
      if (term) {
        const label = term.text.replace(/:$/, '');
        this.out.write(values.length ? `${label}: ${values.join('; ')}` : term.text, term.source);
        this.out.flush();
      }
      term = null;
      values = [];
    };
    for (const item of items) {
      if (!isElement(item)) continue;
      if (item.tagName === 'dt') {
        emit();
        term = { text: textOf(item), source: startLine(item) };
      } else if (item.tagName === 'dd') {
        if (term) values.push(textOf(item));
        else {
          this.out.write(textOf(item), startLine(item));
          this.out.flush();
        }
      }
    }
    emit();
  }
}

/** The text of an element on one line, with scripts and hidden parts left out. */
function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value.replace(/\s+/g, ' ');
  if (isElement(node) && (skipped.has(node.tagName) || attr(node, 'hidden') !== undefined)) {
    return '';
  }
  if (!('childNodes' in node)) return '';
  const parts = node.childNodes.map((child) => {
    const text = textOf(child);
    return isElement(child) && blocks.has(child.tagName) ? ` ${text} ` : text;
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

interface CellContent {
  lines: HtmlLine[];
  rowspan: number;
  colspan: number;
}

class TableReader {
  /** For each column, how many more rows a cell from above still covers. */
  private spans: number[] = [];

  constructor(private readonly out: LineWriter) {}

  table(table: Element): void {
    for (const row of this.rows(table)) this.row(row);
  }

  private rows(node: Element): Element[] {
    const rows: Element[] = [];
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...this.rows(child));
    }
    return rows;
  }

  private row(tr: Element): void {
    const cells: HtmlLine[][] = [];
    const carry = [...this.spans];
    const next: number[] = [];
    const source = startLine(tr) ?? 0;
    const fillCovered = () => {
      while ((carry[cells.length] ?? 0) > 0) {
        next[cells.length] = (carry[cells.length] ?? 1) - 1;
        cells.push([]);
      }
    };
    for (const child of tr.childNodes) {
      if (!isElement(child) || (child.tagName !== 'td' && child.tagName !== 'th')) continue;
      fillCovered();
      const content = this.cell(child);
      for (let i = 0; i < content.colspan; i += 1) {
        next[cells.length] = content.rowspan - 1;
        cells.push(i === 0 ? content.lines : []);
      }
    }
    fillCovered();
    while (cells.length < carry.length) {
      next[cells.length] = Math.max((carry[cells.length] ?? 1) - 1, 0);
      cells.push([]);
    }
    this.spans = next.map((n) => n ?? 0);
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let j = 0; j < height; j += 1) {
      const text = cells
        .map((c) => c[j]?.text ?? '')
        .join('\t')
        .replace(/\t+$/, '');
      const from = cells.find((c) => c[j])?.[j]?.source ?? source;
      if (text.trim()) this.out.lines.push({ text, source: from });
    }
  }

  /** A cell's text; each list item inside it (and whatever follows a list) on a line of its own. */
  private cell(td: Element): CellContent {
    const writer = new LineWriter();
    const cellConverter = new CellConverter(writer);
    cellConverter.children(td);
    writer.flush();
    return {
      lines: writer.lines.map((l) => ({ text: l.text.replace(/\t/g, ' '), source: l.source })),
      rowspan: numberAttr(td, 'rowspan', 1),
      colspan: numberAttr(td, 'colspan', 1, 50),
    };
  }
}

/** Inside a cell, each paragraph and list item is a line of the cell; a nested table is text. */
class CellConverter {
  private lists: ListState[] = [];
  constructor(private readonly out: LineWriter) {}

  children(node: Node): void {
    if ('childNodes' in node) for (const child of node.childNodes) this.node(child);
  }

  private node(node: Node): void {
    if (node.nodeName === '#text' && 'value' in node) {
      this.out.write(node.value, startLine(node));
      return;
    }
    if (!isElement(node)) return this.children(node);
    const tag = node.tagName;
    if (skipped.has(tag) || attr(node, 'hidden') !== undefined) return;
    if (tag === 'table') {
      this.out.write(` ${textOf(node)} `, startLine(node));
      return;
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'li') {
      walkList(this.out, this.lists, node, (n) => this.children(n), '•');
      return;
    }
    // Each paragraph of a cell on a line of its own: Word writes a numbered list in a cell as
    // paragraphs that each start with their number. Wrapped sentences are joined again later.
    if (blocks.has(tag)) this.out.flush();
    this.out.write('', startLine(node));
    this.children(node);
    if (blocks.has(tag)) this.out.flush();
  }
}

/** The page as lines of text, each with the line of the HTML it came from. */
export function htmlToLines(html: string): HtmlLine[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  lineFromOffset(document, html);
  const out = new LineWriter();
  new Converter(out).children(document);
  out.flush();
  return out.lines;
}

export function htmlToText(html: string): string {
  return htmlToLines(html)
    .map((l) => l.text)
    .join('\n');
}

/** Whether pasted or saved text is a web page (or a fragment of one with a table or list). */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<body[\s>]|^<head[\s>]/.test(start)) return true;
  return /<(table|ol|ul|dl)\b[^>]*>[\s\S]*<\/\1\s*>/i.test(text) && /<\/(td|li|dd)\s*>/i.test(text);
}
