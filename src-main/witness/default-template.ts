import type { KnownFieldId, StoredTemplate, TemplateField } from './template-schema';
import { TEMPLATE_SCHEMA_VERSION } from './template-schema';

export const DEFAULT_TEMPLATE_ID = 'default';

type Row = [id: KnownFieldId, kind: TemplateField['kind'], label: string];

/** The words under a field's label, for the fields that need them. */
const help: Partial<Record<KnownFieldId, string>> = {
  description:
    'Describe the work itself, step by step, so someone who was not there can judge it. Not the person’s character.',
  contact: 'The assessor may contact you to check this testimony.',
  competence: 'Your role, experience and qualifications in this work.',
  checkMethod:
    'For example: phoned the witness on the number above and they confirmed the account.',
};

const section = (name: TemplateField['section'], rows: Row[]): TemplateField[] =>
  rows.map(([id, kind, label]) => ({ id, section: name, kind, label, help: help[id] ?? '' }));

/** The fields DOMAIN.md asks of a witness testimony, worded for the witness. */
export const defaultFields: TemplateField[] = [
  ...section('activity', [
    ['activityDate', 'date', 'Date of the activity'],
    ['activityTime', 'text', 'Time'],
    ['venue', 'text', 'Venue (where it happened)'],
    ['description', 'multiline', 'What you saw the learner do'],
  ]),
  ...section('witness', [
    ['witnessName', 'text', 'Your full name'],
    ['jobTitle', 'text', 'Your job title'],
    ['relationship', 'text', 'Your relationship to the learner (e.g. line manager)'],
    ['contact', 'text', 'Your telephone number or email address'],
    ['competence', 'multiline', 'Your occupational competence'],
    ['expert', 'checkbox', 'I am named in the learner’s assessment plan as an expert witness'],
  ]),
  ...section('declaration', [
    ['notRelated', 'checkbox', 'I am not related to the learner'],
    ['ownAccount', 'checkbox', 'This account is my own and describes what I saw'],
    ['signature', 'signature', 'Witness signature'],
    ['signedOn', 'date', 'Date signed'],
  ]),
  ...section('assessor', [
    ['assessorName', 'text', 'Assessor name'],
    ['checkedOn', 'date', 'Date authenticity checked'],
    ['checkMethod', 'multiline', 'How authenticity was checked'],
  ]),
];

/** The template every centre starts with; editing it saves version 2 in the workspace. */
export const defaultTemplate: StoredTemplate = {
  schemaVersion: TEMPLATE_SCHEMA_VERSION,
  kind: 'witness-testimony-template',
  id: DEFAULT_TEMPLATE_ID,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'workbench',
  name: 'Witness testimony (standard)',
  scope: { level: 'centre' },
  title: 'Witness testimony',
  introduction:
    'Thank you for agreeing to be a witness. Please describe what you saw the learner do at work, tick each criterion your account covers and say how, then sign the declaration. Fill this form in on screen and save it, or print it and write by hand.',
  declaration:
    'I confirm that I am not related to the learner, that this account is my own and true, and that I saw the work described.',
  logo: null,
  fields: defaultFields,
  archived: false,
};
