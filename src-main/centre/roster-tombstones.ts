import type { Cell } from '../storage/change-log/document-cells';
import type { CellScrub } from '../storage/document-tombstones';
import { erasedPortfolioFolder } from './portfolio-folder';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What stands where an erased learner's value was, on the centre's audit trail. */
export const ERASED_VALUE = '[erased]';

/** A learner's personal fields and what each is once erased; undefined takes the field out. */
export function erasedLearnerFields(pseudonym: string): Record<string, string | undefined> {
  return {
    name: pseudonym,
    uln: '',
    dateOfBirth: undefined,
    employer: '',
    workplace: '',
    needs: '',
  };
}

function learnerCell(cell: Cell, pseudonym: string): Cell {
  const fields = erasedLearnerFields(pseudonym);
  if (cell.f === 'archived') return cell.x === true ? cell : { ...cell, x: true };
  if (cell.f === 'portfolio') {
    // The folder named by the learner moves to one named by the pseudonym, on every computer.
    const folder = erasedPortfolioFolder(cell.k, pseudonym);
    return cell.x === folder ? cell : { ...cell, x: folder };
  }
  if (!(cell.f in fields)) return cell;
  const want = fields[cell.f];
  if (cell.x === want) return cell;
  if (want === undefined) {
    const { x: _gone, ...rest } = cell;
    return rest;
  }
  return { ...cell, x: want };
}

function erasedValues(value: unknown, pseudonym: string): unknown {
  if (!isObject(value)) return value;
  const fields = erasedLearnerFields(pseudonym);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k in fields && v !== undefined ? (k === 'name' ? pseudonym : ERASED_VALUE) : v,
    ]),
  );
}

function auditCell(cell: Cell, erased: Map<string, string>): Cell {
  const entry = cell.x;
  if (!isObject(entry) || !isObject(entry.subject)) return cell;
  const pseudonym = erased.get(String(entry.subject.learnerId));
  if (!pseudonym) return cell;
  const out: Json = { ...entry };
  if ('before' in entry) out.before = erasedValues(entry.before, pseudonym);
  if ('after' in entry) out.after = erasedValues(entry.after, pseudonym);
  return JSON.stringify(out) === JSON.stringify(entry) ? cell : { ...cell, x: out };
}

/**
 * The centre roster's tombstones: a learner whose personal details were erased carries
 * `erased`, and from then on every change to their name, ULN, date of birth, employer,
 * workplace, needs or portfolio folder (an older copy synced back, an edit made on a computer that had not yet
 * seen the erasure) shows as erased, and the audit trail's values about them too.
 */
export function rosterTombstones(doc: Readonly<Json>): CellScrub | null {
  const erased = new Map<string, string>();
  for (const l of Array.isArray(doc.learners) ? (doc.learners as unknown[]) : []) {
    if (isObject(l) && isObject(l.erased) && typeof l.erased.pseudonym === 'string') {
      erased.set(String(l.id), l.erased.pseudonym);
    }
  }
  if (!erased.size) return null;
  return (collection, cell) => {
    if (collection === 'learners') {
      const pseudonym = erased.get(cell.k);
      return pseudonym ? learnerCell(cell, pseudonym) : cell;
    }
    return collection === 'audit' ? auditCell(cell, erased) : cell;
  };
}
