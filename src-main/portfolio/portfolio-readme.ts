/** The short note every portfolio folder carries so it makes sense without the app. */
export function portfolioReadme(learnerName: string, centreName: string): string {
  return `Learner portfolio: ${learnerName}
Centre: ${centreName}

This folder is one learner's portfolio, kept by the Assessor & Verifier Workbench.

  portfolio.json   the learner's registrations, evidence records, decisions and audit trail
                   (plain JSON; "schemaVersion" says which layout it follows)
  evidence/        the evidence files themselves, under readable names
  records/         assessment records issued from the portfolio (signed PDF, or Word); the
                   SHA-256 of each is kept in portfolio.json

It holds personal data. Keep it on approved storage, and share it only as your centre's
data-protection policy allows. The whole folder can be copied, zipped or moved as it is.
`;
}
