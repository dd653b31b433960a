import { coerceCellDate } from "../cells/coerceCellDate";
import { remembered } from "../memo/remembered";
import { epochDayFromParts, partsFromEpochDay, type EpochDay } from "../dates/epochDay";

/** The forms an extract's dates come in, as the one note per file names them. */
export type ExtractDateForm = "dd/mm/yyyy" | "d/m/yyyy" | "yyyy-mm-dd" | "Excel date number" | "other";

export type ExtractDateRead =
  | { kind: "date"; day: EpochDay; form: ExtractDateForm; midnight: boolean }
  | { kind: "empty" }
  | { kind: "ambiguous" }
  | { kind: "invalid"; message: string };

// The return's own form (dd/mm/yyyy), also with one-digit day or month, and the ISO form the
// practitioners' pipelines and databases write; either may carry the midnight time a spreadsheet
// or database export adds ("2017-09-13 00:00:00", "13/09/2017 00:00").
const MIDNIGHT = "(?:[T ]00:00(?::00(?:\\.0+)?)?Z?)?";
const ISO = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(${MIDNIGHT})$`);
const DAY_FIRST = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})(${MIDNIGHT})$`);

/**
 * A date of the extract. The unambiguous forms are read without a word: yyyy-mm-dd, and
 * dd/mm/yyyy or d/m/yyyy read day first (the return's specification form, so 03/04/2019 is
 * 3 April), either with a midnight time. Anything else goes through the one cell-date function: an
 * unambiguous reading (3 April 2019, an Excel date number) is used and its form noted; a form that
 * could mean two days ("3/4/15") or no day at all is not read.
 */
export function readExtractDate(raw: string): ExtractDateRead {
  return remembered(READS, raw, readOnce);
}

// An extract repeats the same few thousand days down 200,000 rows: each distinct text is read once.
const READS = new Map<string, ExtractDateRead>();

function readOnce(raw: string): ExtractDateRead {
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  const iso = ISO.exec(text);
  if (iso) return whole(Number(iso[1]), Number(iso[2]), Number(iso[3]), "yyyy-mm-dd", iso[4] !== "", text);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, m, y, time] = dayFirst as unknown as [string, string, string, string, string];
    const form = d.length === 2 && m.length === 2 ? "dd/mm/yyyy" : "d/m/yyyy";
    return whole(Number(y), Number(m), Number(d), form, time !== "", text);
  }
  const read = coerceCellDate(text);
  if (read.kind === "empty") return { kind: "empty" };
  if (read.kind === "problem") return { kind: "invalid", message: read.problem.message };
  if (read.ambiguous) return { kind: "ambiguous" };
  const serial = /^\d{5}(\.\d+)?$/.test(text);
  return { kind: "date", day: read.day, form: serial ? "Excel date number" : "other", midnight: false };
}

function whole(
  year: number,
  month: number,
  day: number,
  form: ExtractDateForm,
  midnight: boolean,
  text: string,
): ExtractDateRead {
  const read = epochDayFromParts(year, month, day);
  if (read !== undefined) return { kind: "date", day: read, form, midnight };
  const problem = coerceCellDate(text);
  return {
    kind: "invalid",
    message: problem.kind === "problem" ? problem.problem.message : `“${text}” is not a day of the calendar`,
  };
}

/**
 * The SSDA903 collection year a day falls in: 1 April to 31 March, named by the year it ends in
 * (the 2017-18 return is "2018", as the YEAR column of the practitioners' files has it).
 */
export function returnYearOf(day: EpochDay): number {
  const { year, month } = partsFromEpochDay(day);
  return month >= 4 ? year + 1 : year;
}

/** The forms one file's dates came in, for its one note. */
export class DateFormsSeen {
  private readonly forms = new Map<ExtractDateForm, string>();
  private midnight = false;

  record(read: ExtractDateRead, text: string): void {
    if (read.kind !== "date") return;
    if (!this.forms.has(read.form)) this.forms.set(read.form, text.trim());
    if (read.midnight) this.midnight = true;
  }

  /** "yyyy-mm-dd with a midnight time (e.g. 2017-09-13 00:00:00)"; undefined for the return's own form. */
  describe(): string | undefined {
    const forms = [...this.forms.keys()];
    if (!this.midnight && forms.every((f) => f === "dd/mm/yyyy")) return undefined;
    const examples = [...this.forms.values()].map((e) => `“${e}”`).join(", ");
    return `${forms.join(" and ")}${this.midnight ? " with a midnight time" : ""} (${examples})`;
  }
}
