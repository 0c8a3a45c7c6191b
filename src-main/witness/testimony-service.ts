import { UserError } from '../kernel/user-error';
import type { EvidenceDetails } from '../evidence/evidence-records';
import type { Evidence } from '../portfolio/evidence-schema';
import { addEvidenceFile, type IncomingFile } from '../evidence/evidence-store';
import { checkTarget } from '../mapping/mapping';
import { activeRegistrations } from '../portfolio/portfolio';
import { findRegisteredUnit } from '../portfolio/registered-units';
import { unitRef } from '../kernel/unit-label';
import type { RecordFonts } from '../record/pdf/fonts';
import { dayOf, type Actor } from '../shared/record';
import { newId } from '../shared/ids';
import type { Workspace } from '../workspace/workspace';
import { renderFormDocx } from './form-docx';
import { chooseCriteria, type FormModel } from './form-model';
import { renderFormPdf } from './form-pdf';
import { listTemplates, templateFor } from './template-store';
import { qualificationsOf } from './witness-lookup';
import { formAwaiting, recordFormSent, recordTestimony, type TestimonyContent } from './testimony';
import type { Testimony, TemplateRef, WitnessForm } from '../portfolio/testimony-schema';
import { countsAsExpert, factsOf, testimonyFlags } from '../decision/witness-rules';
import { readsAsFamily } from './witness-roster';
import type { Flag } from '../decision/marking-types';
import { criterionLabel } from '../kernel/criterion-key';
import { parseUkDate } from '../kernel/dates';

export interface FormRequest {
  learnerId: string;
  unitId: string;
  criteria: string[];
  witnessId: string | null;
  format: 'pdf' | 'docx';
}

export interface MadeForm {
  form: WitnessForm;
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
}

/**
 * Makes a testimony form for a witness and records it in the portfolio as awaiting return.
 * `deliver`, when given, gets the file first: if it cannot take it, nothing is recorded.
 */
