import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import { JsonDocument } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { safeName } from '../storage/safe-name';
import { defaultTemplate, DEFAULT_TEMPLATE_ID } from './default-template';
import {
  storedTemplateSchema,
  templateContentSchema,
  TEMPLATE_SCHEMA_VERSION,
  TEMPLATES_FOLDER,
  type StoredTemplate,
  type TemplateContentInput,
} from './template-schema';
import type { TemplateRef } from '../portfolio/testimony-schema';
import { readJsonFolder } from '../storage/json-folder';

export interface TemplateListing {
  /** Every version of every template, the built-in default among them. */
  versions: StoredTemplate[];
  /** The newest version of each template. */
  latest: StoredTemplate[];
  problems: string[];
}

const fileName = (id: string, version: number) =>
  `${safeName(id, 'template', 80)}-v${version}.json`;

export async function listTemplates(workspaceDir: string): Promise<TemplateListing> {
  const { items, problems } = await readJsonFolder(
    path.join(workspaceDir, TEMPLATES_FOLDER),
    storedTemplateSchema,
    {
      folder: 'The witness testimony templates folder',
      file: (name) => `The witness testimony template ${name}`,
    },
  );
  const versions: StoredTemplate[] = [defaultTemplate, ...items];
  const newest = new Map<string, StoredTemplate>();
  for (const t of versions) {
    const seen = newest.get(t.id);
    if (!seen || seen.version < t.version) newest.set(t.id, t);
  }
  return { versions, latest: [...newest.values()], problems };
}

export function findVersion(listing: TemplateListing, ref: TemplateRef): StoredTemplate {
  const found = listing.versions.find((t) => t.id === ref.id && t.version === ref.version);
  if (!found) {
    throw new UserError(
      'not-found',
      `Version ${ref.version} of the witness testimony template "${ref.id}" is not in this workspace.`,
    );
  }
  return found;
}

/**
 * The template for a learner's unit: one kept for that unit, else for the qualification the
 * unit counts towards, else the centre's own, else the built-in default (most specific wins).
 */
export function templateFor(
  listing: TemplateListing,
  where: { unitId: string; qualificationIds: string[] },
): StoredTemplate {
  const live = listing.latest.filter((t) => !t.archived);
  const newestFirst = (a: StoredTemplate, b: StoredTemplate) =>
    b.updatedAt.localeCompare(a.updatedAt);
  const pick = (match: (t: StoredTemplate) => boolean) => live.filter(match).sort(newestFirst)[0];
  return (
    pick((t) => t.scope.level === 'unit' && t.scope.unitId === where.unitId) ??
    pick(
      (t) =>
        t.scope.level === 'qualification' &&
        where.qualificationIds.includes(t.scope.qualificationId),
    ) ??
    pick((t) => t.scope.level === 'centre' && t.id !== DEFAULT_TEMPLATE_ID) ??
    live.find((t) => t.id === DEFAULT_TEMPLATE_ID) ??
    defaultTemplate
  );
}

/**
 * Saves an edit as a new version (or a new template when no id is given). Earlier versions are
 * never rewritten: testimonies made from them keep pointing at what the witness saw.
 */
export async function saveTemplate(
  workspaceDir: string,
  templateId: string | null,
  content: TemplateContentInput,
  actor: Actor,
  now: Date,
): Promise<StoredTemplate> {
  const parsed = templateContentSchema.safeParse(content);
  if (!parsed.success) {
    throw new UserError(
      'invalid-input',
      parsed.error.issues[0]?.message ?? 'The template is not valid.',
    );
  }
  const listing = await listTemplates(workspaceDir);
  const current = templateId ? listing.latest.find((t) => t.id === templateId) : undefined;
  if (templateId && !current) {
    throw new UserError('not-found', 'That witness testimony template is not in this workspace.');
  }
  const stored = storedTemplateSchema.parse({
    ...parsed.data,
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    kind: 'witness-testimony-template',
    id: current?.id ?? newId('tt'),
    version: (current?.version ?? 0) + 1,
    ...stamp(actor, now),
  });
  const dir = path.join(workspaceDir, TEMPLATES_FOLDER);
  const file = path.join(dir, fileName(stored.id, stored.version));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw mapFsError(error, 'The witness testimony templates folder');
  }
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new UserError(
      'conflict',
      'Someone saved this template at the same moment. Open it again and make your change once more.',
    );
  }
  await JsonDocument.create(file, storedTemplateSchema, 'The witness testimony template', stored);
  return stored;
}
