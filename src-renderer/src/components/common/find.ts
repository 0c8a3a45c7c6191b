/**
 * Whether what a person typed in a "Find" box is in any of a row's words (ignoring case and
 * the spaces around it); an empty box finds everything.
 */
export function matchesFind(find: string, texts: readonly string[]): boolean {
  const needle = find.trim().toLocaleLowerCase('en-GB');
  return !needle || texts.some((text) => text.toLocaleLowerCase('en-GB').includes(needle));
}
