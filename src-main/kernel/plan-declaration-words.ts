/** Who signs an assessment plan: the learner and the assessor must; an employer may. */
export const planSignerRoles = ['learner', 'assessor', 'employer'] as const;
export type PlanSignerRole = (typeof planSignerRoles)[number];

/**
 * What each person signs on an assessment plan, word for word, by version. The screen shows
 * these words, the signature's hash covers them and the plan record prints them (kept in the kernel so the screen shows the very words): a new wording
 * is a new version, and old versions stay so older signatures still read as signed.
 */
export const planDeclarationVersions: Readonly<Record<number, Record<PlanSignerRole, string>>> = {
  1: {
    learner:
      'I have agreed this assessment plan with my assessor. I know what will be assessed, how, when and where, who will be there and what I need to prepare.',
    assessor:
      'I have agreed this assessment plan with the learner, taking account of their recorded needs, and will assess as it sets out.',
    employer:
      'On behalf of the employer, I agree to the arrangements this plan makes at the workplace.',
  },
};

/** The version every new plan signature is given over. */
export const PLAN_DECLARATION_VERSION = 1;

export function planDeclarationWords(
  role: PlanSignerRole,
  version: number = PLAN_DECLARATION_VERSION,
): string {
  const words = planDeclarationVersions[version]?.[role];
  if (!words) throw new Error(`There is no plan declaration version ${version} for ${role}.`);
  return words;
}
