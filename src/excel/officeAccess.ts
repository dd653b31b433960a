import type { OfficeHost } from "./OfficeApi";
import { OfficeWorkbookError, type OfficeProblem } from "./OfficeWorkbookError";
import { type WriteFeatures } from "./writeSheetModel";
import { OPTIONAL_API, REQUIRED_API } from "./apiSetVersions";

/**
 * What every action of the port shares: the host, the requirement sets it has, and the notes
 * gathered for the user.
 */
export class OfficeAccess {
  private notes: string[] = [];

  constructor(readonly host: OfficeHost) {}

  /** Notes for the user gathered since the last call: what this Excel lacks for reading or fixes. */
  takeNotes(): string[] {
    const notes = this.notes;
    this.notes = [];
    return notes;
  }

  /** What this Excel can do beyond the add-in's minimum, for writing sheets. */
  writeFeatures(): WriteFeatures {
    return {
      gridlines: this.supports(OPTIONAL_API.gridlines),
      pageLayout: this.supports(OPTIONAL_API.pageLayout),
      autoFilter: this.supports(OPTIONAL_API.autoFilter),
      charts: this.supports(OPTIONAL_API.charts),
    };
  }

  /**
   * Whether the add-in's changes join the user's undo stack: from ExcelApi 1.20 ("adds undo support
   * for Excel JavaScript APIs"); before it they cannot be undone and empty it.
   */
  keepsUndo(): boolean {
    return this.supports(OPTIONAL_API.undoGroup);
  }

  supports(version: string): boolean {
    return this.host.isSetSupported("ExcelApi", version);
  }

  minimumProblem(): OfficeProblem | undefined {
    if (this.supports(REQUIRED_API)) return undefined;
    return {
      code: "unsupported",
      message:
        "This version of Excel is too old for the add-in (it needs ExcelApi 1.7: Excel 2019, Microsoft 365 or Excel on the web), so nothing was changed.",
    };
  }

  requireMinimum(): void {
    const problem = this.minimumProblem();
    if (problem) throw new OfficeWorkbookError(problem);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}
