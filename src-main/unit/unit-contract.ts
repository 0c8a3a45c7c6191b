import { z } from 'zod';
import { operation } from '../api/operation';
import type { StoredUnit } from './unit-schema';

export interface UnitSummary {
  id: string;
  version: number;
  title: string;
  level: string | null;
  credits: number | null;
  glh: number | null;
  codes: { ofqual: string | null; awardingBody: string | null };
  awardingBody: string | null;
  outcomeCount: number;
  criterionCount: number;
  builtIn: boolean;
}

export const unitOperations = {
  'unit:list': operation<{ units: UnitSummary[]; problems: string[] }>()(z.object({})),
  'unit:get': operation<StoredUnit>()(
    z.object({ unitId: z.string().min(1), version: z.number().int().positive().optional() }),
  ),
};
