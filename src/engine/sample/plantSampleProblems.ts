import type { CellValue } from "../cells/CellValue";
import { MONTH_NAMES } from "../dates/monthNames";
import {
  epochDayFromUtcDate,
  formatUkDate,
  partsFromEpochDay,
  utcDateFromEpochDay,
  type EpochDay,
} from "../dates/epochDay";
import type { SheetKey, SheetSpec } from "../profile/TrackerProfile";
import type { PlantedProblemKind } from "./SampleTracker";
import { randomInteger, randomItem, type RandomSource } from "./seededRandom";

/** A row of a sample sheet by column key, before it is laid out in columns. */
export type SampleRow = Record<string, CellValue>;

/** A sample sheet while it is generated: rows by key, the header texts, an optional title row. */
export interface DraftSheet {
  spec: SheetSpec;
  rows: SampleRow[];
  headers: string[];
  titleRow?: string;
}

/** A planted problem before row numbers are known: `place` is a data row index, the title or the header. */
export interface DraftPlanted {
  sheet: SheetKey;
  place: number | "title" | "header";
  column: string | null;
  kind: PlantedProblemKind;
  text: string;
}

/**
 * The older wording many trackers still use (looked after children were "LAC" until the sector moved
 * to "CLA" and "children in care"): every header here is an alias in the default profile.
 */
const LAC_HEADERS: Readonly<Record<string, string>> = {
  becameLookedAfter: "Date became LAC",
  firstReview: "1st LAC review",
  secondReview: "2nd LAC review",
  latestReview: "Latest LAC review",
  permanenceAchieved: "LAC end date",
};

/** Codes seen in trackers that are no SSDA903 legal status (typos, local shorthand, retired codes). */
const UNKNOWN_LEGAL_STATUSES = ["C3", "ICO pending", "S21", "X2", "Care ord."] as const;
const PLACEHOLDERS = ["TBC", "n/a", "-"] as const;

/**
 * Plants the problems real trackers have into generated sheets (changing them in place) and returns
 * where each one is. Problems that change what a row means (a PPM before BLA) come first; problems
 * of form only (a date typed as text) go into cells no other problem uses, so each planted cell has
 * exactly one problem and the cells it is compared with stay readable.
 */
