import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../src-main/app/paths';
import { roleLabels } from '../src-main/centre/centre-schema';
import { DEMO_IDENTITIES_FOLDER, DEMO_PASSPHRASE } from '../src-main/demo/demo-identities';
import { demoAssessors, demoCentre, demoIqa } from '../src-main/demo/demo-people';
import { generateIdentity } from '../src-main/record/identity/generate-identity';
import { safeName } from '../src-main/storage/safe-name';

/** Makes the demo centre's signing identities (valid ten years) into resources/demo-identities. */
const people = [
  { ...demoAssessors.qualified, role: roleLabels.assessor },
  { ...demoAssessors.workingTowards, role: roleLabels.assessor },
  { ...demoIqa, role: roleLabels.iqa },
];
const dir = path.join(defaultResourcesDir(), DEMO_IDENTITIES_FOLDER);
await mkdir(dir, { recursive: true });
for (const person of people) {
  const made = generateIdentity({
    name: person.name,
    role: person.role,
    organisation: demoCentre.name,
    email: person.email,
    passphrase: DEMO_PASSPHRASE,
    validYears: 10,
    // Valid from before any demo date, so records signed "in the past" in tests still verify.
    now: new Date('2026-01-01T00:00:00Z'),
  });
  await writeFile(path.join(dir, `${safeName(person.name)}.p12`), made.p12);
  await writeFile(path.join(dir, `${safeName(person.name)}.pem`), made.certificatePem);
  process.stdout.write(`${person.name}: ${made.info.fingerprintSha256}\n`);
}
