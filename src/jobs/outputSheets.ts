import type { SheetInfo } from "../engine/port/WorkbookPort";
import { sameSheetName } from "../engine/port/ownedSheets";

/**
 * The add-in's own sheet that was written as `output`, if the workbook has one. Jobs that read back
 * what they wrote before (the Change log, the last agenda's actions) look their sheets up here, never
 * by tab name alone: a user's sheet that happens to be called "Change log" is not ours to read or
 * replace, and a sheet of ours the user renamed is still ours.
 */
export function ownOutput(sheets: readonly SheetInfo[], output: string): SheetInfo | undefined {
  return sheets.find((s) => s.output !== undefined && sameSheetName(s.output, output));
}

/** The add-in's own sheets with the output name each was written as. */
export function ownOutputs(sheets: readonly SheetInfo[]): { name: string; output: string }[] {
  const found: { name: string; output: string }[] = [];
  for (const s of sheets) if (s.output !== undefined) found.push({ name: s.name, output: s.output });
  return found;
}