export function plantSampleProblems(
  drafts: DraftSheet[],
  random: RandomSource,
  asOf: EpochDay,
): DraftPlanted[] {
  const planted: DraftPlanted[] = [];
  const used = new Set<string>();
  const cellId = (sheet: DraftSheet, row: number, column: string): string =>
    `${sheet.spec.key}:${row}:${column}`;
  const joint = drafts.find((d) => d.spec.key === "jointTracker");
  const support = drafts.find((d) => d.spec.key === "fosteringSupport");
  const children = joint?.rows.length ?? 0;
  const howMany = (rate: number, minimum: number): number => Math.max(minimum, Math.round(children * rate));

  const plant = (
    sheet: DraftSheet,
    row: number,
    column: string,
    kind: PlantedProblemKind,
    value: CellValue,
    alsoReads: string[] = [],
  ): void => {
    (sheet.rows[row] as SampleRow)[column] = value;
    used.add(cellId(sheet, row, column));
    for (const other of alsoReads) used.add(cellId(sheet, row, other));
    planted.push({ sheet: sheet.spec.key, place: row, column, kind, text: cellText(value) });
  };

  /** Tries random rows of a sheet until `pick` accepts one (it returns undefined to refuse). */
  const plantSome = (
    sheet: DraftSheet | undefined,
    count: number,
    pick: (row: SampleRow, index: number, n: number) => (() => void) | undefined,
  ): void => {
    if (!sheet || sheet.rows.length === 0) return;
    let done = 0;
    for (let attempt = 0; attempt < count * 50 && done < count; attempt++) {
      const index = randomInteger(random, 0, sheet.rows.length - 1);
      const apply = pick(sheet.rows[index] as SampleRow, index, done);
      if (apply) {
        apply();
        done++;
      }
    }
  };
  const free = (sheet: DraftSheet, index: number, ...columns: string[]): boolean =>
    columns.every((c) => !used.has(cellId(sheet, index, c)));

  if (joint) {
    // A title row above the header, merged across it, and the LAC wording in the header.
    joint.titleRow = `Joint tracker – children looked after (as at ${formatUkDate(asOf)})`;
    planted.push({
      sheet: "jointTracker",
      place: "title",
      column: null,
      kind: "title-row",
      text: joint.titleRow,
    });
    joint.spec.columns.forEach((column, i) => {
      const header = LAC_HEADERS[column.key];
      if (header === undefined) return;
      joint.headers[i] = header;
      planted.push({
        sheet: "jointTracker",
        place: "header",
        column: column.key,
        kind: "lac-header",
        text: header,
      });
    });

    plantSome(joint, howMany(0.005, 1), (row, i) => {
      const bla = dayOf(row.becameLookedAfter);
      if (
        bla === undefined ||
        dayOf(row.firstPpm) === undefined ||
        !free(joint, i, "firstPpm", "becameLookedAfter")
      )
        return undefined;
      return () =>
        plant(joint, i, "firstPpm", "ppm-before-bla", dateCell(bla - randomInteger(random, 1, 20)), [
          "becameLookedAfter",
        ]);
    });
    plantSome(joint, howMany(0.005, 1), (row, i) => {
      const first = dayOf(row.firstReview);
      if (
        first === undefined ||
        dayOf(row.secondReview) === undefined ||
        !free(joint, i, "firstReview", "secondReview")
      )
        return undefined;
      return () =>
        plant(
          joint,
          i,
          "secondReview",
          "second-review-before-first",
          dateCell(first - randomInteger(random, 1, 15)),
          ["firstReview"],
        );
    });
    plantSome(joint, howMany(0.004, 1), (row, i) => {
      const exit = dayOf(row.permanenceAchieved);
      const column = randomItem(random, ["latestReview", "latestPpm"]);
      if (exit === undefined || exit >= asOf - 1 || !free(joint, i, column, "permanenceAchieved"))
        return undefined;
      const after = exit + randomInteger(random, 1, Math.min(60, asOf - exit));
      return () => plant(joint, i, column, "event-after-exit", dateCell(after), ["permanenceAchieved"]);
    });
    // Another open row's ID on an open row: one child in two care episodes at once. (A closed
    // earlier row with the same ID would be a real second episode, not a problem.)
    plantSome(joint, howMany(0.002, 1), (row, i) => {
      if (i === 0 || row.permanenceAchieved != null || !free(joint, i, "childId", "permanenceAchieved"))
        return undefined;
      const open = joint.rows.slice(0, i).filter((r) => r.permanenceAchieved == null);
      if (open.length === 0) return undefined;
      const earlier = open[randomInteger(random, 0, open.length - 1)] as SampleRow;
      return () => plant(joint, i, "childId", "duplicate-child-id", earlier.childId ?? null);
    });
    plantSome(joint, howMany(0.003, 1), (_row, i, n) =>
      free(joint, i, "legalStatus")
        ? () =>
            plant(
              joint,
              i,
              "legalStatus",
              "unknown-legal-status",
              UNKNOWN_LEGAL_STATUSES[n % UNKNOWN_LEGAL_STATUSES.length] ?? "C3",
            )
        : undefined,
    );
    // The same worker written three ways: "Jane Smith", "jane smith " and "J Smith".
    plantSome(joint, howMany(0.02, 3), (row, i, n) => {
      const name = row.socialWorker;
      if (typeof name !== "string" || !free(joint, i, "socialWorker")) return undefined;
      const [first = "", ...rest] = name.split(" ");
      const variants = [`${name.toLowerCase()} `, `${first.charAt(0)} ${rest.join(" ")}`, name.toUpperCase()];
      return () =>
        plant(joint, i, "socialWorker", "worker-name-variant", variants[n % variants.length] ?? name);
    });
  }

  plantSome(support, howMany(0.004, 1), (row, i) => {
    const places = row.approvedPlaces;
    if (
      typeof places !== "number" ||
      row.deregistered !== null ||
      !support ||
      !free(support, i, "childrenPlaced")
    )
      return undefined;
    return () => {
      plant(support, i, "childrenPlaced", "placed-above-approved", places + randomInteger(random, 1, 2), [
        "approvedPlaces",
      ]);
      support.rows[i] = { ...(support.rows[i] as SampleRow), vacantPlaces: 0, notAvailablePlaces: 0 };
    };
  });

  // Problems of form: in date cells of any sheet, in proportion to the sheets' sizes.
  const dateColumns = new Map(drafts.map((d) => [d, d.spec.columns.filter((c) => c.type === "date")]));
  const totalRows = drafts.reduce((sum, d) => sum + d.rows.length, 0);
  const anyDateCell = (
    count: number,
    accept: (value: CellValue, sheet: DraftSheet, column: string) => boolean,
    apply: (sheet: DraftSheet, index: number, column: string, value: CellValue, n: number) => void,
  ): void => {
    if (totalRows === 0) return;
    let done = 0;
    for (let attempt = 0; attempt < count * 50 && done < count; attempt++) {
      let r = randomInteger(random, 0, totalRows - 1);
      const sheet = drafts.find((d) => (r < d.rows.length ? true : ((r -= d.rows.length), false)));
      const columns = sheet ? (dateColumns.get(sheet) ?? []) : [];
      if (!sheet || columns.length === 0) continue;
      const column = randomItem(random, columns);
      const value = (sheet.rows[r] as SampleRow)[column.key] ?? null;
      if (!free(sheet, r, column.key) || !accept(value, sheet, column.key)) continue;
      apply(sheet, r, column.key, value, done);
      done++;
    }
  };
  const isDate = (value: CellValue): value is Date => value instanceof Date;

  anyDateCell(howMany(0.04, 4), isDate, (sheet, i, column, value, n) =>
    plant(sheet, i, column, "text-date", textDate(dayOf(value) as EpochDay, n)),
  );
  anyDateCell(
    howMany(0.015, 3),
    (value, sheet, column) =>
      value === null && !sheet.spec.columns.some((c) => c.key === column && c.required),
    (sheet, i, column, _value, n) =>
      plant(sheet, i, column, "placeholder", PLACEHOLDERS[n % PLACEHOLDERS.length] ?? "TBC"),
  );
  anyDateCell(howMany(0.003, 1), isDate, (sheet, i, column, value) =>
    plant(sheet, i, column, "impossible-date", impossibleDate(random, dayOf(value) as EpochDay)),
  );
  anyDateCell(
    howMany(0.003, 1),
    (value) => isDate(value) && partsFromEpochDay(dayOf(value) as EpochDay).day > 12,
    (sheet, i, column, value) =>
      plant(sheet, i, column, "month-first-date", monthFirst(dayOf(value) as EpochDay)),
  );
  return planted;
}

