import type { StoredTemplate, TemplateField } from './template-schema';
import { TEMPLATE_SCHEMA_VERSION } from './template-schema';

export const DEFAULT_TEMPLATE_ID = 'default';

const field = (
  id: string,
  section: TemplateField['section'],
  kind: TemplateField['kind'],
  label: string,
  help = '',
): TemplateField => ({ id, section, kind, label, help });

/** The fields DOMAIN.md asks of a witness testimony, worded for the witness. */
export const defaultFields: TemplateField[] = [
  field('activityDate', 'activity', 'date', 'Date of the activity'),
  field('activityTime', 'activity', 'text', 'Time'),
  field('venue', 'activity', 'text', 'Venue (where it happened)'),
  field(
    'description',
    'activity',
    'multiline',
    'What you saw the learner do',
    'Describe the work itself, step by step, so someone who was not there can judge it. Not the person’s character.',
  ),
  field('witnessName', 'witness', 'text', 'Your full name'),
  field('jobTitle', 'witness', 'text', 'Your job title'),
  field('relationship', 'witness', 'text', 'Your relationship to the learner (e.g. line manager)'),
  field(
    'contact',
    'witness',
    'text',
    'Your telephone number or email address',
    'The assessor may contact you to check this testimony.',
  ),
  field(
    'competence',
    'witness',
    'multiline',
    'Your occupational competence',
    'Your role, experience and qualifications in this work.',
  ),
  field(
    'expert',
    'witness',
    'checkbox',
    'I am named in the learner’s assessment plan as an expert witness',
  ),
  field('notRelated', 'declaration', 'checkbox', 'I am not related to the learner'),
  field('ownAccount', 'declaration', 'checkbox', 'This account is my own and describes what I saw'),
  field('signature', 'declaration', 'signature', 'Witness signature'),
  field('signedOn', 'declaration', 'date', 'Date signed'),
  field('assessorName', 'assessor', 'text', 'Assessor name'),
  field('checkedOn', 'assessor', 'date', 'Date authenticity checked'),
  field(
    'checkMethod',
    'assessor',
    'multiline',
    'How authenticity was checked',
    'For example: phoned the witness on the number above and they confirmed the account.',
  ),
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
