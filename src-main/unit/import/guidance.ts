import { endsSentence, joinWrapped, startsLowercase } from './clean-text';
import { isSectionHeading, isStructureHeading } from './headings';
import { rowText, splitRows, type Row } from './split-row';

/**
 * Assessor guidance (key concepts, tips, common mistakes, marking points) as a list of whole
 * statements. Each bullet or paragraph becomes one string, prefixed with the heading it sits
 * under so it still makes sense on its own ("Common mistakes: Confusing …").
 */

export interface GuidanceLine {
  line: number;
  text: string;
  kind: 'heading' | 'bullet' | 'text';
  /** The line directly above (no blank line between) was guidance too, so this may continue it. */
  follows: boolean;
  indent: number;
}

interface Item {
  section: string | null;
  text: string;
  kind: 'bullet' | 'text';
  indent: number;
}

export function buildGuidance(lines: GuidanceLine[]): string[] {
  const items: Item[] = [];
  let section: string | null = null;
  let sectionUsed = true;
  let lastKind: GuidanceLine['kind'] | null = null;
  for (const line of lines) {
    if (line.kind === 'heading') {
      if (!sectionUsed && section)
        items.push({ section: null, text: section, kind: 'text', indent: 0 });
      section = line.text.replace(/:$/, '').trim();
      sectionUsed = false;
      lastKind = 'heading';
      continue;
    }
    const last = items[items.length - 1];
    const continues =
      last !== undefined &&
      line.kind === 'text' &&
      line.follows &&
      lastKind !== 'heading' &&
      (last.kind === 'text' ||
        line.indent > last.indent ||
        startsLowercase(line.text) ||
        !endsSentence(last.text));
    if (continues) {
      last.text = joinWrapped(last.text, line.text);
    } else {
      items.push({ section, text: line.text, kind: line.kind, indent: line.indent });
      sectionUsed = true;
    }
    lastKind = line.kind;
  }
  if (!sectionUsed && section)
    items.push({ section: null, text: section, kind: 'text', indent: 0 });
  return items.map((item) => (item.section ? `${item.section}: ${item.text}` : item.text));
}

/** How a row reads when it is not part of the outcomes: a heading, a bullet or prose. */
export function guidanceLine(row: Row, follows: boolean, strict: boolean): GuidanceLine {
  const text = row.cells.length > 1 ? row.cells.map((c) => c.text).join(' – ') : rowText(row);
  const heading = !row.bullet && isSectionHeading(text, { markdown: row.markdownHeading, strict });
  return {
    line: row.line,
    text,
    kind: heading ? 'heading' : row.bullet ? 'bullet' : 'text',
    follows,
    indent: row.indent,
  };
}

/** Reads a guidance document (such as a topic synopsis) into strings to attach to a unit. */
export function importGuidance(text: string): string[] {
  const lines: GuidanceLine[] = [];
  let previousLine = -1;
  for (const row of splitRows(text)) {
    if (row.markupOnly) continue;
    const follows = !row.blankBefore && previousLine === row.line - 1;
    const g = guidanceLine(row, follows, false);
    if (g.kind === 'heading' && isStructureHeading(g.text)) continue;
    lines.push(g);
    previousLine = row.line;
  }
  return buildGuidance(lines);
}
