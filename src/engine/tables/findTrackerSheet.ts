import type { SheetInfo } from "../port/WorkbookPort";
import { normaliseHeader, type SheetSpec } from "../profile/TrackerProfile";

/**
 * The worksheet holding a profile sheet: the one named by its title first ("Joint Tracker"), else
 * by the first of its aliases a worksheet carries ("LAC tracker"), names compared as headers are
 * (case, spaces and punctuation ignored). Very hidden sheets are the add-in's own, never a tracker.
 */
export function findTrackerSheet(sheets: readonly SheetInfo[], spec: SheetSpec): SheetInfo | undefined {
  const candidates = sheets.filter((s) => s.visibility !== "veryHidden");
  for (const name of [spec.title, ...spec.aliases]) {
    const wanted = normaliseHeader(name);
    const found = candidates.find((s) => normaliseHeader(s.name) === wanted);
    if (found) return found;
  }
  return undefined;
}
