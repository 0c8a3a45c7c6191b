import { formatDate } from '../kernel/dates';
import { unitLabel } from '../kernel/unit-label';
import { prefilledValues, type FormModel } from './form-model';
import type { TemplateField } from './template-schema';

/**
 * What a witness testimony form prints, in order, whatever it is printed as: the PDF and the
 * DOCX each draw these parts their own way, so the two always hold the same form.
 */
export type FormPart =
  | { kind: 'facts'; title: string; rows: [string, string][] }
  | { kind: 'criteria'; title: string; intro: string; criteria: FormModel['criteria'] }
  | {
      kind: 'fields';
      title: string;
      /** Printed under the heading, before the fields (the template's declaration). */
      intro: string;
      fields: TemplateField[];
      /** What the form starts with in a field, by field id: who the assessor asked. */
      values: Record<string, string>;
    };

const sectionTitles: Record<TemplateField['section'], string> = {
  activity: 'The activity you saw',
  witness: 'About you',
  declaration: 'Declaration',
  assessor: 'For the assessor: authenticity check',
};

export const TICK_TEXT =
  'Tick each criterion you saw the learner meet, and say how the work you describe shows it.';

/** The form's parts after its title and introduction; a section without fields is left out. */
export function formParts(model: FormModel): FormPart[] {
  const t = model.template;
  const values = prefilledValues(model);
  const section = (name: TemplateField['section']): FormPart[] => {
    const fields = t.fields.filter((f) => f.section === name);
    if (!fields.length) return [];
    const intro = name === 'declaration' ? t.declaration : '';
    return [{ kind: 'fields', title: sectionTitles[name], intro, fields, values }];
  };
  return [
    {
      kind: 'facts',
      title: 'Learner and unit',
      rows: [
        ['Learner', model.learner.name],
        ['ULN', model.learner.uln],
        ['Unit', unitLabel(model.unit.ref, model.unit.title)],
        ['Assessor', model.assessorName],
        ['Form made', formatDate(model.generatedAt)],
      ],
    },
    ...section('activity'),
    {
      kind: 'criteria',
      title: 'Criteria your account covers',
      intro: TICK_TEXT,
      criteria: model.criteria,
    },
    ...section('witness'),
    ...section('declaration'),
    ...section('assessor'),
  ];
}

/** The document's title, subject line and search keywords, the same in the PDF and the DOCX. */
export function formMetadata(model: FormModel) {
  return {
    title: `${model.template.title}: ${model.learner.name}, ${model.unit.ref}`,
    subject: `Witness testimony form ${model.formId} for learner ${model.learner.id}`,
    footer: `${model.learner.name} · ${model.unit.ref} · form ${model.formId}`,
  };
}
