import { z } from 'zod';
import { recordFields } from '../shared/record';

export const TEMPLATE_SCHEMA_VERSION = 1;
export const TEMPLATES_FOLDER = 'templates/witness-testimony';

export const fieldKinds = ['text', 'multiline', 'date', 'checkbox', 'signature'] as const;
export const fieldSections = ['activity', 'witness', 'declaration', 'assessor'] as const;

/**
 * Field ids the workbench reads back into a testimony. A template may reword, reorder or
 * remove them; fields a centre adds get other ids and are kept by their label.
 */
export const knownFieldIds = [
  'activityDate',
  'activityTime',
  'venue',
  'description',
  'witnessName',
  'jobTitle',
  'relationship',
  'contact',
  'competence',
  'expert',
  'notRelated',
  'ownAccount',
  'signature',
  'signedOn',
  'assessorName',
  'checkedOn',
  'checkMethod',
] as const;
export type KnownFieldId = (typeof knownFieldIds)[number];

/** The known fields a witness ticks; the others they fill in (or sign, on paper). */
export const knownTickIds: readonly KnownFieldId[] = ['expert', 'notRelated', 'ownAccount'];

export const templateFieldSchema = z.object({
  id: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9-]{0,40}$/,
      'must be letters, digits and dashes, starting with a letter',
    ),
  label: z.string().trim().min(1, 'Give every field a label.').max(300),
  help: z.string().max(1000).default(''),
  kind: z.enum(fieldKinds),
  section: z.enum(fieldSections),
});

export const templateScopeSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('centre') }),
  z.object({ level: z.literal('qualification'), qualificationId: z.string().min(1) }),
  z.object({ level: z.literal('unit'), unitId: z.string().min(1) }),
]);

export const logoSchema = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  /** Base64; small enough to sit in the template file. */
  data: z.string().max(700_000, 'The logo is too large: use an image under 500 KB.'),
});

export const templateContentSchema = z.object({
  name: z.string().trim().min(1, 'Give the template a name.').max(200),
  scope: templateScopeSchema,
  title: z.string().trim().min(1, 'Give the form a title.').max(200),
  introduction: z.string().max(3000).default(''),
  declaration: z.string().max(3000).default(''),
  logo: logoSchema.nullable().default(null),
  fields: z
    .array(templateFieldSchema)
    .max(60)
    .refine((fields) => new Set(fields.map((f) => f.id)).size === fields.length, {
      message: 'Two fields have the same id.',
    }),
  archived: z.boolean().default(false),
});

/** One version of a template, as kept in `templates/witness-testimony/<id>-v<version>.json`. */
export const storedTemplateSchema = templateContentSchema.extend({
  ...recordFields,
  schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
  kind: z.literal('witness-testimony-template'),
  version: z.number().int().positive(),
});

export type TemplateField = z.infer<typeof templateFieldSchema>;
export type TemplateScope = z.infer<typeof templateScopeSchema>;
export type TemplateContent = z.infer<typeof templateContentSchema>;
export type TemplateContentInput = z.input<typeof templateContentSchema>;
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;
