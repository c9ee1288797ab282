/**
 * Characters that have no place in a text field of an import: C0 control characters (NUL, line
 * breaks and tabs included: a name or an address is one line), DEL, C1 control characters (the trace
 * of text decoded with the wrong table) and U+FFFD (a character lost before the file reached us).
 * Leading and trailing white space is trimmed before this check.
 */
export interface ForbiddenCharacter {
  /** 1-based position in the (trimmed) text. */
  position: number;
  codePoint: number;
}

const isForbidden = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;

export function findForbiddenCharacter(text: string): ForbiddenCharacter | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isForbidden(code)) return { position: i + 1, codePoint: code };
  }
  return null;
}

const NAMES: Record<number, string> = {
  0x00: 'een nul-teken',
  0x09: 'een tab',
  0x0a: 'een regelovergang',
  0x0d: 'een regelovergang',
  0xfffd: 'een onleesbaar teken (het bestand is eerder met de verkeerde tekenset opgeslagen)',
};

/** Dutch, for the import report: what the character is and where, so the user can find it. */
export function forbiddenCharacterMessage({ position, codePoint }: ForbiddenCharacter): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `Bevat ${NAMES[codePoint] ?? 'een stuurteken'} (${code}) op positie ${position}: verwijder het uit de cel`;
}
