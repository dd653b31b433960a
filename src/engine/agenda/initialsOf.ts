/**
 * Initials for an agenda that must not show names: "Jane Smith" → "J.S.", "smith, jane" → "J.S."
 * (surname-first as case systems export it), "J S" → "J.S.". Blank → "".
 */
export function initialsOf(name: string | null): string {
  if (name === null) return "";
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
