/** Thrown (and caught by the pane) when the user presses Cancel during long work. */
export class JobCancelled extends Error {
  constructor() {
    super("Cancelled");
    this.name = "JobCancelled";
  }
}

/**
 * What the pane says when a job fails: one plain English sentence, never a stack trace. Office.js
 * errors carry an untranslated `code` (branched on here) and a message meant for developers, so
 * only known codes get their own wording; anything else gets a general sentence plus the message's
 * first line, which names the sheet when our own ports throw.
 */
export function plainError(error: unknown, doing: string): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  switch (code) {
    case "AccessDenied":
    case "InvalidOperationInCellEditMode":
      return `Could not ${doing}: Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.`;
    case "ItemNotFound":
      return `Could not ${doing}: a sheet it needs was renamed or deleted while it ran. Try again.`;
    case "RequestPayloadSizeLimitExceeded":
      return `Could not ${doing}: the workbook is too large to read in one go in Excel on the web.`;
    default:
      break;
  }
  const first = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
  return first === ""
    ? `Could not ${doing}. Please try again.`
    : `Could not ${doing}: ${first}.`.replace(/\.\.$/, ".");
}
