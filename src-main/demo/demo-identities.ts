import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { StaffMember } from '../centre/centre-schema';
import { safeName } from '../storage/safe-name';
import { identityFiles } from '../record/identity-store/identity-store';
import type { Workspace } from '../workspace/workspace';

/**
 * The passphrase of every demo signing identity, printed in the README so the demo signs
 * without prompts. Demo data only: a real centre's identities each have their own.
 */
export const DEMO_PASSPHRASE = 'northgate-demo';

export const DEMO_IDENTITIES_FOLDER = 'demo-identities';

/**
 * Gives the demo assessors and IQA their signing identities. They are made once by
 * `npm run demo-identities` (generating RSA keys takes a while) and copied in, so a new demo
 * centre is ready at once.
 */
export async function addDemoIdentities(workspace: Workspace, resourcesDir: string): Promise<void> {
  const signers = workspace.centre.staff.filter((s: StaffMember) =>
    s.roles.some((r) => r === 'assessor' || r === 'iqa'),
  );
  for (const person of signers) {
    const from = path.join(resourcesDir, DEMO_IDENTITIES_FOLDER, safeName(person.name));
    const to = identityFiles(workspace.dir, person.id);
    await mkdir(path.dirname(to.p12), { recursive: true });
    await copyFile(`${from}.p12`, to.p12);
    await copyFile(`${from}.pem`, to.pem);
  }
}
