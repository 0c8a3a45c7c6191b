import type { Workspace } from '../workspace/workspace';
import type { PackSection } from './pack-model';

/**
 * A document a section brings into the pack: copied to `sections/<section id>/<name>` and listed
 * in the manifest like every other file.
 */
export interface SectionDocument {
  name: string;
  title: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface SectionContent {
  section: Omit<PackSection, 'documents'>;
  documents: SectionDocument[];
}

/**
 * Where standardisation records and staff competence records (qualifications, CPD, checks) come
 * into the pack. Each source reads the workspace and returns its sections; it must name no
 * learner outside `learnerIds` (the learners the visit samples).
 */
export type PackSectionSource = (
  workspace: Workspace,
  visit: {
    learnerIds: readonly string[];
    period: { from: string; to: string } | null;
    /** The day the pack is made (YYYY-MM-DD), for what has expired. */
    today: string;
  },
) => Promise<SectionContent[]>;
