import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { issueRecord } from '../../../src-main/record/issue/issue-record';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { tester } from '../demo-workspace';

/** Issues a demo learner's unit record as a PDF, signed by the assessor the unit is registered to. */
export async function issueUnitRecordByAssessor(
  workspace: Workspace,
  learnerId: string,
  unit: string,
  userDataDir: string,
) {
  const doc = await workspace.portfolio(learnerId);
  const assessorId = doc.data.registrations.find((r) => r.unitId === unit)!.assessorId;
  const assessor = workspace.centre.staff.find((s) => s.id === assessorId)!;
  const source = { passphrase: DEMO_PASSPHRASE, userDataDir };
  return issueRecord(
    workspace,
    {
      learnerId,
      kind: 'unit-record',
      unit,
      format: 'pdf',
      signer: await signerFor(workspace, assessor, 'assessor', source),
    },
    tester,
    new Date(),
  );
}
