import { sameSheetName } from "../engine/port/ownedSheets";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { PROFILE_SHEET_NAME, readProfileSheet } from "../engine/profile/profileSheet";
import type { TrackerProfile } from "../engine/profile/TrackerProfile";
import type { TableFinding } from "../engine/tables/TableFinding";
import { ownOutput } from "./outputSheets";

export interface LoadedProfile {
  profile: TrackerProfile;
  /** Where it came from: the workbook's own profile sheet, or the default. */
  source: "workbook" | "default";
  findings: TableFinding[];
}

/**
 * The profile in force for a workbook: the one stored in its TrackerProfile sheet, else the
 * default. A stored profile that cannot be read is not fatal: the default is used, with a warning.
 */
export async function loadProfile(port: WorkbookPort): Promise<LoadedProfile> {
  // The add-in's own profile sheet first; one not in the register (saved by an earlier version, or
  // by a program that dropped the register) after it. readProfileSheet checks its A1 marker either way.
  const sheets = await port.listSheets();
  const sheet =
    ownOutput(sheets, PROFILE_SHEET_NAME) ??
    sheets.find((s) => s.output === undefined && sameSheetName(s.name, PROFILE_SHEET_NAME));
  if (!sheet) return { profile: DEFAULT_PROFILE, source: "default", findings: [] };
  const stored = readProfileSheet(await port.readSheet(sheet.name));
  if ("profile" in stored) return { profile: stored.profile, source: "workbook", findings: [] };
  return {
    profile: DEFAULT_PROFILE,
    source: "default",
    findings: [
      {
        code: "PROFILE-UNREADABLE",
        severity: "warning",
        sheet: sheet.name,
        message:
          `The tracker profile stored in this workbook cannot be read (${stored.error}): the default ` +
          "profile is used instead. Save the profile again from the pane to replace it.",
      },
    ],
  };
}