function dayOf(value: CellValue | undefined): EpochDay | undefined {
  return value instanceof Date ? epochDayFromUtcDate(value) : undefined;
}

const dateCell = utcDateFromEpochDay;

function cellText(value: CellValue): string {
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value);
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The forms people type dates in: "03/04/2019", "3 April 2019", "03.04.2019", "2019-04-03". */
function textDate(day: EpochDay, form: number): string {
  const { year, month, day: d } = partsFromEpochDay(day);
  switch (form % 4) {
    case 0:
      return `${pad2(d)}/${pad2(month)}/${year}`;
    case 1:
      return `${d} ${MONTH_NAMES[month - 1] ?? ""} ${year}`;
    case 2:
      return `${pad2(d)}.${pad2(month)}.${year}`;
    default:
      return `${year}-${pad2(month)}-${pad2(d)}`;
  }
}

/** A day that does not exist in the date's year: "31/02/2020", "31/04/2020". */
function impossibleDate(random: RandomSource, day: EpochDay): string {
  const { year } = partsFromEpochDay(day);
  return `${randomItem(random, ["31/02", "30/02", "31/04", "31/06", "31/09", "31/11"])}/${year}`;
}

/** A US-style date: month first ("12/31/2019"), only for days after the 12th so it cannot be read UK-style. */
function monthFirst(day: EpochDay): string {
  const { year, month, day: d } = partsFromEpochDay(day);
  return `${pad2(month)}/${pad2(d)}/${year}`;
}
