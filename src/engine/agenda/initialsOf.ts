/**
 * Initials for an agenda that must not show names: "Jane Smith" → "J.S.", "smith, jane" → "J.S."
 * (surname-first as case systems export it), "J S" → "J.S.". Blank → "".
 */
export function initialsOf(name: string | null): string {
  if (name === null) return "";
  return initialsOfPlainName(name) ?? initialsOfAnyName(name);
}

function initialsOfAnyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  const parts = trimmed.includes(",")
    ? trimmed
        .split(",")
        .reverse()
        .flatMap((p) => p.trim().split(/\s+/))
    : trimmed.split(/\s+/);
  return parts
    .map((p) => p.replace(/[^\p{L}]/gu, ""))
    .filter((p) => p !== "")
    .map((p) => `${(p[0] as string).toUpperCase()}.`)
    .join("");
}

/*
 * Most names are ASCII letters and spaces, whose initials are the first letter of each word: read
 * in one pass, without the regular expressions, and made as one string, they cost a fraction as much
 * on a long agenda. Anything else (commas, hyphens, accents, other spaces) is left to the
 * general reading: undefined.
 */
function initialsOfPlainName(name: string): string | undefined {
  let initials = "";
  let atWordStart = true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === SPACE) {
      atWordStart = true;
    } else if (isAsciiLetter(code)) {
      if (atWordStart) initials += INITIALS[(code & ~LOWER_CASE_BIT) - CAPITAL_A] as string;
      atWordStart = false;
    } else {
      return undefined;
    }
  }
  return initials;
}

const CAPITAL_A = 0x41;
/** "A." to "Z.". */
const INITIALS: readonly string[] = Array.from(
  { length: 26 },
  (_, i) => `${String.fromCharCode(CAPITAL_A + i)}.`,
);
const SPACE = 0x20;
/** ASCII's lower-case letters are its capitals with this bit set. */
const LOWER_CASE_BIT = 0x20;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
