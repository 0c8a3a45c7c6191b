import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../src-main/shared/paths';
import { roleLabels } from '../src-main/centre/centre-schema';
import { DEMO_IDENTITIES_FOLDER, DEMO_PASSPHRASE } from '../src-main/demo/demo-identities';
import { DEMO_EQA_FOLDER } from '../src-main/demo/demo-eqa-visit';
import { demoAssessors, demoCentre, demoEqa, demoIqa } from '../src-main/demo/demo-people';
import { generateIdentity } from '../src-main/record/identity/generate-identity';
import { importP12 } from '../src-main/record/identity/signing-identity';
import { CENTRE_FILES } from '../src-main/record/identity-store/centre-authority';
import { safeName } from '../src-main/storage/safe-name';

/**
 * Makes the demo centre's certificate and the signing identities it issues (valid ten years) into
 * resources/demo-identities. Every one opens with the demo passphrase.
 */
const people = [
  { ...demoAssessors.qualified, role: roleLabels.assessor },
  { ...demoAssessors.workingTowards, role: roleLabels.assessor },
  { ...demoIqa, role: roleLabels.iqa },
];
const dir = path.join(defaultResourcesDir(), DEMO_IDENTITIES_FOLDER);
await mkdir(dir, { recursive: true });
// Valid from before any demo date, so records signed "in the past" in tests still verify.
const from = new Date('2026-01-01T00:00:00Z');
const centre = generateIdentity({
  name: `${demoCentre.name} centre certificate`,
  role: 'Centre certificate authority',
  organisation: demoCentre.name,
  passphrase: DEMO_PASSPHRASE,
  validYears: 10,
  now: from,
  authority: true,
});
await writeFile(path.join(dir, CENTRE_FILES.p12), centre.p12);
await writeFile(path.join(dir, CENTRE_FILES.pem), centre.certificatePem);
const issuer = importP12(centre.p12, DEMO_PASSPHRASE);
process.stdout.write(`centre certificate: ${centre.info.fingerprintSha256}\n`);
for (const person of people) {
  const made = generateIdentity({
    name: person.name,
    role: person.role,
    organisation: demoCentre.name,
    email: person.email,
    passphrase: DEMO_PASSPHRASE,
    validYears: 10,
    now: from,
    issuer: { certificate: issuer.certificate, privateKey: issuer.privateKey },
  });
  await writeFile(path.join(dir, `${safeName(person.name)}.p12`), made.p12);
  await writeFile(path.join(dir, `${safeName(person.name)}.pem`), made.certificatePem);
  process.stdout.write(`${person.name}: ${made.info.fingerprintSha256}\n`);
}

// The demo EQA's own identity: self-issued, as the awarding body's would be, and never by the
// demo centre. It signs the demo's past EQA report and is not copied into the centre's signing/.
const eqa = generateIdentity({
  name: demoEqa.name,
  role: 'External quality assurer',
  organisation: demoCentre.awardingBodies[0]!,
  email: demoEqa.email,
  passphrase: DEMO_PASSPHRASE,
  validYears: 10,
  now: from,
});
await mkdir(path.join(dir, DEMO_EQA_FOLDER), { recursive: true });
await writeFile(path.join(dir, DEMO_EQA_FOLDER, `${safeName(demoEqa.name)}.p12`), eqa.p12);
process.stdout.write(`${demoEqa.name} (EQA, own certificate): ${eqa.info.fingerprintSha256}\n`);
