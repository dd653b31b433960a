import type { TrackerProfile } from "../../engine/profile/TrackerProfile";
import { columnLetters } from "../../engine/tables/cellAddress";
import type { TrackerRead } from "../../jobs/readTracker";

export interface MappingLine {
  /** "D", the worksheet column the values are read from; "" when not found. */
  column: string;
  /** The header as found in the sheet. */
  header: string;
  /** The profile column it is read as. */
  reads: string;
  /** Plain words for a line that needs a look: a missing required column and its nearest header. */
  note?: string;
}

export interface SheetMappingView {
  title: string;
  /** "Read from “Joint Tracker”, header on row 2", or why the sheet is not read. */
  summary: string;
  lines: MappingLine[];
}

/**
 * The Settings page's view of how each tracker sheet was read: every detected header and the
 * profile column it feeds, then each required column that was not found, with the closest header.
 */
export function mappingViews(read: TrackerRead, profile: TrackerProfile): SheetMappingView[] {
  return profile.sheets.map((spec) => {
    const sheetRead = read.mappings[spec.key];
    if (sheetRead === undefined || sheetRead.status === "missing")
      return {
        title: spec.title,
        summary: sheetRead?.finding.message ?? `No ${spec.title} sheet.`,
        lines: [],
      };
    const { mapping, sheetName } = sheetRead;
    const titleOf = (key: string): string => spec.columns.find((c) => c.key === key)?.title ?? key;
    const lines: MappingLine[] = mapping.mapped
      .slice()
      .sort((a, b) => a.column - b.column)
      .map((m) => ({ column: columnLetters(m.column), header: m.header, reads: titleOf(m.key) }));
    for (const missing of mapping.missingRequired) {
      lines.push({
        column: missing.suggestionColumn === undefined ? "" : columnLetters(missing.suggestionColumn),
        header: missing.suggestion ?? "",
        reads: missing.title,
        note:
          missing.suggestion === undefined
            ? "Required column not found"
            : `Required column not found: is it “${missing.suggestion}”?`,
      });
    }
    const summary =
      mapping.table === undefined
        ? `“${sheetName}” is there but its header row could not be found.`
        : `Read from “${sheetName}”, header on row ${mapping.table.headerRow}, ${mapping.table.rows.length} rows.`;
    return { title: spec.title, summary, lines };
  });
}
