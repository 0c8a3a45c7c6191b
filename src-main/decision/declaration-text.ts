import type { SignaturePurpose } from '../portfolio/decision-schema';

/**
 * What each person signs at sign-off, word for word, by version. The screen shows these words,
 * the signature's hash covers them and every record prints them: one text, so what was signed is
 * what is printed. A new wording is a new version; old versions stay so that older signatures
 * still read and verify as signed.
 */
export const declarationVersions: Readonly<Record<number, Record<SignaturePurpose, string>>> = {
  1: {
    'learner-declaration':
      'I confirm that the evidence for this unit is my own work, produced by me, and that any help I had or sources I used are shown.',
    'assessor-declaration':
      'I confirm that I have assessed the evidence against every assessment criterion of this unit, that it is valid, authentic, current, sufficient and reliable, and that the decisions recorded are my own.',
    countersignature:
      'As a qualified assessor I have reviewed these decisions and countersign them.',
  },
};

/** The version every new signature is given over. */
export const DECLARATION_VERSION = 1;

export function declarationWords(
  purpose: SignaturePurpose,
  version: number = DECLARATION_VERSION,
): string {
  const words = declarationVersions[version]?.[purpose];
  if (!words) throw new Error(`There is no declaration version ${version} for ${purpose}.`);
  return words;
}
