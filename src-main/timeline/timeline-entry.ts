import { formatDateTime } from '../kernel/dates';
import type { TimelineKind } from '../kernel/timeline-kinds';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { SamplingPlan } from '../sampling/plan-schema';
import type { SampleReview } from '../sampling/review-schema';
import type { VisitFile } from '../visit-pack/visit-schema';

/**
 * Where an entry leads: the app's address as its query (`page=marking&learner=…&unit=…`), so the
 * screen opens it like any other link and it opens in a new tab too.
 */
export interface TimelineLink {
  query: Record<string, string>;
  /** What the link opens, in words ("the unit on the marking screen"). */
  label: string;
}

/** One thing that happened: when (a moment, or a day when the record keeps only the day), who, what. */
export interface TimelineEvent {
  /** Unique on the timeline: the kind of event and the record it comes from. */
  key: string;
  at: string;
  who: string;
  what: string;
  link: TimelineLink;
}

/**
 * A line of the timeline. Most stand for one event; a burst of decisions on one unit on one day
 * is one line whose `items` are the decisions, so a long history stays readable.
 */
export interface TimelineEntry extends TimelineEvent {
  kind: TimelineKind;
  items: TimelineEvent[];
}

/** An entry as the screen gets it, with its moment written the UK way. */
export interface TimelineEntryView extends TimelineEntry {
  when: string;
}

/** The names a source writes people and units with; never a storage id. */
export interface TimelineNames {
  person: (id: string) => string;
  unit: (unitId: string) => string;
  learner: string;
}

/** One sampling plan as far as it concerns the learner: their samples and the reviews of them. */
export interface LearnerSampling {
  planId: string;
  createdAt: string;
  updatedAt: string;
  plan: SamplingPlan;
  reviews: SampleReview[];
}

/** What the sources read: the learner's portfolio and the quality assurance of their work. */
export interface TimelineContext {
  learnerId: string;
  portfolio: Portfolio;
  sampling: LearnerSampling[];
  /** The EQA visits whose pack sampled the learner's work. */
  visits: VisitFile[];
  names: TimelineNames;
}

/** Each domain contributes its own entries; the list of sources is kept with the operation. */
export type TimelineSource = (context: TimelineContext) => TimelineEntry[];

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant an entry is ordered by. A record that keeps only the day counts from the start of
 * that day, so it comes after (below) the timed events of the same day.
 */
export function instantOf(at: string): number {
  const time = Date.parse(calendarDay.test(at) ? `${at}T00:00:00Z` : at);
  return Number.isNaN(time) ? 0 : time;
}

/** Newest first; events at the same instant in a fixed order, so paging never skips or repeats. */
export function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  return instantOf(b.at) - instantOf(a.at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The keys of the events an entry stands for. */
export function eventKeys(entry: TimelineEntry): string[] {
  return entry.items.length ? entry.items.map((i) => i.key) : [entry.key];
}

export interface TimelineQuery {
  kinds?: readonly TimelineKind[];
  offset?: number;
  limit?: number;
}

export interface TimelinePage {
  entries: TimelineEntryView[];
  /** Entries of the kinds asked for, on every page. */
  total: number;
  offset: number;
  limit: number;
  /** Entries of each kind, whatever the filter, so the filter can say what there is. */
  counts: Partial<Record<TimelineKind, number>>;
}

export const DEFAULT_PAGE = 100;

/** Every source's entries, newest first, filtered by kind and cut to one page. */
export function arrangeTimeline(
  context: TimelineContext,
  sources: readonly TimelineSource[],
  query: TimelineQuery = {},
): TimelinePage {
  const all = sources.flatMap((source) => source(context)).sort(newestFirst);
  const counts: Partial<Record<TimelineKind, number>> = {};
  for (const entry of all) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  const kinds = query.kinds?.length ? new Set(query.kinds) : null;
  const chosen = kinds ? all.filter((e) => kinds.has(e.kind)) : all;
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(1, query.limit ?? DEFAULT_PAGE);
  const entries = chosen.slice(offset, offset + limit).map((e) => ({
    ...e,
    // Decisions recorded together keep the order they were made in (the unit's order, usually).
    items: [...e.items].sort((a, b) => instantOf(b.at) - instantOf(a.at)),
    when: formatDateTime(e.at),
  }));
  return { entries, total: chosen.length, offset, limit, counts };
}
