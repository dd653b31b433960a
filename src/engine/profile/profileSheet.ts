import type { SheetSnapshot } from "../port/WorkbookPort";
import type { SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import { TrackerProfile } from "./TrackerProfile";

/**
 * The profile in force is kept in the workbook, in a very hidden sheet: a sheet travels with the
 * file, is shared by everyone co-authoring it and can be read by exceljs on the command line, where
 * Office's document settings cannot. Very hidden, so it is not unhidden by accident from Excel's menu.
 */
export const PROFILE_SHEET_NAME = "TrackerProfile";

/** A1 says what the sheet is, so a user's own sheet of that name is never taken for a profile. */
export const PROFILE_SHEET_MARKER = "Permanence tracker profile";

/** The layout of this sheet (B1); a later layout is refused rather than misread. */
export const PROFILE_SHEET_VERSION = 1;

/** Excel holds at most 32,767 characters in a cell; chunks stay well below it. */
export const PROFILE_CHUNK_LENGTH = 30_000;

// Each chunk starts with a prefix so Excel never turns a chunk that looks like a number or a date
// (a chunk can be "12" or "2025-01-01") into one when the Office port writes it.
const CHUNK_PREFIX = "json:";

/** The profile as a sheet: A1 marker, B1 layout version, then the JSON in chunks down column A. */
export function buildProfileSheet(profile: TrackerProfile): SheetModel {
  const json = JSON.stringify(profile);
  const c = new SheetRuns();
  c.row(1, 1, [PROFILE_SHEET_MARKER, PROFILE_SHEET_VERSION]);
  for (let start = 0, row = 2; start < json.length; start += PROFILE_CHUNK_LENGTH, row++) {
    c.cell(row, 1, CHUNK_PREFIX + json.slice(start, start + PROFILE_CHUNK_LENGTH));
  }
  return { name: PROFILE_SHEET_NAME, purpose: "profile", visibility: "veryHidden", runs: c.runs };
}

/**
 * The profile a sheet holds, or why it cannot be used: a damaged or hand-edited sheet is an error
 * value, and the caller falls back to the default profile and says so.
 */
export function readProfileSheet(snapshot: SheetSnapshot): { profile: TrackerProfile } | { error: string } {
  const [first, ...rest] = snapshot.values;
  if (first?.[0] !== PROFILE_SHEET_MARKER) return { error: "it was not written by the add-in" };
  const version = first[1];
  if (version !== PROFILE_SHEET_VERSION) {
    return typeof version === "number" && version > PROFILE_SHEET_VERSION
      ? { error: `it was saved by a newer version of the add-in (layout ${version})` }
      : { error: "its layout version is missing" };
  }
  const chunks: string[] = [];
  for (const row of rest) {
    const cell = row[0];
    if (cell === null || cell === undefined || cell === "") break;
    if (typeof cell !== "string" || !cell.startsWith(CHUNK_PREFIX)) {
      return { error: `row ${chunks.length + 2} has been edited` };
    }
    chunks.push(cell.slice(CHUNK_PREFIX.length));
  }
  if (chunks.length === 0) return { error: "it holds no profile" };
  let json: unknown;
  try {
    json = JSON.parse(chunks.join(""));
  } catch {
    return { error: "its text is incomplete or has been edited" };
  }
  const parsed = TrackerProfile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return { error: `it does not describe a valid profile${where}: ${issue?.message ?? "unknown problem"}` };
  }
  return { profile: parsed.data };
}
