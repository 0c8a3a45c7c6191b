import { z } from 'zod';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import type { StandardisationView } from './standardisation-view';

const text = (max: number) => z.string().trim().max(max);
const decision = z.enum(['met', 'not-yet-met']);

export const meetingInput = z.object({
  id: z.string().min(1).optional(),
  date: isoDate,
  attendees: z.array(z.string().min(1)).min(1, 'Record who attended.'),
  unitId: z.string().min(1, 'Choose the unit.'),
  criteria: z.array(z.string().min(1)).min(1, 'Choose the criteria covered.'),
  sample: z.object({
    learnerId: z.string().min(1).nullable(),
    evidenceId: z.string().min(1).nullable(),
    description: text(2000).min(1, 'Describe the evidence the assessors judged.'),
  }),
  judgements: z.array(
    z.object({
      assessorId: z.string().min(1),
      decision,
      reasoning: text(10_000).min(1, "Write each assessor's reasoning."),
    }),
  ),
  agreed: z.object({
    decision,
    rationale: text(10_000).min(1, 'Write why the group agreed that outcome.'),
  }),
  actions: z.array(
    z.object({
      id: z.string().min(1).optional(),
      what: text(2000).min(1, 'Say what is to be done.'),
      ownerId: z.string().min(1, 'Name who owns each action.'),
      dueOn: isoDate,
      closedOn: isoDate.nullable(),
    }),
  ),
});

export const standardisationOperations = {
  'standardisation:list': operation<StandardisationView>()(z.object({})),
  'standardisation:save': operation<{ id: string }>()(meetingInput, { writes: true }),
  'standardisation:close-action': operation<{ closedOn: string | null }>()(
    z.object({
      meetingId: z.string().min(1),
      actionId: z.string().min(1),
      closedOn: isoDate.nullable(),
    }),
    { writes: true },
  ),
  /** The IQA raises the assessor's sampling rate as proposed, or keeps it as it is. */
  'standardisation:decide-proposal': operation<{ decision: 'raised' | 'kept' }>()(
    z.object({
      meetingId: z.string().min(1),
      assessorId: z.string().min(1),
      qualificationId: z.string().min(1),
      decision: z.enum(['raised', 'kept']),
    }),
    { writes: true },
  ),
};
