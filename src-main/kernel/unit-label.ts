/** "J/508/4003: Deliver, monitor…", or the title alone when the title is all a unit has. */
export function unitLabel(ref: string, title: string): string {
  return ref === title ? title : `${ref}: ${title}`;
}

/**
 * The reference people use for a unit: its Ofqual code, else the awarding body's, else its
 * number ("Unit 204"), else its title. Never the storage id, which means nothing to a reader.
 */
export function unitRef(unit: {
  codes: { ofqual: string | null; awardingBody: string | null; unitNumber?: string | null };
  title: string;
}): string {
  const number = unit.codes.unitNumber?.trim();
  return (
    unit.codes.ofqual ??
    unit.codes.awardingBody ??
    (number ? `Unit ${number.replace(/^unit\s+/i, '')}` : unit.title)
  );
}

/** Whether a unit is the one someone typed: its id, Ofqual or awarding-body code, or title, in any case. */
export function unitAnswersTo(
  unit: {
    id: string;
    codes: { ofqual: string | null; awardingBody: string | null };
    title: string;
  },
  wanted: string,
): boolean {
  const key = wanted.trim().toLowerCase();
  return [unit.id, unit.codes.ofqual, unit.codes.awardingBody, unit.title.trim()].some(
    (name) => name?.toLowerCase() === key,
  );
}
