/** Unit details written as "Label: value" lines or two-cell rows at the top of a specification. */

export type MetadataField =
  'title' | 'level' | 'credits' | 'glh' | 'ofqual' | 'awardingBody' | 'outcomeCount';

export interface MetadataHit {
  field: MetadataField;
  /** null when the label was recognised but the value could not be read. */
  value: string | number | null;
  written: string;
}

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const ofqualPattern = /\b[A-Z]\/\d{3}\/\d{4}\b|\b[A-Z]\d{3}\s?\d{4}\b/;

/** "Level: Three", "Level 3", "L3", "Entry Level 2", "E2" → "3", "Entry 2". */
export function normaliseLevel(written: string): string | null {
  const value = written.toLowerCase().replace(/[()]/g, ' ').trim();
  const entry =
    /\bentry\s*(?:level\s*)?(\d+|one|two|three)\b/.exec(value) ?? /^e\s*(\d)\b/.exec(value);
  if (entry?.[1]) {
    const n = toNumber(entry[1]);
    return n !== null && n >= 1 && n <= 3 ? `Entry ${n}` : null;
  }
  const level = /^(?:(?:rqf|qcf|nqf)\s+)?(?:level\s*|l\s*)?(\d+|[a-z]+)\b/.exec(value);
  if (!level?.[1]) return null;
  const n = toNumber(level[1]);
  return n !== null && n >= 1 && n <= 8 ? String(n) : null;
}

function toNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return numberWords[text] ?? null;
}

function readNumber(value: string): number | null {
  const m = /\d+(?:\.\d+)?/.exec(value);
  if (m) return Number(m[0]);
  const word = /^[a-z]+/.exec(value.trim().toLowerCase());
  return word ? (numberWords[word[0]] ?? null) : null;
}

function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function fieldForLabel(label: string, value: string): MetadataField | null {
  const l = normaliseLabel(label);
  if (!l || l.split(' ').length > 6) return null;
  if (/^(unit )?(title|name)$|^(title|name) of (the )?unit$/.test(l)) return 'title';
  if (/^((unit|rqf|qcf|nqf) )?level$/.test(l)) return 'level';
  if (/^(unit )?credits?( value)?$|^credit value of (the )?unit$|^number of credits$/.test(l)) {
    return 'credits';
  }
  if (/^(glh|guided learning hours?|guided learning)$/.test(l)) return 'glh';
  if (/\b(ofqual|urn|uan|qca|accreditation)\b|reference number|unit reference/.test(l)) {
    return ofqualPattern.test(value) || /\b(ofqual|urn|uan|qca)\b/.test(l)
      ? 'ofqual'
      : 'awardingBody';
  }
  if (/\bcode\b|\bunit (number|no)$/.test(l)) {
    return ofqualPattern.test(value) && !/ocn|awarding|centre/.test(l) ? 'ofqual' : 'awardingBody';
  }
  return null;
}

function hit(field: MetadataField, written: string): MetadataHit {
  const value = written.trim();
  switch (field) {
    case 'title':
      return { field, value: value || null, written };
    case 'level':
      return { field, value: normaliseLevel(value), written };
    case 'credits':
    case 'glh':
    case 'outcomeCount':
      return { field, value: readNumber(value), written };
    case 'ofqual':
      return { field, value: ofqualPattern.exec(value)?.[0] ?? (value || null), written };
    case 'awardingBody':
      return { field, value: value.split(/\s+/)[0] || null, written };
  }
}

function labelled(cell: string): MetadataHit | null {
  const colon = /^([^:]{1,60}):\s*(.*)$/.exec(cell);
  if (!colon?.[1] || !colon[2]) return null;
  const field = fieldForLabel(colon[1], colon[2]);
  return field ? hit(field, colon[2]) : null;
}

/** Cells read as label/value pairs ("Level:", "2", "Credits:", "3"), or null if any is not one. */
function readPairs(cells: string[]): MetadataHit[] | null {
  const hits: MetadataHit[] = [];
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    const inline = labelled(cell);
    if (inline) {
      hits.push(inline);
      continue;
    }
    const value = cells[i + 1];
    const field = value === undefined ? null : fieldForLabel(cell.replace(/:$/, ''), value);
    if (!field || value === undefined) return null;
    hits.push(hit(field, value));
    i += 1;
  }
  return hits;
}

// Labels as they run together on one line ("Level 2 Credit value 3 GLH 20", a Markdown line
// "Level: 2 | Credits: 3"), longest first so "unit reference number" wins over "unit reference".
const runLabels = [
  'ofqual unit reference number', 'ofqual unit reference', 'unit reference number',
  'unit accreditation number', 'awarding body unit code', 'ofqual unit code', 'ofqual reference',
  'guided learning hours', 'number of credits', 'unit reference', 'ofqual code', 'ofqual ref',
  'credit value', 'unit title', 'unit level', 'unit code', 'credits', 'credit', 'level', 'glh',
  'uan', 'urn',
]; // prettier-ignore
const runLabelPattern = new RegExp(
  `(?<=^|[|;·•,]|\\s)(${runLabels.join('|').replace(/ /g, '\\s+')})\\s*(?::\\s*|\\s+)(?=\\S)`,
  'gi',
);

/** Several labels and values on one line; null unless every value reads as its field. */
export function readLabelRun(text: string): MetadataHit[] | null {
  let found = [...text.matchAll(runLabelPattern)];
  if (found[0]?.index !== 0) return null;
  // A label word inside a value ("… at low level Unit reference …") is part of that value.
  found = found.filter(
    (m, i) => i === found.length - 1 || (found[i + 1]?.index ?? 0) > m.index + m[0].length,
  );
  if (found.length < 2) return null;
  const hits: MetadataHit[] = [];
  for (const [i, m] of found.entries()) {
    const start = m.index + m[0].length;
    const end = found[i + 1]?.index ?? text.length;
    const value = text
      .slice(start, end)
      .replace(/[\s|;·•,]+$/, '')
      .trim();
    const label = m[1] ?? '';
    const field = fieldForLabel(label, value);
    if (!field || !value) return null;
    const read = hit(field, value);
    if (read.value === null) return null;
    if ((field === 'credits' || field === 'glh') && !/^\d+(?:\.\d+)?$/.test(value)) return null;
    if (field === 'level' && value.split(/\s+/).length > 3) return null;
    hits.push(read);
  }
  return hits;
}

/** Reads a row's cells as metadata; an empty list when the row is something else. */
export function readMetadata(cells: string[]): MetadataHit[] {
  if (!cells.length) return [];
  const whole = cells.join(' ');
  const run = readLabelRun(whole);
  if (run) return run;
  const pairs = readPairs(cells);
  if (pairs?.length) return pairs;
  const single = labelled(whole);
  if (single) return [single];
  if (
    /^(?:entry\s+)?level\s+(\d|one|two|three|four|five|six|seven|eight|entry\s+\d)$/i.test(whole)
  ) {
    return [hit('level', whole)];
  }
  const count = /^this unit has (\w+) learning outcomes?\.?$/i.exec(whole);
  if (count?.[1]) return [hit('outcomeCount', count[1])];
  return [];
}
