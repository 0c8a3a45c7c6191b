import { z } from 'zod';
import { newId } from './ids';

/** Every stored record carries these, so two copies of a folder can be merged record by record. */
export const recordFields = {
  id: z.string().min(1),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
};

export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({ offset: true });

/** Who is making a change: a person's id, or a description such as "demo setup". */
export interface Actor {
  id: string;
  role: 'assessor' | 'iqa' | 'eqa' | 'admin' | 'system';
}

export function stamp(actor: Actor, now: Date): { updatedAt: string; updatedBy: string } {
  return { updatedAt: now.toISOString(), updatedBy: actor.id };
}

/** The date part of a moment, as the paperwork writes it (YYYY-MM-DD). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A new record's own fields: a fresh id of its kind, and who made it when. */
export function newRecord(prefix: string, actor: Actor, now: Date) {
  return { id: newId(prefix), ...stamp(actor, now) };
}

/** A new record about one version of a unit (a decision, a signature, a sign-off). */
export function newUnitRecord(
  prefix: string,
  unit: { id: string; version: number },
  actor: Actor,
  now: Date,
) {
  return { ...newRecord(prefix, actor, now), unitId: unit.id, unitVersion: unit.version };
}
