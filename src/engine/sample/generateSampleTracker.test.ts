import { createWorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { addCalendarMonths } from "../calendar/calendarMonths";
import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { epochDayFromUtcDate, formatUkDate, parseIsoDate, type EpochDay } from "../dates/epochDay";
import { LEGAL_STATUS, matchCode } from "../profile/codeLists";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { normaliseHeader, type SheetSpec } from "../profile/TrackerProfile";
import { PlantedProblemKind, SampleTracker, type SampleSheet } from "./SampleTracker";
import { generateSampleTracker } from "./generateSampleTracker";

const asOf = parseIsoDate("2026-11-24") as EpochDay;
const calendar = createWorkingDayCalendar();

let messy: SampleTracker;
let clean: SampleTracker;
beforeAll(() => {
  const started = performance.now();
  messy = generateSampleTracker({ children: 1000, seed: 1, asOf });
  // Printed, not asserted tightly: the machine is shared.
  console.log(`1,000-child sample generated in ${Math.round(performance.now() - started)} ms`);
  clean = generateSampleTracker({ children: 1000, seed: 1, asOf, messy: false });
});

/** The profile sheet of a sample sheet, with the columns its header holds (the Family Finding sheet leaves two out). */
function specOf(sheet: SampleSheet): SheetSpec {
  const spec = DEFAULT_PROFILE.sheets.find((s) => s.title === sheet.name);
  if (!spec) throw new Error(`no profile sheet is called ${sheet.name}`);
  const headers = new Set((sheet.values[sheet.headerRow - 1] ?? []).map((h) => normaliseHeader(String(h))));
  const held = spec.columns.filter((c) =>
    [c.title, ...c.aliases].some((t) => headers.has(normaliseHeader(t))),
  );
  return { ...spec, columns: held };
}

function sheetNamed(sample: SampleTracker, key: SheetSpec["key"]): SampleSheet {
  const sheet = sample.sheets.find((s) => specOf(s).key === key);
  if (!sheet) throw new Error(`no ${key} sheet`);
  return sheet;
}

/** The data rows of a sheet as records by key, with their Excel row numbers. */
function rowsOf(sheet: SampleSheet): { rowNumber: number; values: Record<string, CellValue> }[] {
  const keys = specOf(sheet).columns.map((c) => c.key);
  return sheet.values.slice(sheet.headerRow).map((cells, i) => ({
    rowNumber: sheet.headerRow + 1 + i,
    values: Object.fromEntries(keys.map((k, c) => [k, cells[c] ?? null])),
  }));
}

const dayOf = (value: CellValue | undefined): EpochDay | undefined => {
  const read = coerceCellDate(value ?? null);
  return read.kind === "date" ? read.day : undefined;
};

function cellAt(sample: SampleTracker, sheetName: string, row: number, column: string | null): CellValue {
  const sheet = sample.sheets.find((s) => s.name === sheetName) as SampleSheet;
  const index = column === null ? 0 : specOf(sheet).columns.findIndex((c) => c.key === column);
  return sheet.values[row - 1]?.[index] ?? null;
}

const displayed = (value: CellValue): string =>
  value instanceof Date ? formatUkDate(epochDayFromUtcDate(value)) : String(value);

describe("generateSampleTracker", () => {
  it("gives identical workbooks for the same seed and different ones for another seed", () => {
    const again = generateSampleTracker({ children: 1000, seed: 1, asOf });
    expect(again).toEqual(messy);
    const other = generateSampleTracker({ children: 1000, seed: 2, asOf });
    expect(other.sheets[0]?.values).not.toEqual(messy.sheets[0]?.values);
  });

  it("matches its own schema", () => {
    expect(SampleTracker.safeParse(messy).success).toBe(true);
  });

  it("writes the six sheets of the default profile with the expected numbers of rows", () => {
    const counts = Object.fromEntries(
      messy.sheets.map((s) => [specOf(s).key, s.values.length - s.headerRow]),
    );
    expect(Object.keys(counts)).toEqual(DEFAULT_PROFILE.sheets.map((s) => s.key));
    expect(counts.jointTracker).toBe(1000);
    expect(counts.recruitment).toBe(250);
    expect(counts.fosteringSupport).toBe(250);
    expect(counts.ploTracker).toBeGreaterThanOrEqual(100);
    expect(counts.ploTracker).toBeLessThanOrEqual(150);
    expect(counts.familyFinding).toBeGreaterThanOrEqual(60);
    expect(counts.familyFinding).toBeLessThanOrEqual(100);
    expect(counts.connectedPersons).toBeGreaterThanOrEqual(50);
    expect(counts.connectedPersons).toBeLessThanOrEqual(80);
  });

  it("leaves the date became looked after and the sibling group off the Family Finding sheet, for the Joint Tracker to give", () => {
    const familyFinding = DEFAULT_PROFILE.sheets.find((s) => s.key === "familyFinding") as SheetSpec;
    const held = new Set(specOf(sheetNamed(clean, "familyFinding")).columns.map((c) => c.key));
    expect(familyFinding.columns.filter((c) => !held.has(c.key)).map((c) => c.key)).toEqual([
      "siblingGroup",
      "becameLookedAfter",
    ]);
  });

  it("heads every column with its profile title or one of its aliases, in profile order", () => {
    for (const sample of [messy, clean]) {
      for (const sheet of sample.sheets) {
        const header = sheet.values[sheet.headerRow - 1] ?? [];
        const spec = specOf(sheet);
        expect(header).toHaveLength(spec.columns.length);
        spec.columns.forEach((column, c) => {
          const accepted = [column.title, ...column.aliases].map(normaliseHeader);
          expect(accepted).toContain(normaliseHeader(String(header[c])));
        });
      }
    }
  });

  it("keeps every date it did not plant a problem in readable, after the date of birth and not after the as-of date", () => {
    for (const sample of [messy, clean]) {
      const planted = new Set(sample.planted.map((p) => `${p.sheet}:${p.row}:${p.column}`));
      const birth = new Map<string, EpochDay>();
      for (const { values } of rowsOf(sheetNamed(sample, "jointTracker"))) {
        const dob = dayOf(values.dateOfBirth);
        if (typeof values.childId === "string" && dob !== undefined && !birth.has(values.childId))
          birth.set(values.childId, dob);
      }
      let dates = 0;
      const wrong: string[] = [];
      for (const sheet of sample.sheets) {
        const spec = specOf(sheet);
        for (const { rowNumber, values } of rowsOf(sheet)) {
          // A Joint Tracker row has its own date of birth (a duplicated ID belongs to another child).
          const dob =
            spec.key === "jointTracker"
              ? dayOf(values.dateOfBirth)
              : typeof values.childId === "string"
                ? birth.get(values.childId)
                : undefined;
          for (const column of spec.columns.filter((c) => c.type === "date")) {
            if (planted.has(`${sheet.name}:${rowNumber}:${column.key}`)) continue;
            const value = values[column.key] ?? null;
            if (value === null) continue;
            const day = dayOf(value);
            const where = `${sheet.name} row ${rowNumber} ${column.key}`;
            if (!(value instanceof Date) || day === undefined) wrong.push(`${where}: not a real date`);
            else if (day < (parseIsoDate("1990-01-01") as EpochDay)) wrong.push(`${where}: before 1990`);
            else if (!column.future && day > asOf) wrong.push(`${where}: after the as-of date`);
            else if (dob !== undefined && column.key !== "dateOfBirth" && day < dob)
              wrong.push(`${where}: before the date of birth`);
            dates++;
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(dates).toBeGreaterThan(10_000);
    }
  });

  it("plants every kind of problem, each where the list says", () => {
    const kinds = new Set(messy.planted.map((p) => p.kind));
    expect([...kinds].sort()).toEqual([...PlantedProblemKind.options].sort());
    const cells = new Set(messy.planted.map((p) => `${p.sheet}:${p.row}:${p.column}`));
    expect(cells.size).toBe(messy.planted.length);
    for (const p of messy.planted) {
      expect(displayed(cellAt(messy, p.sheet, p.row, p.column))).toBe(p.text);
    }
  });

  it("plants problems a reader of the tracker can recognise for what they are", () => {
    const joint = sheetNamed(messy, "jointTracker");
    const rows = new Map(rowsOf(joint).map((r) => [r.rowNumber, r.values]));
    const workers = new Set(
      rowsOf(sheetNamed(clean, "jointTracker")).map((r) => String(r.values.socialWorker)),
    );
    for (const p of messy.planted) {
      const read = coerceCellDate(p.text);
      const row = rows.get(p.row) ?? {};
      switch (p.kind) {
        case "text-date":
          expect(read).toMatchObject({ kind: "date", from: "text" });
          break;
        case "placeholder":
          expect(read).toEqual({ kind: "empty", placeholder: p.text });
          break;
        case "impossible-date":
          expect(read).toMatchObject({ kind: "problem", problem: { code: "impossible-date" } });
          break;
        case "month-first-date":
          expect(read).toMatchObject({ kind: "problem", problem: { code: "month-first" } });
          break;
        case "title-row":
          expect(p.row).toBe(1);
          expect(joint.headerRow).toBe(2);
          expect(joint.merges).toEqual(["A1:AC1"]);
          break;
        case "lac-header":
          expect(p.text).toMatch(/LAC/);
          break;
        case "ppm-before-bla":
          expect(dayOf(row.firstPpm)).toBeLessThan(dayOf(row.becameLookedAfter) as EpochDay);
          break;
        case "second-review-before-first":
          expect(dayOf(row.secondReview)).toBeLessThan(dayOf(row.firstReview) as EpochDay);
          break;
        case "event-after-exit":
          expect(dayOf(row[p.column as string])).toBeGreaterThan(dayOf(row.permanenceAchieved) as EpochDay);
          break;
        case "duplicate-child-id":
          expect([...rows].some(([n, r]) => n < p.row && r.childId === p.text)).toBe(true);
          break;
        case "unknown-legal-status":
          expect(matchCode(LEGAL_STATUS, p.text).kind).toBe("unknown");
          break;
        case "worker-name-variant":
          expect(workers.has(p.text)).toBe(false);
          expect(
            [...workers].some(
              (w) =>
                normaliseHeader(w) === normaliseHeader(p.text) ||
                `${w.charAt(0)} ${w.split(" ").slice(1).join(" ")}` === p.text,
            ),
          ).toBe(true);
          break;
        case "placed-above-approved": {
          const support = rowsOf(sheetNamed(messy, "fosteringSupport")).find((r) => r.rowNumber === p.row);
          expect(Number(support?.values.childrenPlaced)).toBeGreaterThan(
            Number(support?.values.approvedPlaces),
          );
          break;
        }
      }
    }
  });

  it("leaves the clean sample without text, placeholders or any planted problem", () => {
    expect(clean.planted).toEqual([]);
    for (const sheet of clean.sheets) {
      expect(sheet.headerRow).toBe(1);
      expect(sheet.merges).toBeUndefined();
      const spec = specOf(sheet);
      expect(sheet.values[0]).toEqual(spec.columns.map((c) => c.title));
      const dateKeys = spec.columns.filter((c) => c.type === "date").map((c) => c.key);
      const notDates = rowsOf(sheet).flatMap(({ rowNumber, values }) =>
        dateKeys
          .filter((k) => !(values[k] === null || values[k] instanceof Date))
          .map((k) => `${rowNumber} ${k}`),
      );
      expect(notDates).toEqual([]);
    }
    const joint = rowsOf(sheetNamed(clean, "jointTracker"));
    expect(new Set(joint.map((r) => r.values.childId)).size).toBe(joint.length);
    for (const { values } of joint)
      expect(matchCode(LEGAL_STATUS, String(values.legalStatus)).kind).toBe("code");
  });

  it("keeps a clean child's dates in the order they happen", () => {
    for (const { values } of rowsOf(sheetNamed(clean, "jointTracker"))) {
      const [bla, first, second, latest, ppm, exit] = [
        "becameLookedAfter",
        "firstReview",
        "secondReview",
        "latestReview",
        "firstPpm",
        "permanenceAchieved",
      ].map((k) => dayOf(values[k]));
      expect(bla).toBeDefined();
      if (first !== undefined) expect(first).toBeGreaterThan(bla as EpochDay);
      if (second !== undefined) expect(second).toBeGreaterThan(first as EpochDay);
      if (latest !== undefined) expect(latest).toBeGreaterThan(second as EpochDay);
      if (ppm !== undefined) expect(ppm).toBeGreaterThan(bla as EpochDay);
      if (exit !== undefined) {
        for (const key of [
          "firstReview",
          "secondReview",
          "latestReview",
          "firstPpm",
          "latestPpm",
          "planAgreed",
        ]) {
          const day = dayOf(values[key]);
          if (day !== undefined) expect(day).toBeLessThanOrEqual(exit);
        }
      }
    }
    for (const { values } of rowsOf(sheetNamed(clean, "fosteringSupport"))) {
      const placed = Number(values.childrenPlaced);
      expect(placed + Number(values.vacantPlaces) + Number(values.notAvailablePlaces)).toBeLessThanOrEqual(
        Number(values.approvedPlaces),
      );
    }
  });

  describe("exercises every kind of status at the as-of date", () => {
    type Status = "met" | "met late" | "overdue" | "due soon" | "not yet due";
    // A deliberately small re-statement of evaluation-semantics.md, enough to see the spread.
    const status = (
      deadline: EpochDay,
      end: EpochDay | undefined,
      exit: EpochDay | undefined,
      amber: number,
    ) => {
      if (end !== undefined) return end <= deadline ? "met" : "met late";
      if (exit !== undefined && exit <= deadline) return undefined;
      const t = Math.min(asOf, exit ?? asOf);
      if (t > deadline) return "overdue";
      return calendar.workingDaysBetween(t, deadline) <= amber ? "due soon" : "not yet due";
    };
    const spread = (
      key: SheetSpec["key"],
      evaluate: (r: Record<string, CellValue>) => Status | undefined,
    ): Set<Status | undefined> => new Set(rowsOf(sheetNamed(clean, key)).map((r) => evaluate(r.values)));
    const all: Status[] = ["met", "met late", "overdue", "due soon", "not yet due"];

    it("1st CLA review within 20 working days", () => {
      const seen = spread("jointTracker", (r) => {
        const bla = dayOf(r.becameLookedAfter) as EpochDay;
        return status(calendar.addWorkingDays(bla, 20), dayOf(r.firstReview), dayOf(r.permanenceAchieved), 5);
      });
      for (const s of all) expect(seen).toContain(s);
    });

    it("1st PPM within 10 working days", () => {
      const seen = spread("jointTracker", (r) => {
        const bla = dayOf(r.becameLookedAfter) as EpochDay;
        return status(calendar.addWorkingDays(bla, 10), dayOf(r.firstPpm), dayOf(r.permanenceAchieved), 3);
      });
      for (const s of all) expect(seen).toContain(s);
    });

    it("2nd CLA review within 3 months of the 1st", () => {
      const seen = spread("jointTracker", (r) => {
        const first = dayOf(r.firstReview);
        if (first === undefined) return undefined;
        return status(addCalendarMonths(first, 3), dayOf(r.secondReview), dayOf(r.permanenceAchieved), 5);
      });
      for (const s of all) expect(seen).toContain(s);
    });

    it("initial home visit within 10 working days of the enquiry", () => {
      const seen = spread("recruitment", (r) => {
        const enquiry = dayOf(r.enquiry) as EpochDay;
        return status(calendar.addWorkingDays(enquiry, 10), dayOf(r.ihv), dayOf(r.closedDate), 3);
      });
      for (const s of ["met", "met late", "overdue"] as const) expect(seen).toContain(s);
    });

    it("supervisory visits every 6 weeks", () => {
      const seen = spread("fosteringSupport", (r) => {
        const last = dayOf(r.lastSupervisoryVisit) ?? (dayOf(r.approvalDate) as EpochDay);
        return status(last + 42, undefined, dayOf(r.deregistered), 5);
      });
      for (const s of ["overdue", "due soon", "not yet due"] as const) expect(seen).toContain(s);
    });

    it("care proceedings concluded within 26 weeks", () => {
      const seen = spread("jointTracker", (r) => {
        const issued = dayOf(r.proceedingsIssued);
        if (issued === undefined) return undefined;
        return status(issued + 181, dayOf(r.finalOrder), dayOf(r.permanenceAchieved), 20);
      });
      for (const s of all) expect(seen).toContain(s);
    });
  });

  it("refuses a number of children that is not a whole number of at least one", () => {
    expect(() => generateSampleTracker({ children: 0, asOf })).toThrow(RangeError);
    expect(() => generateSampleTracker({ children: 2.5, asOf })).toThrow(RangeError);
  });

  it("still writes every sheet for a tiny tracker", () => {
    const tiny = generateSampleTracker({ children: 3, seed: 9, asOf });
    expect(tiny.sheets).toHaveLength(6);
    expect(tiny.sheets[0]?.values).toHaveLength(5);
  });
});
