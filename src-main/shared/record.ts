import { z } from 'zod';

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
