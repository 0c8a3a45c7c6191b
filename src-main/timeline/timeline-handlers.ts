import type { HandlerMap } from '../api/handler';
import { decisionSource } from './decision-source';
import {
  evidenceSource,
  recordSource,
  registrationSource,
  signOffSource,
  witnessFormSource,
} from './portfolio-sources';
import { planSource } from './plan-source';
import { reviewSource } from './review-source';
import { actionPointSource, samplingSource } from './sampling-source';
import { loadTimelineContext } from './timeline-context';
import type { timelineOperations } from './timeline-contract';
import { arrangeTimeline, type TimelineSource } from './timeline-entry';
import { visitSource } from './visit-source';

/** Every source of the learner's timeline: a domain that adds entries adds its source here. */
export const timelineSources: readonly TimelineSource[] = [
  registrationSource,
  planSource,
  evidenceSource,
  decisionSource,
  witnessFormSource,
  signOffSource,
  recordSource,
  reviewSource,
  samplingSource,
  actionPointSource,
  visitSource,
];

export const timelineHandlers: HandlerMap<keyof typeof timelineOperations> = {
  'timeline:list': async ({ learnerId, ...query }, workbench) => {
    const { context, problems } = await loadTimelineContext(workbench.workspace, learnerId);
    return { ...arrangeTimeline(context, timelineSources, query), problems };
  },
};
