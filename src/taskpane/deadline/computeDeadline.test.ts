import { computeDeadline, type DeadlineInput, type DeadlineResult } from "./computeDeadline";
import { createWorkingDayCalendar } from "../../engine/calendar/WorkingDayCalendar";
import { formatIsoDate, parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";

const calendar = createWorkingDayCalendar();
const day = (iso: string): EpochDay => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};
const compute = (input: DeadlineInput, todayIso: string): DeadlineResult =>
  computeDeadline(input, day(todayIso), calendar);
const deadlineOf = (result: DeadlineResult): Extract<DeadlineResult, { kind: "deadline" }> => {
  if (result.kind !== "deadline")
    throw new Error(`expected a deadline, got ${JSON.stringify(result.problems)}`);
  return result;
};

describe("the deadline calculator's computation", () => {
  it("puts 20 working days after 27/05/2022 on 28/06/2022 and names the jubilee bank holidays it skipped", () => {
    const result = deadlineOf(
      compute({ startText: "27/05/2022", amountText: "20", unit: "workingDays" }, "2022-06-01"),
    );
    expect(formatIsoDate(result.deadline)).toBe("2022-06-28");
    expect(result.sentence).toBe("20 working days after Friday 27/05/2022 is Tuesday 28/06/2022.");
    // 01/06 to 28/06: 02/06 and 03/06 are holidays, so 17 working days remain.
    expect(result.workingDaysFromToday).toBe(17);
    expect(result.fromToday).toBe("17 working days from today (01/06/2022).");
    expect(result.notes).toEqual(["Bank holidays and closure days not counted: 02/06/2022, 03/06/2022."]);
  });

  it("counts calendar months to the end of a shorter month, as the 2nd CLA review is due", () => {
    const result = deadlineOf(
      compute({ startText: "31/01/2025", amountText: "1", unit: "months" }, "2025-01-31"),
    );
    expect(formatIsoDate(result.deadline)).toBe("2025-02-28");
    expect(result.sentence).toBe("1 calendar month after Friday 31/01/2025 is Friday 28/02/2025.");
    expect(result.notes).toEqual([]);
  });

  it("counts weeks and calendar days as 7 and 1 days, weekends and holidays included", () => {
    expect(
      formatIsoDate(
        deadlineOf(compute({ startText: "03/04/2024", amountText: "6", unit: "weeks" }, "2024-04-03"))
          .deadline,
      ),
    ).toBe("2024-05-15");
    expect(
      formatIsoDate(
        deadlineOf(compute({ startText: "24/12/2024", amountText: "3", unit: "days" }, "2024-12-24"))
          .deadline,
      ),
    ).toBe("2024-12-27");
  });

  it("says how many working days ago a passed deadline was", () => {
    const result = deadlineOf(
      compute({ startText: "2025-03-03", amountText: "5", unit: "workingDays" }, "2025-03-17"),
    );
    expect(formatIsoDate(result.deadline)).toBe("2025-03-10");
    expect(result.workingDaysFromToday).toBe(-5);
    expect(result.fromToday).toBe("The deadline passed 5 working days before today (17/03/2025).");
  });

  it("says when the deadline is today, and when only a weekend lies between", () => {
    const today = deadlineOf(
      compute({ startText: "03/03/2025", amountText: "1", unit: "workingDays" }, "2025-03-04"),
    );
    expect(today.fromToday).toBe("The deadline is today (04/03/2025).");
    // A calendar-day deadline on Sunday 09/03/2025, seen on Saturday 08/03/2025.
    const sunday = deadlineOf(
      compute({ startText: "08/03/2025", amountText: "1", unit: "days" }, "2025-03-08"),
    );
    expect(sunday.workingDaysFromToday).toBe(0);
    expect(sunday.fromToday).toBe("No working day is left between today (08/03/2025) and the deadline.");
  });

  it("reads the start as a tracker cell is read: day first, and says so when it could be either", () => {
    const result = deadlineOf(
      compute({ startText: " 03/04/2019 ", amountText: "10", unit: "workingDays" }, "2019-04-03"),
    );
    expect(formatIsoDate(result.start)).toBe("2019-04-03");
    expect(result.notes).toContain("“03/04/2019” is read day first, as 3 April.");
    const words = deadlineOf(
      compute({ startText: "3rd April 2019", amountText: "0", unit: "workingDays" }, "2019-04-03"),
    );
    expect(formatIsoDate(words.deadline)).toBe("2019-04-03");
    expect(words.notes).toEqual([]);
  });

  it("warns when a date lies outside the years whose bank holidays it knows", () => {
    const result = deadlineOf(
      compute({ startText: "02/01/2031", amountText: "5", unit: "workingDays" }, "2030-12-20"),
    );
    expect(result.notes).toEqual([
      "“02/01/2031” is read day first, as 2 January.",
      expect.stringMatching(/^02\/01\/2031 is outside the years whose bank holidays are known/),
    ]);
  });

  it("uses local closure days from the calendar it is given", () => {
    const withClosure = createWorkingDayCalendar({ closedDays: [day("2024-12-24")] });
    const result = computeDeadline(
      { startText: "23/12/2024", amountText: "1", unit: "workingDays" },
      day("2024-12-23"),
      withClosure,
    );
    expect(result.kind === "deadline" && formatIsoDate(result.deadline)).toBe("2024-12-27");
  });

  it("reports every problem with the inputs in plain words, field by field", () => {
    expect(compute({ startText: "", amountText: "", unit: "weeks" }, "2025-01-01")).toEqual({
      kind: "problem",
      problems: [
        { field: "start", message: "Type the start date as dd/mm/yyyy." },
        { field: "amount", message: "Type the number of weeks." },
      ],
    });
    expect(compute({ startText: "TBC", amountText: "2.5", unit: "months" }, "2025-01-01")).toEqual({
      kind: "problem",
      problems: [
        { field: "start", message: "“TBC” is not a date: type the start date as dd/mm/yyyy." },
        { field: "amount", message: "“2.5” is not a whole number of calendar months." },
      ],
    });
    expect(compute({ startText: "12/31/2024", amountText: "-3", unit: "workingDays" }, "2025-01-01")).toEqual(
      {
        kind: "problem",
        problems: [
          { field: "start", message: expect.stringMatching(/month-first.*did you mean 31\/12\/2024\?/) },
          { field: "amount", message: "“-3” is not a whole number of working days." },
        ],
      },
    );
    expect(compute({ startText: "01/01/2025", amountText: "121", unit: "months" }, "2025-01-01")).toEqual({
      kind: "problem",
      problems: [
        { field: "amount", message: "121 calendar months is more than the calculator takes (120)." },
      ],
    });
  });

  it("stays inside the calendar for the latest plausible start and the largest limit of every unit", () => {
    for (const unit of ["workingDays", "days", "weeks", "months"] as const) {
      const amountText = { workingDays: "2000", days: "3650", weeks: "520", months: "120" }[unit];
      const result = compute({ startText: "31/12/2100", amountText, unit }, "2100-12-31");
      expect(result.kind).toBe("deadline");
    }
  });
});
