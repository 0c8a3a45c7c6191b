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
