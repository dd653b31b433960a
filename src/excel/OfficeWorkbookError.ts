/** What went wrong in Excel, as a code the pane can branch on and a sentence for the user. */
export interface OfficeProblem {
  code:
    | "unsupported"
    | "workbook-protected"
    | "sheet-protected"
    | "sheet-missing"
    | "sheet-hidden"
    | "too-large"
    | "failed";
  message: string;
  /** Office's own error code, for diagnosis; never shown as the message. */
  detail?: string;
}

/** An Office action that failed and left the workbook as it was; `problem.message` is for the user. */
export class OfficeWorkbookError extends Error {
  constructor(readonly problem: OfficeProblem) {
    super(problem.message);
    this.name = "OfficeWorkbookError";
  }
}

/**
 * The problem behind an error thrown by Office.js while doing `action` ("write “Agenda”"): Office's
 * error codes (never translated, unlike its messages) become a plain sentence.
 */
export function problemOf(error: unknown, action: string): OfficeProblem {
  if (error instanceof OfficeWorkbookError) return error.problem;
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown";
  const detail = { detail: code };
  switch (code) {
    case "AccessDenied":
      return {
        code: "sheet-protected",
        message: `Excel refused to ${action} because a sheet or the workbook is protected; nothing was changed. Unprotect it and try again.`,
        ...detail,
      };
    case "ItemNotFound":
    case "InvalidReference":
      return {
        code: "sheet-missing",
        message: `A sheet was deleted or renamed while the add-in was working, so it could not ${action}; nothing was changed. Try again.`,
        ...detail,
      };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return {
        code: "too-large",
        message: `The data were too large for Excel to ${action} in one go; nothing was changed.`,
        ...detail,
      };
    // Inside a merged undo group, a call Excel cannot undo is refused ("Undo capabilities in Excel
    // add-ins", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    case "UndoNotSupported":
      return {
        code: "failed",
        message: `Excel refused to ${action} as one step it can undo, so the add-in stopped. Try again; if it keeps happening, tell whoever supports the add-in.`,
        ...detail,
      };
    default:
      return {
        code: "failed",
        message: `Excel could not ${action} and nothing was changed. Try again; if it keeps happening, save, close and reopen the workbook.`,
        ...detail,
      };
  }
}
