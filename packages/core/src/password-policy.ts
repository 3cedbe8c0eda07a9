/**
 * MLPS level 3 asks for complex passwords (a mix of character classes); OWASP ASVS 2.1.1 for at
 * least 12 characters. Guatu asks for both.
 */
export const PASSWORD_MIN_LENGTH = 12;

export function meetsPasswordPolicy(password: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > 256) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
