/**
 * The Unique Learner Number is ten digits whose last digit is a check digit: weight the first
 * nine by 10 down to 2, take the total modulo 11, and the check digit is 10 minus that
 * (a result of 10 means no valid ULN has those first nine digits).
 */
export function ulnCheckDigit(firstNine: string): number | null {
  let total = 0;
  for (let i = 0; i < 9; i += 1) total += Number(firstNine[i]) * (10 - i);
  const check = 10 - (total % 11);
  return check === 10 ? null : check;
}

/** Why a ULN is not valid, in the user's words, or null when it is. */
export function ulnProblem(uln: string): string | null {
  if (!/^\d{10}$/.test(uln)) return 'A ULN is exactly 10 digits.';
  const expected = ulnCheckDigit(uln.slice(0, 9));
  if (expected === null || expected !== Number(uln[9])) {
    return `${uln} is not a valid ULN: its check digit does not match. Check it against the learner's record.`;
  }
  return null;
}
