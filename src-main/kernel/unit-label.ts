/** "J/508/4003: Deliver, monitor…", or the title alone when the title is all a unit has. */
export function unitLabel(ref: string, title: string): string {
  return ref === title ? title : `${ref}: ${title}`;
}
