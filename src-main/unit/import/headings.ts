import { endsSentence, wordCount } from './clean-text';

/**
 * Column and block headings of an outcomes table ("Learning outcomes", "The learner can:").
 * They open the outcomes; they carry no wording of their own.
 */
const structureHeadings = [
  /^(?:learning\s+)?outcomes?(?:\s+and\s+assessment\s+criteria)?$/i,
  /^assessment\s+criteri(?:a|on)(?:\s+and\s+learning\s+outcomes?)?$/i,
  /^(?:learning\s+outcomes?|assessment\s+criteria)?\s*the\s+(?:learner|candidate|student)s?\s+(?:will|can|must|should)(?:\s+be\s+able\s+to)?$/i,
  /^(?:lo|ac|ref|no|number|lo\s*no|ac\s*no|learning\s+outcome\s+no|criterion\s+no)\.?$/i,
];

export function isStructureHeading(text: string): boolean {
  const t = text.replace(/[:.]+$/, '').trim();
  return structureHeadings.some((p) => p.test(t));
}

const sectionWords =
  /\b(guidance|range|assessment|delivery|evidence|notes?|information|aims?|summary|overview|content|introduction|purpose|tips|mistakes|misconceptions|points|concepts|principles|synopsis|strategies|requirements|resources|glossary|amplification|expansion|knowledge|links?)\b/i;

/** Whether a line names a section of notes ("Delivery guidance", "Range") rather than a task. */
export function namesSection(text: string): boolean {
  return wordCount(text) <= 3 || sectionWords.test(text);
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  if (words.length < 1) return false;
  const capitalised = words.filter((w) => /^[A-Z]/.test(w)).length;
  return capitalised / words.length >= 0.6 && /^[A-Z]/.test(text);
}

/**
 * Whether a line heads a section of notes (guidance, range, tips). `strict` is for a line that
 * directly follows a criterion, where a short wrapped fragment must not be mistaken for one.
 */
export function isSectionHeading(
  text: string,
  options: { markdown: boolean; strict: boolean },
): boolean {
  if (options.markdown) return true;
  if (!/^[A-Z0-9]/.test(text) || wordCount(text) > 8) return false;
  if (/:$/.test(text)) return true;
  if (endsSentence(text) || /,$/.test(text)) return false;
  if (/[A-Z]{2}/.test(text) && text === text.toUpperCase()) return true;
  if (sectionWords.test(text) && wordCount(text) <= 6) return true;
  return !options.strict && isTitleCase(text);
}
