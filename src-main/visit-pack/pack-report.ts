import type { EqaReportFormView, ReportedVisit } from './eqa-report-form';
import type { PackData } from './pack-model';
import { unitLabel } from '../kernel/unit-label';

/**
 * The visit as its pack carries it: the learners' units it samples, named as the centre's own
 * record of the visit names them, so a report signed from the pack imports like any other.
 */
export function packVisit(data: PackData): ReportedVisit {
  return {
    id: data.visit.id,
    centreId: data.visit.centreId,
    centreName: data.centre.name,
    samples: data.learners.flatMap((l) =>
      l.units.map((u) => ({
        learnerId: l.id,
        unitId: u.id,
        learner: l.name,
        unit: unitLabel(u.ref, u.title),
      })),
    ),
  };
}

/** The EQA's report form for a pack: its samples, nothing answered. */
export function packReportForm(data: PackData): EqaReportFormView {
  const visit = packVisit(data);
  return {
    visitId: visit.id,
    centreName: visit.centreName,
    packMadeAt: data.madeAt,
    samples: [...visit.samples],
    // The pack does not say which awarding body the EQA is from: they name it.
    awardingBodies: [],
    // Whether the centre holds a report already is the centre's to know, not the pack's.
    reported: false,
  };
}
