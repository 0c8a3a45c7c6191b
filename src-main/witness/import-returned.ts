import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { UserError } from '../kernel/user-error';
import type { Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { howField } from './form-model';
import { readReturnedForm } from './read-form-pdf';
import { findVersion, listTemplates } from './template-store';
import { formAwaiting } from './testimony';
import type { WitnessForm } from '../portfolio/testimony-schema';
import { knownFieldIds, knownTickIds } from './template-schema';
import { saveReturned, type RecordedTestimony, type TypedTestimony } from './testimony-service';

/** The testimony a filled-in form holds, field by field (the ticked criteria only). */
export function typedFromPdf(
  form: WitnessForm,
  fields: { text: Record<string, string>; ticked: Record<string, boolean> },
  labels: Map<string, string>,
): TypedTestimony {
  const t = (id: string) => fields.text[id] ?? '';
  // The fields a testimony has a place for: every known one a witness writes in.
  const known = new Set<string>(
    knownFieldIds.filter((id) => id !== 'signature' && !knownTickIds.includes(id)),
  );
  const ticks = new Set<string>(knownTickIds);
  const criterionFields = new Set(form.criteria.flatMap((c) => [c.field, howField(c.field)]));
  const otherFields: Record<string, string> = {};
  for (const [id, value] of Object.entries(fields.text)) {
    if (!known.has(id) && !criterionFields.has(id) && value)
      otherFields[labels.get(id) ?? id] = value;
  }
  for (const [id, value] of Object.entries(fields.ticked)) {
    if (!ticks.has(id) && !criterionFields.has(id)) {
      otherFields[labels.get(id) ?? id] = value ? 'yes' : 'no';
    }
  }
  return {
    formId: form.id,
    unitId: form.unitId,
    activityDate: t('activityDate'),
    activityTime: t('activityTime'),
    venue: t('venue'),
    description: t('description'),
    criteria: form.criteria
      .filter((c) => fields.ticked[c.field])
      .map((c) => ({
        criterionRef: c.criterionRef,
        partRef: c.partRef,
        how: t(howField(c.field)),
      })),
    witness: {
      witnessId: form.witnessId,
      name: t('witnessName'),
      jobTitle: t('jobTitle'),
      relationship: t('relationship'),
      contact: t('contact'),
      competence: t('competence'),
      claimsExpert: fields.ticked.expert ?? false,
    },
    declaredNotRelated: fields.ticked.notRelated ?? false,
    declaredOwnAccount: fields.ticked.ownAccount ?? false,
    signedOn: t('signedOn'),
    otherFields,
  };
}

/**
 * Imports a returned fillable PDF: finds its form by the ids inside it, refuses one made for
 * another learner, reads the fields, and keeps the PDF itself as the evidence file.
 */
export async function importReturnedPdf(
  workspace: Workspace,
  learnerId: string,
  file: string,
  originalName: string,
  actor: Actor,
  now: Date,
): Promise<RecordedTestimony> {
  const learner = workspace.learner(learnerId);
  const bytes = new Uint8Array(await readFile(file));
  const returned = await readReturnedForm(bytes);
  if (returned.learnerId !== learner.id) {
    const other = workspace.centre.learners.find((l) => l.id === returned.learnerId);
    throw new UserError(
      'invalid-input',
      `This form was made for ${other ? `${other.name} (ULN ${other.uln})` : 'another learner'}, not ${learner.name}, so it was not imported. Import it into ${other ? `${other.name}'s` : 'that learner’s'} portfolio.`,
    );
  }
  const doc = await workspace.portfolio(learner.id);
  const form = formAwaiting(doc.data, returned.formId);
  const listing = await listTemplates(workspace.dir);
  const template = findVersion(listing, form.template);
  const labels = new Map(template.fields.map((f) => [f.id, f.label]));
  const typed = typedFromPdf(form, returned, labels);
  return saveReturned(
    workspace,
    learner.id,
    typed,
    'fillable-pdf',
    { originalName: path.basename(originalName), source: { file } },
    actor,
    now,
  );
}

/** A returned form on this computer: a fillable PDF is read; anything else needs `typed`. */
export async function importReturnedFile(
  workspace: Workspace,
  learnerId: string,
  file: string,
  originalName: string,
  typed: TypedTestimony | undefined,
  actor: Actor,
  now: Date,
): Promise<RecordedTestimony> {
  if (typed) {
    return saveReturned(
      workspace,
      learnerId,
      typed,
      'typed',
      { originalName: path.basename(originalName), source: { file } },
      actor,
      now,
    );
  }
  if (!/\.pdf$/i.test(originalName)) {
    throw new UserError(
      'invalid-input',
      'Only a returned fillable PDF can be read automatically. For a DOCX, scan or photo, choose "Type in a returned form" and attach the file there.',
    );
  }
  return importReturnedPdf(workspace, learnerId, file, originalName, actor, now);
}
