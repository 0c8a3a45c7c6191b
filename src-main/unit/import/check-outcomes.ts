import type { Diagnostic } from './import-types';
import type { FinalOutcome } from './finalise-outcomes';

function at(
  line: number | null | undefined,
  message: string,
): Pick<Diagnostic, 'line' | 'message'> {
  return line == null ? { line: null, message } : { line, message: `line ${line}: ${message}` };
}

function warning(line: number | null | undefined, message: string): Diagnostic {
  return { severity: 'warning', ...at(line, message) };
}

/** Problems with the outcomes as a whole: gaps in numbering, outcomes with nothing in them. */
export function checkOutcomes(outcomes: FinalOutcome[], statedCount: number | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!outcomes.length) {
    diagnostics.push({
      severity: 'error',
      line: null,
      message:
        'No learning outcomes or assessment criteria were found. Check that this is a unit specification; guidance for a unit can be attached to the unit instead.',
    });
    return diagnostics;
  }
  if (outcomes.every((o) => !o.outcome.criteria.length)) {
    diagnostics.push({
      severity: 'error',
      line: null,
      message:
        'No assessment criteria were found, only learning outcomes. Criteria are numbered like 1.1, 1.2 under learning outcome 1.',
    });
  }
  let previous = 0;
  for (const { outcome, line, criterionLines } of outcomes) {
    const n = Number(outcome.ref);
    if (n > previous + 1) {
      const missing = n - previous === 2 ? `${previous + 1} is` : `${previous + 1} to ${n - 1} are`;
      diagnostics.push(
        warning(
          line,
          `learning outcome ${missing} missing (outcome ${n} follows ${previous || 'the start'})`,
        ),
      );
    }
    previous = n;
    if (!outcome.text) {
      diagnostics.push(
        warning(line ?? criterionLines[0], `learning outcome ${n} has no wording of its own`),
      );
    }
    if (!outcome.criteria.length) {
      diagnostics.push(warning(line, `learning outcome ${n} has no criteria`));
    }
    let previousCriterion = 0;
    outcome.criteria.forEach((criterion, i) => {
      const m = Number(criterion.ref.split('.')[1]);
      if (m > previousCriterion + 1) {
        diagnostics.push(
          warning(
            criterionLines[i],
            `criterion ${n}.${previousCriterion + 1} is missing (${criterion.ref} follows ${previousCriterion ? `${n}.${previousCriterion}` : `learning outcome ${n}`})`,
          ),
        );
      }
      previousCriterion = m;
      if (!criterion.text && !criterion.parts.length) {
        diagnostics.push(warning(criterionLines[i], `criterion ${criterion.ref} has no wording`));
      }
      for (const part of criterion.parts) {
        if (!part.text) {
          diagnostics.push(
            warning(
              criterionLines[i],
              `part ${part.ref} of criterion ${criterion.ref} has no wording`,
            ),
          );
        }
      }
    });
  }
  if (statedCount !== null && statedCount !== outcomes.length) {
    diagnostics.push(
      warning(
        null,
        `the specification says it has ${statedCount} learning outcomes but ${outcomes.length} were found`,
      ),
    );
  }
  return diagnostics;
}
