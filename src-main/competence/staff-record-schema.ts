import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit-schema';
import { evidenceFileSchema } from '../portfolio/evidence-schema';
import { isoDate, recordFields } from '../shared/record';

export const STAFF_FOLDER = 'staff';
export const STAFF_RECORD_FILE = 'record.json';
export const COMPETENCE_POLICY_FILE = 'competence-policy.json';

export const qualificationKinds = ['assessor-award', 'iqa-award', 'occupational', 'other'] as const;
export type QualificationKind = (typeof qualificationKinds)[number];

export const qualificationKindLabels: Record<QualificationKind, string> = {
  'assessor-award': 'Assessor award',
  'iqa-award': 'IQA award',
  occupational: 'Occupational qualification',
  other: 'Other qualification',
};

const text = (max: number) => z.string().trim().max(max);

/** A qualification a member of staff holds or works towards, with its dates. */
export const staffQualificationSchema = z.object({
  ...recordFields,
  kind: z.enum(qualificationKinds),
  title: text(300).min(1, 'Give the qualification its title.'),
  status: z.enum(['achieved', 'working-towards']),
  awardedOn: isoDate.nullable().default(null),
  /** Some awards and licences must be renewed; null when the qualification does not expire. */
  expiresOn: isoDate.nullable().default(null),
  /** Needed for the person's role (an assessor's award always is); a lapsed one is warned at sign-off. */
  required: z.boolean().default(false),
  archived: z.boolean().default(false),
});

export const experienceSchema = z.object({
  ...recordFields,
  role: text(200).min(1, 'Say what the role was.'),
  organisation: text(200).default(''),
  from: isoDate,
  to: isoDate.nullable().default(null),
  summary: text(5000).default(''),
  archived: z.boolean().default(false),
});

export const staffEvidencePath = z
  .string()
  .regex(/^evidence\/[^/\\]+$/, 'must be a file directly inside the evidence folder')
  .refine((p) => !p.includes('..') && !p.includes('\0'), 'must not leave the evidence folder');

export const cpdEntrySchema = z.object({
  ...recordFields,
  date: isoDate,
  activity: text(300).min(1, 'Say what the CPD activity was.'),
  hours: z.number().min(0, 'Hours cannot be below 0.').max(1000),
  learned: text(10_000).default(''),
  /** Files kept in the person's evidence/ folder, hashed when they were added. */
  evidence: z.array(evidenceFileSchema.extend({ path: staffEvidencePath })).default([]),
  archived: z.boolean().default(false),
});

/** DBS and other checks a centre keeps, each with the date it lapses. */
export const staffCheckSchema = z.object({
  ...recordFields,
  name: text(200).min(1, 'Say what the check is.'),
  checkedOn: isoDate,
  expiresOn: isoDate.nullable().default(null),
  reference: text(200).default(''),
  archived: z.boolean().default(false),
});

export const staffRecordFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('staff-record'),
  ...recordFields,
  /** The person on centre.json's staff list this record belongs to. */
  personId: z.string().min(1),
  qualifications: z.array(staffQualificationSchema).default([]),
  experience: z.array(experienceSchema).default([]),
  cpd: z.array(cpdEntrySchema).default([]),
  checks: z.array(staffCheckSchema).default([]),
  audit: z.array(auditEntrySchema).default([]),
});

export const signOffPolicies = ['warn', 'block'] as const;

/** The centre's choice about staff competence; kept beside the staff records. */
export const competencePolicyFileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('staff-competence-policy'),
  ...recordFields,
  /** What happens when an assessor whose required qualification has lapsed signs a unit off. */
  lapsedQualificationAtSignOff: z.enum(signOffPolicies).default('warn'),
  /** How many days ahead a qualification or check is flagged as expiring. */
  expiringWithinDays: z.number().int().min(0).max(365).default(60),
  audit: z.array(auditEntrySchema).default([]),
});

export type StaffQualification = z.infer<typeof staffQualificationSchema>;
export type Experience = z.infer<typeof experienceSchema>;
export type CpdEntry = z.infer<typeof cpdEntrySchema>;
export type StaffCheck = z.infer<typeof staffCheckSchema>;
export type StaffRecordFile = z.infer<typeof staffRecordFileSchema>;
export type CompetencePolicyFile = z.infer<typeof competencePolicyFileSchema>;
export type SignOffPolicy = (typeof signOffPolicies)[number];
