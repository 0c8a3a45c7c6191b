import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import type { CentreFile } from '../centre/centre-schema';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { Witness } from '../centre/witness-schema';

export type WitnessDetails = Pick<Witness, 'name'> &
  Partial<
    Pick<Witness, 'jobTitle' | 'employer' | 'relationship' | 'contact' | 'expert' | 'competence'>
  >;
export type WitnessChange = Partial<WitnessDetails> & { archived?: boolean };

/** DOMAIN.md: a witness must not be related to the learner. */
const family =
  /\b(mother|father|mum|dad|parent|son|daughter|brother|sister|sibling|husband|wife|partner|spouse|aunt|uncle|cousin|grand\w*|relative)\b/i;

export function readsAsFamily(relationship: string): boolean {
  return family.test(relationship);
}

function check(witness: Witness): Witness {
  if (readsAsFamily(witness.relationship)) {
    throw new UserError(
      'invalid-input',
      `A witness must not be related to the learner, and "${witness.relationship}" reads as a family relationship. Ask someone else who saw the work, such as a line manager.`,
    );
  }
  if (witness.expert && !witness.competence.trim()) {
    throw new UserError(
      'invalid-input',
      `Say what makes ${witness.name} occupationally competent (role, qualifications or CV) before recording them as an expert witness.`,
    );
  }
  return witness;
}

export function addWitness(
  centre: CentreFile,
  input: WitnessDetails,
  actor: Actor,
  now: Date,
): { centre: CentreFile; witness: Witness } {
  const witness = check({
    id: newId('wt'),
    ...stamp(actor, now),
    jobTitle: '',
    employer: '',
    relationship: '',
    contact: '',
    expert: false,
    competence: '',
    archived: false,
    ...input,
    name: input.name.trim(),
  });
  const entry = auditEntry(actor, now, 'added witness', `witness ${witness.id}`, {
    after: { name: witness.name, expert: witness.expert },
    subject: { personId: witness.id },
  });
  return {
    centre: {
      ...centre,
      witnesses: [...centre.witnesses, witness],
      audit: [...centre.audit, entry],
    },
    witness,
  };
}

export function updateWitness(
  centre: CentreFile,
  witnessId: string,
  change: WitnessChange,
  actor: Actor,
  now: Date,
): { centre: CentreFile; witness: Witness } {
  const before = centre.witnesses.find((w) => w.id === witnessId);
  if (!before) throw new UserError('not-found', 'That witness is not in this centre.');
  const witness = check({
    ...before,
    ...change,
    name: change.name?.trim() ?? before.name,
    ...stamp(actor, now),
  });
  const diff = changedFields(before, witness);
  if (!diff) return { centre, witness: before };
  const action = diff.after.archived === true ? 'archived witness' : 'changed witness';
  const entry = auditEntry(actor, now, action, `witness ${witness.id}`, {
    ...diff,
    subject: { personId: witness.id },
  });
  return {
    centre: {
      ...centre,
      witnesses: centre.witnesses.map((w) => (w.id === witnessId ? witness : w)),
      audit: [...centre.audit, entry],
    },
    witness,
  };
}
