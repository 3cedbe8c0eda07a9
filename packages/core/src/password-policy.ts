/** MLPS level 3 asks for complex passwords: length and a mix of character classes. */
export const PASSWORD_MIN_LENGTH = 10;

export function meetsPasswordPolicy(password: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > 256) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
