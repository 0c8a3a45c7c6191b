/**
 * How the built-in library is made from the seed specifications in resources/seeds. The
 * pipe-table seeds carry no title or metadata, so the library supplies their titles.
 */
export interface BuiltInSource {
  file: string;
  /** Used when the specification itself has no title. */
  title?: string;
  awardingBody: string | null;
  /** A file of assessor guidance to attach to the unit. */
  guidanceFile?: string;
}

export const builtInSources: BuiltInSource[] = [
  {
    file: 'external-customers-l3-ocn.txt',
    awardingBody: 'OCN London',
    guidanceFile: 'external-customers-topic-synopsis.txt',
  },
  {
    file: 'internal-customers.md',
    title: 'Deliver, Monitor and Evaluate Customer Service to Internal Customers',
    awardingBody: null,
  },
  {
    file: 'principles-of-customer-service.md',
    title: 'Principles of Customer Service',
    awardingBody: null,
  },
];