export async function makeForm(
  workspace: Workspace,
  request: FormRequest,
  fonts: RecordFonts,
  actor: Actor,
  now: Date,
  deliver?: (bytes: Uint8Array) => Promise<void>,
): Promise<MadeForm> {
  const learner = workspace.learner(request.learnerId);
  const doc = await workspace.portfolio(learner.id);
  const { units } = await workspace.listUnits();
  const { unit } = findRegisteredUnit({ portfolio: doc.data, units, learner }, request.unitId);
  const criteria = chooseCriteria(unit, request.criteria);
  const witness = request.witnessId
    ? workspace.centre.witnesses.find((w) => w.id === request.witnessId && !w.archived)
    : undefined;
  if (request.witnessId && !witness) {
    throw new UserError(
      'not-found',
      'That witness is not registered in this centre. Add them on the Centre page first.',
    );
  }
  const template = templateFor(await listTemplates(workspace.dir), {
    unitId: unit.id,
    qualificationIds: await qualificationsOf(workspace, doc.data, unit.id),
  });
  const registration = activeRegistrations(doc.data).find((r) => r.unitId === unit.id);
  const assessor = workspace.centre.staff.find((s) => s.id === registration?.assessorId);
  const formId = newId('wf');
  const model: FormModel = {
    formId,
    centreName: workspace.centre.centre.name,
    learner: { id: learner.id, name: learner.name, uln: learner.uln },
    assessorName: assessor?.name ?? '',
    unit: {
      id: unit.id,
      version: unit.version,
      title: unit.title,
      ref: unitRef(unit),
      level: unit.level,
    },
    criteria,
    witness: witness ?? null,
    template,
    generatedAt: now.toISOString(),
  };
  const bytes =
    request.format === 'pdf' ? await renderFormPdf(model, fonts) : await renderFormDocx(model);
  if (deliver) await deliver(bytes);
  let form: WitnessForm | undefined;
  await doc.update((p) => {
    const sent = recordFormSent(
      p,
      {
        id: formId,
        unitId: unit.id,
        unitVersion: unit.version,
        criteria,
        witnessId: witness?.id ?? null,
        witnessName: witness?.name ?? '',
        template: { id: template.id, version: template.version },
        format: request.format,
      },
      actor,
      now,
    );
    form = sent.form;
    return sent.portfolio;
  });
  const who = (witness?.name ?? 'witness').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
  return {
    form: form!,
    bytes,
    fileName: `witness-testimony-${who}-${formId}.${request.format}`,
    mediaType:
      request.format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}

/** What the assessor types in from a returned paper form, scan or DOCX. */
export interface TypedTestimony {
  formId: string | null;
  unitId: string;
  activityDate: string;
  activityTime: string;
  venue: string;
  description: string;
  criteria: { criterionRef: string; partRef: string | null; how: string }[];
  witness: {
    witnessId: string | null;
    name: string;
    jobTitle: string;
    relationship: string;
    contact: string;
    competence: string;
    claimsExpert: boolean;
  };
  declaredNotRelated: boolean;
  declaredOwnAccount: boolean;
  signedOn: string;
  otherFields: Record<string, string>;
}

export interface RecordedTestimony {
  evidence: Evidence;
  testimony: Testimony;
  flags: Flag[];
}

type Registered = Workspace['centre']['witnesses'][number];
type Form = ReturnType<typeof formAwaiting>;

/** The witness on the registry the testimony names; refused when either reads as family. */
function registeredWitness(
  workspace: Workspace,
  typed: TypedTestimony,
  form: Form | null,
): Registered | undefined {
  if (readsAsFamily(typed.witness.relationship)) {
    throw new UserError(
      'invalid-input',
      `The witness gives their relationship to the learner as "${typed.witness.relationship}". A witness must not be related to the learner, so this testimony cannot be used. Ask someone else who saw the work.`,
    );
  }
  const name = typed.witness.name.trim();
  const registered =
    workspace.centre.witnesses.find((w) => w.id === (typed.witness.witnessId ?? form?.witnessId)) ??
    workspace.centre.witnesses.find(
      (w) => name !== '' && w.name.toLowerCase() === name.toLowerCase(),
    );
  if (registered && readsAsFamily(registered.relationship)) {
    throw new UserError(
      'invalid-input',
      `${registered.name} is related to the learner and may not be a witness.`,
    );
  }
  return registered;
}

/** The witness as the testimony keeps them: what they wrote, else what the registry says. */
function witnessOf(
  typed: TypedTestimony,
  registered: Registered | undefined,
  form: Form | null,
  expert: boolean,
): TestimonyContent['witness'] {
  const name = typed.witness.name.trim();
  return {
    witnessId: registered?.id ?? null,
    name: name || registered?.name || form?.witnessName || '',
    jobTitle: typed.witness.jobTitle.trim() || registered?.jobTitle || '',
    relationship: typed.witness.relationship.trim() || registered?.relationship || '',
    contact: typed.witness.contact.trim() || registered?.contact || '',
    competence: typed.witness.competence.trim() || registered?.competence || '',
    claimsExpert: typed.witness.claimsExpert || (registered?.expert ?? false),
    countsAsExpert: expert,
  };
}

/** The evidence record's text: what the witness saw, then each ticked criterion and how. */
function testimonyText(content: TestimonyContent, form: Form | null): string {
  const texts = new Map(
    form?.criteria.map((c) => [criterionLabel(c.criterionRef, c.partRef), c.text]) ?? [],
  );
  return [
    content.description || '(The witness did not describe what they saw.)',
    ...content.criteria.map((c) => {
      const label = criterionLabel(c.criterionRef, c.partRef);
      const text = texts.get(label);
      return `${label}${text ? ` (${text})` : ''}: ${c.how || 'ticked, without saying how'}`;
    }),
  ].join('\n\n');
}

/**
 * Checks a returned testimony against the registry and the plan, then keeps it: through the
 * evidence ingest when a file came back (the file is the evidence, hashed), as a record otherwise.
 */
export async function saveReturned(
  workspace: Workspace,
  learnerId: string,
  typed: TypedTestimony,
  source: Testimony['source'],
  incoming: IncomingFile | null,
  actor: Actor,
  now: Date,
): Promise<RecordedTestimony> {
  const doc = await workspace.portfolio(learnerId);
  const { units } = await workspace.listUnits();
  const form = typed.formId ? formAwaiting(doc.data, typed.formId) : null;
  const unitId = form?.unitId ?? typed.unitId;
  const { unit } = findRegisteredUnit({ portfolio: doc.data, units }, unitId);
  const registered = registeredWitness(workspace, typed, form);
  const activityDay = parseUkDate(typed.activityDate) ?? '';
  const expert = countsAsExpert(registered, doc.data.assessmentPlans, unit.id, activityDay);
  const template: TemplateRef =
    form?.template ??
    templateFor(await listTemplates(workspace.dir), {
      unitId: unit.id,
      qualificationIds: await qualificationsOf(workspace, doc.data, unit.id),
    });
  const content: TestimonyContent = {
    formId: form?.id ?? null,
    template: { id: template.id, version: template.version },
    source,
    unitId: unit.id,
    activityDate: activityDay || typed.activityDate.trim(),
    activityTime: typed.activityTime.trim(),
    venue: typed.venue.trim(),
    description: typed.description.trim(),
    criteria: typed.criteria,
    witness: witnessOf(typed, registered, form, expert),
    declaredNotRelated: typed.declaredNotRelated,
    declaredOwnAccount: typed.declaredOwnAccount,
    signedOn: parseUkDate(typed.signedOn) ?? typed.signedOn.trim(),
    otherFields: typed.otherFields,
    authenticity: null,
  };
  const details: EvidenceDetails & { record: string } = {
    title: `Witness testimony from ${content.witness.name || 'a witness'} (${unitRef(unit)})`,
    producedOn: activityDay || parseUkDate(typed.signedOn) || dayOf(now),
    method: expert ? 'expert witness testimony' : 'witness testimony',
    location: content.venue,
    producedBy: content.witness.name,
    ...(registered ? { witnessId: registered.id } : {}),
    record: testimonyText(content, form),
  };
  // Every ticked criterion must be one of the unit's before the file is kept, so a refusal
  // leaves nothing behind in the portfolio.
  for (const c of content.criteria) {
    checkTarget(doc.data, units, {
      unitId: unit.id,
      criterionRef: c.criterionRef,
      partRef: c.partRef,
    });
  }
  // Everything the portfolio would refuse (a signed-off unit, for one) is refused before the
  // file is copied in, so a refused import leaves the portfolio and its folder as they were.
  recordTestimony(doc.data, units, content, { details }, actor, now);
  let evidenceRef: { id: string } | { details: typeof details } = { details };
  if (incoming) {
    const added = await addEvidenceFile(workspace, learnerId, details, incoming, actor, () => now);
    evidenceRef = { id: added.id };
  }
  let saved: RecordedTestimony | undefined;
  await doc.update((p) => {
    const result = recordTestimony(p, units, content, evidenceRef, actor, now);
    saved = {
      evidence: result.evidence,
      testimony: result.testimony,
      flags: testimonyFlags(result.evidence.title, factsOf(result.testimony)),
    };
    return result.portfolio;
  });
  return saved!;
}
