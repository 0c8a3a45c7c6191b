import { z } from 'zod';
import { timelineKinds } from '../kernel/timeline-kinds';
import { operation } from '../shared/operation';
import type { TimelinePage } from './timeline-entry';

export type * from './timeline-entry';

/** The timeline's page, and the sampling files it could not read (their samples are missing). */
export interface TimelineResult extends TimelinePage {
  problems: string[];
}

export const timelineOperations = {
  /** One learner's journey, newest first: a page of it, of the kinds asked for (all when none). */
  'timeline:list': operation<TimelineResult>()(
    z.object({
      learnerId: z.string().min(1),
      kinds: z.array(z.enum(timelineKinds)).max(timelineKinds.length).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),
};
