import { z } from 'zod';
import {
  planDeclarationWords,
  PLAN_DECLARATION_VERSION,
} from '../../kernel/plan-declaration-words';
import { isoDate } from '../../shared/record';
import type { FieldsSection, RecordDocument } from '../model/record-document';
import {
  assembleRecord,
  formatDate,
  paragraphsSection,
  signatureBlock,
  tableSection,
  textLines,
} from './record-common';
import { learnerAndAssessorFields } from './session-sections';
import { personSchema, recordContextSchema, signatureInputSchema } from './record-inputs';

export const planSignatureInputSchema = z.object({
  role: z.enum(['learner', 'assessor', 'employer']),
  person: personSchema,
  signature: signatureInputSchema,
});

export const assessmentPlanInputSchema = recordContextSchema.extend({
  assessor: personSchema,
  version: z.number().int().positive(),
  /** Set when the plan revises an agreed one: that plan's agreement date. */
  revisesAgreedOn: isoDate.nullable(),
  status: z.enum(['draft', 'agreed']),
  agreedOn: isoDate.nullable(),
  /** The plan was recorded as agreed before plans were signed (an upgraded plan). */
  recordedBeforeSigning: z.boolean(),
  visitDate: isoDate.nullable(),
  visitTime: z.string(),
  place: z.string(),
  units: z.array(z.object({ ref: z.string().min(1), title: z.string() })),
  criteria: z.array(z.object({ unitRef: z.string(), ref: z.string(), text: z.string() })),
  methods: z.array(z.string()),
  witnesses: z.array(z.object({ name: z.string(), role: z.string(), expert: z.boolean() })),
  others: z.string(),
  preparation: z.string(),
  adjustments: z.string(),
  agreedHow: z.string(),
  notes: z.string(),
  signatures: z.array(planSignatureInputSchema),
});
export type AssessmentPlanInput = z.input<typeof assessmentPlanInputSchema>;

const roleLabel = { learner: 'Learner', assessor: 'Assessor', employer: 'Employer' } as const;

function declarations(input: z.output<typeof assessmentPlanInputSchema>) {
  const signed = (role: 'learner' | 'assessor' | 'employer') =>
    input.signatures.find((s) => s.role === role);
  const roles = (['learner', 'assessor', 'employer'] as const).filter(
    (r) => r !== 'employer' || signed('employer'),
  );
  const version = signed('assessor')?.signature.declarationVersion ?? PLAN_DECLARATION_VERSION;
  return {
    type: 'declarations' as const,
    heading: `Agreement (wording version ${version})`,
    declarations: roles.map((role) => {
      const s = signed(role);
      const person = s?.person ?? (role === 'assessor' ? input.assessor : input.learner);
      return {
        statement: planDeclarationWords(role, s?.signature.declarationVersion),
        signature: signatureBlock(person, roleLabel[role], s?.signature ?? { date: null }),
      };
    }),
  };
}

function agreementLine(input: z.output<typeof assessmentPlanInputSchema>): string {
  if (input.status === 'draft') return 'Not yet agreed: the learner and the assessor sign below.';
  if (input.recordedBeforeSigning)
    return `Recorded as agreed on ${formatDate(input.agreedOn!)}, before plans were signed.`;
  return `Agreed on ${formatDate(input.agreedOn!)}, when the assessor signed.`;
}

type PlanInput = z.output<typeof assessmentPlanInputSchema>;

/** Whose plan, which version, and when and where the visit is. */
function planFields(input: PlanInput): FieldsSection {
  return learnerAndAssessorFields(input, [
    {
      label: 'Plan version',
      value: input.revisesAgreedOn
        ? `${input.version} (revises the plan agreed on ${formatDate(input.revisesAgreedOn)})`
        : String(input.version),
    },
    { label: 'Visit date', value: input.visitDate ? formatDate(input.visitDate) : 'Not set' },
    ...(input.visitTime ? [{ label: 'Time', value: input.visitTime }] : []),
    { label: 'Place', value: input.place || 'Not set' },
    { label: 'Status', value: agreementLine(input) },
    ...(input.agreedHow ? [{ label: 'How it was agreed', value: input.agreedHow }] : []),
  ]);
}

/** What the visit covers, how, and who will be there. */
function coverSections(input: PlanInput): RecordDocument['sections'] {
  return [
    tableSection(
      'Criteria to be covered',
      [
        ['Unit', 16],
        ['Criterion', 12],
        ['What it asks', 72],
      ],
      [
        ...input.units.map((u) => [u.ref, 'All', `The whole unit: ${u.title}`]),
        ...input.criteria.map((c) => [c.unitRef, c.ref, c.text]),
      ],
      'The plan names no units or criteria.',
    ),
    paragraphsSection(
      'Planned methods',
      input.methods.length ? [input.methods.join(', ')] : [],
      'No methods are planned.',
    ),
    tableSection(
      'Who will be there',
      [
        ['Name', 40],
        ['Role', 60],
      ],
      [
        ...input.witnesses.map((w) => [
          w.name,
          w.expert ? `Expert witness: ${w.role}` : `Witness: ${w.role}`,
        ]),
        ...textLines(input.others).map((o) => [o, 'Also present']),
      ],
      'Only the learner and the assessor.',
    ),
  ];
}

/** The assessment plan agreed before a visit: what, how, who, where and when, and its signatures. */
export function buildAssessmentPlanRecord(raw: AssessmentPlanInput): RecordDocument {
  const input = assessmentPlanInputSchema.parse(raw);
  const sections: RecordDocument['sections'] = [
    planFields(input),
    ...coverSections(input),
    paragraphsSection(
      'What the learner is to prepare',
      textLines(input.preparation),
      'Nothing to prepare.',
    ),
    paragraphsSection(
      'Adjustments for the learner’s needs',
      textLines(input.adjustments),
      'None agreed.',
    ),
    ...(input.notes ? [paragraphsSection('Notes', textLines(input.notes))] : []),
    declarations(input),
  ];
  return assembleRecord(input, {
    kind: 'assessment-plan',
    title: 'Assessment plan',
    unitRef:
      [
        ...new Set([...input.units.map((u) => u.ref), ...input.criteria.map((c) => c.unitRef)]),
      ].join(', ') || 'No unit named',
    author: input.assessor.name,
    subject: `Assessment plan for ${input.learner.name}${input.visitDate ? `, visit on ${formatDate(input.visitDate)}` : ''}`,
    sections,
    ...(input.status === 'draft'
      ? {
          draft:
            'The plan is not yet agreed: the learner and the assessor have not both signed it.',
        }
      : {}),
  });
}
