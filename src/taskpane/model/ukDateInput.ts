import { epochDayFromParts, type EpochDay } from "../../engine/dates/epochDay";

/**
 * Reads a date typed into the pane: dd/mm/yyyy (the UK order, always), with "/", "." or "-" between
 * the parts and one or two digits for day and month. Browsers' own date inputs follow the machine's
 * locale (mm/dd in a US-configured Chromium), so the pane uses text fields with this reader instead.
 *
 * @example parseUkDateInput("3/4/2025") // the epoch day of 03/04/2025 (3 April)
 */
export function parseUkDateInput(text: string): EpochDay | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  return epochDayFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** The message under a date field that cannot be read, in plain words. */
export function ukDateProblem(label: string, text: string): string | undefined {
  if (text.trim() === "") return `Enter the ${label.toLowerCase()} as dd/mm/yyyy.`;
  return parseUkDateInput(text) === undefined
    ? `“${text.trim().slice(0, 20)}” is not a date: enter the ${label.toLowerCase()} as dd/mm/yyyy, e.g. 03/04/2025.`
    : undefined;
}
