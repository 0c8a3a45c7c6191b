/** The note at the top of every workspace so the folder explains itself without the app. */
export function workspaceReadme(centreName: string): string {
  return `Centre workspace: ${centreName}

This folder is a centre workspace of the Assessor & Verifier Workbench. Everything in it is
plain files that stay readable without the app.

  centre.json   the centre, its awarding bodies and its people (learners, assessors, IQAs)
  units/        the unit specifications the centre assesses against, one JSON file per version
  learners/     one folder per learner: portfolio.json (registrations, evidence records,
                decisions, audit trail), evidence/ (the evidence files) and records/ (the
                assessment records issued, signed PDF or Word)
  signing/      each assessor's and IQA's signing identity (.p12, its key encrypted by a
                passphrase) and public certificate (.pem); leave it out of copies for others

Copy, zip or move the whole folder as it is. It holds personal data: keep it on approved
storage and share it only as your centre's data-protection policy allows.
`;
}
