import type { StaffMember } from '../../centre/centre-schema';
import { roleLabels } from '../../centre/centre-schema';
import type { StoredUnit } from '../../unit/unit-schema';
import type { ManifestEntry } from '../model/record-document';
import type { PersonInput, RecordContextInput } from '../build/record-inputs';
import { learnersQualification, type RecordSource } from './record-source';

export interface RecordStamp {
  recordId: string;
  generatedAt: string;
}

/** The header every record shares: centre, awarding body, qualification, learner. */
export function recordContext(
  source: RecordSource,
  stamp: RecordStamp,
  evidence: ManifestEntry[],
  unit?: StoredUnit,
): RecordContextInput {
  const qualification = learnersQualification(source);
  const awardingBody =
    qualification?.awardingBody ??
    unit?.awardingBody ??
    source.centre.awardingBodies[0]?.name ??
    '';
  return {
    recordId: stamp.recordId,
    generatedAt: stamp.generatedAt,
    centreName: source.centre.centre.name,
    awardingBody,
    qualification: {
      title: qualification?.title ?? '',
      number: qualification?.number ?? '',
    },
    learner: { name: source.learner.name, uln: source.learner.uln },
    evidence,
  };
}

export function person(member: StaffMember | null, fallback: string, role?: string): PersonInput {
  if (!member) return { name: fallback, ...(role ? { role } : {}) };
  const label = role ?? (member.roles[0] ? roleLabels[member.roles[0]] : undefined);
  return { name: member.name, ...(label ? { role: label } : {}) };
}
