import { day, evaluate } from "../../../test/support/evaluationFixtures";

/*
 * Every default standard at its boundaries. Dates are typed as users type them; the comments give
 * the working-day counts by hand, from a printed calendar, so they are not computed by the code
 * under test.
 */

describe("cla-review-1: 1st CLA review within 20 working days of becoming looked after", () => {
  const bla = { becameLookedAfter: "27/05/2022" };

  it("counts the 1st review as late when it lands the working day after the deadline", () => {
    // 20 working days from Fri 27/05/2022 skip the jubilee holidays of 2 and 3 June: due Tue 28/06/2022.
    const r = evaluate("cla-review-1", { ...bla, firstReview: "29/06/2022" }, "2022-07-01");
    expect(r).toMatchObject({ status: "met late", rag: "red", deadline: day("2022-06-28") });
    expect(r.overdueWorkingDays).toBe(1);
    expect(r.elapsedWorkingDays).toBe(21);
  });

  it("counts a review on the deadline day as met", () => {
    const r = evaluate("cla-review-1", { ...bla, firstReview: "28/06/2022" }, "2022-07-01");
    expect(r).toMatchObject({ status: "met", rag: "green", overdueWorkingDays: 0, elapsedWorkingDays: 20 });
  });

  it("is due soon on the deadline day itself and overdue the day after", () => {
    expect(evaluate("cla-review-1", bla, "2022-06-28")).toMatchObject({
      status: "due soon",
      workingDaysLeft: 0,
    });
    expect(evaluate("cla-review-1", bla, "2022-06-29")).toMatchObject({
      status: "overdue",
      overdueWorkingDays: 1,
    });
  });

  it("turns amber 5 working days before the deadline and not a day earlier", () => {
    // 21/06 → 28/06: 22, 23, 24, 27, 28 = 5 working days; from 20/06 it is 6.
    expect(evaluate("cla-review-1", bla, "2022-06-21")).toMatchObject({ status: "due soon", rag: "amber" });
    expect(evaluate("cla-review-1", bla, "2022-06-20")).toMatchObject({
      status: "not yet due",
      rag: "green",
    });
  });

  it("cannot assess a row whose date became looked after is missing, a placeholder or invalid", () => {
    expect(evaluate("cla-review-1", {}, "2022-07-01")).toMatchObject({
      status: "cannot assess",
      rag: "grey",
      reason: { code: "required-start-missing", column: "becameLookedAfter" },
    });
    expect(evaluate("cla-review-1", { becameLookedAfter: "TBC" }, "2022-07-01").status).toBe("cannot assess");
    expect(evaluate("cla-review-1", { becameLookedAfter: "31/02/2022" }, "2022-07-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "invalid-date", column: "becameLookedAfter", text: "31/02/2022" },
    });
  });

  it("cannot assess an invalid review date or one before the child became looked after", () => {
    expect(evaluate("cla-review-1", { ...bla, firstReview: "next week" }, "2022-07-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "invalid-date", column: "firstReview" },
    });
    expect(evaluate("cla-review-1", { ...bla, firstReview: "26/05/2022" }, "2022-07-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "end-before-start" },
    });
  });

  it("stops the clock when the child leaves care on or before the deadline", () => {
    const r = evaluate("cla-review-1", { ...bla, permanenceAchieved: "28/06/2022" }, "2022-08-01");
    expect(r).toMatchObject({
      status: "not applicable",
      rag: "none",
      reason: { code: "closed-before-deadline" },
    });
  });

  it("measures an overdue review to the exit date when the child left after the deadline", () => {
    // 28/06 → Fri 01/07: 29, 30, 1 = 3 working days overdue.
    const r = evaluate("cla-review-1", { ...bla, permanenceAchieved: "01/07/2022" }, "2022-08-01");
    expect(r).toMatchObject({ status: "overdue", overdueWorkingDays: 3, elapsedWorkingDays: 23 });
    expect(r.measuredTo).toBe(day("2022-07-01"));
  });

  it("cannot assess a row whose exit date is invalid", () => {
    expect(evaluate("cla-review-1", { ...bla, permanenceAchieved: "#REF!" }, "2022-08-01").status).toBe(
      "cannot assess",
    );
  });

  it("reads real dates and Excel serials as well as text", () => {
    const asDate = new Date(Date.UTC(2022, 4, 27));
    expect(evaluate("cla-review-1", { becameLookedAfter: asDate }, "2022-07-01").deadline).toBe(
      day("2022-06-28"),
    );
    // Serial 44708 is 27/05/2022.
    expect(evaluate("cla-review-1", { becameLookedAfter: 44708 }, "2022-07-01").deadline).toBe(
      day("2022-06-28"),
    );
  });
});

describe("cla-review-2: 2nd CLA review within 3 months of the 1st", () => {
  it("is not applicable until the 1st review is held", () => {
    expect(evaluate("cla-review-2", { becameLookedAfter: "01/09/2024" }, "2025-01-01")).toMatchObject({
      status: "not applicable",
      reason: { code: "clock-not-started", column: "firstReview" },
    });
  });

  it("clamps to the end of a shorter month (30/11/2023 + 3 months = 29/02/2024)", () => {
    const r = evaluate(
      "cla-review-2",
      { firstReview: "30/11/2023", secondReview: "01/03/2024" },
      "2024-04-01",
    );
    expect(r).toMatchObject({ status: "met late", deadline: day("2024-02-29"), overdueWorkingDays: 1 });
  });

  it("keeps a deadline that lands on a bank holiday and counts late days from it", () => {
    // 25/09/2024 + 3 months = Christmas Day; 26/12 is Boxing Day, Fri 27/12 is the first working day.
    const open = { firstReview: "25/09/2024" };
    expect(evaluate("cla-review-2", open, "2024-12-24")).toMatchObject({
      status: "due soon",
      deadline: day("2024-12-25"),
      workingDaysLeft: 0,
    });
    expect(evaluate("cla-review-2", { ...open, secondReview: "24/12/2024" }, "2025-01-10").status).toBe(
      "met",
    );
    expect(evaluate("cla-review-2", { ...open, secondReview: "27/12/2024" }, "2025-01-10")).toMatchObject({
      status: "met late",
      overdueWorkingDays: 1,
    });
    // 18/12 → 25/12: 19, 20, 23, 24 = 4 working days (amber); 16/12 → 6 (green).
    expect(evaluate("cla-review-2", open, "2024-12-18").status).toBe("due soon");
    expect(evaluate("cla-review-2", open, "2024-12-16").status).toBe("not yet due");
  });

  it("counts 6 working days overdue from 14/03/2025 to 24/03/2025", () => {
    const r = evaluate("cla-review-2", { firstReview: "14/12/2024" }, "2025-03-24");
    expect(r).toMatchObject({ status: "overdue", deadline: day("2025-03-14"), overdueWorkingDays: 6 });
  });
});

describe("cla-review-next: later reviews every 6 months, recurring", () => {
  it("runs from the latest review, else the 2nd", () => {
    expect(
      evaluate("cla-review-next", { secondReview: "10/01/2025", latestReview: "10/07/2025" }, "2025-08-01"),
    ).toMatchObject({ status: "not yet due", deadline: day("2026-01-10"), startColumn: "latestReview" });
    expect(evaluate("cla-review-next", { secondReview: "10/01/2025" }, "2025-08-01")).toMatchObject({
      status: "overdue",
      deadline: day("2025-07-10"),
      startColumn: "secondReview",
    });
  });

  it("does not apply before the 2nd review (cla-review-2 covers that gap)", () => {
    expect(evaluate("cla-review-next", { latestReview: "10/01/2025" }, "2025-08-01")).toMatchObject({
      status: "not applicable",
      reason: { code: "condition-not-met" },
    });
  });

  it("uses a 10 working day amber window", () => {
    // Mon 23/06/2025 → Thu 10/07/2025: 24–27 (4), 30/06–04/07 (9), 07–10 (13); Fri 27/06 → 9.
    const row = { secondReview: "10/01/2025" };
    expect(evaluate("cla-review-next", row, "2025-06-23").status).toBe("not yet due");
    expect(evaluate("cla-review-next", row, "2025-06-26").status).toBe("due soon"); // 10 left
  });
});

describe("permanence-plan: plan agreed by the 2nd CLA review", () => {
  const bla = { becameLookedAfter: "27/05/2022", firstReview: "20/06/2022" };

  it("is due on the day the 2nd review was held", () => {
    const held = { ...bla, secondReview: "15/09/2022" };
    expect(evaluate("permanence-plan", { ...held, planAgreed: "15/09/2022" }, "2022-10-01")).toMatchObject({
      status: "met",
      deadline: day("2022-09-15"),
      deadlineBasis: { kind: "by", standardId: "cla-review-2", held: true },
    });
    expect(evaluate("permanence-plan", { ...held, planAgreed: "16/09/2022" }, "2022-10-01").status).toBe(
      "met late",
    );
  });

  it("is due by the 2nd review's deadline while the review has not been held", () => {
    const r = evaluate(
      "permanence-plan",
      { becameLookedAfter: "01/10/2024", firstReview: "14/12/2024" },
      "2025-03-24",
    );
    expect(r).toMatchObject({ status: "overdue", deadline: day("2025-03-14"), overdueWorkingDays: 6 });
    expect(r.deadlineBasis).toMatchObject({ kind: "by", held: false });
  });

  it("projects the 2nd review from the 1st review's deadline when neither review is held", () => {
    // 1st review due 28/06/2022, so the 2nd is due 28/09/2022.
    const r = evaluate("permanence-plan", { becameLookedAfter: "27/05/2022" }, "2022-07-01");
    expect(r).toMatchObject({ status: "not yet due", deadline: day("2022-09-28") });
  });

  it("cannot assess the plan when the 2nd review's date is invalid", () => {
    expect(evaluate("permanence-plan", { ...bla, secondReview: "32/13/2022" }, "2022-10-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "invalid-date", column: "secondReview" },
    });
  });
});

describe("ppm-first: 1st PPM within 10 working days of becoming looked after (local target)", () => {
  const bla = { becameLookedAfter: "27/05/2022" };

  it("is due on 14/06/2022 for a child looked after on 27/05/2022", () => {
    expect(evaluate("ppm-first", { ...bla, firstPpm: "14/06/2022" }, "2022-07-01")).toMatchObject({
      status: "met",
      deadline: day("2022-06-14"),
    });
    expect(evaluate("ppm-first", { ...bla, firstPpm: "15/06/2022" }, "2022-07-01").status).toBe("met late");
  });

  it("turns amber 3 working days before", () => {
    expect(evaluate("ppm-first", bla, "2022-06-09").status).toBe("due soon");
    expect(evaluate("ppm-first", bla, "2022-06-08").status).toBe("not yet due");
  });

  it("cannot assess a PPM dated before the child became looked after", () => {
    expect(evaluate("ppm-first", { ...bla, firstPpm: "20/05/2022" }, "2022-07-01").reason).toEqual({
      code: "end-before-start",
    });
  });
});

describe("ppm-cycle: PPMs every 6 weeks until permanence", () => {
  it("runs from the latest PPM, else the 1st", () => {
    expect(evaluate("ppm-cycle", { latestPpm: "03/03/2025" }, "2025-04-14")).toMatchObject({
      status: "due soon",
      deadline: day("2025-04-14"),
    });
    expect(evaluate("ppm-cycle", { firstPpm: "03/03/2025" }, "2025-04-15")).toMatchObject({
      status: "overdue",
      overdueWorkingDays: 1,
    });
  });

  it("has not started without a PPM and stops when permanence is achieved", () => {
    expect(evaluate("ppm-cycle", {}, "2025-04-15").reason).toEqual({
      code: "clock-not-started",
      column: "latestPpm",
    });
    expect(
      evaluate("ppm-cycle", { latestPpm: "03/03/2025", permanenceAchieved: "10/04/2025" }, "2025-05-20")
        .status,
    ).toBe("not applicable");
  });
});

describe("match-adm: ADM decision within 7 working days of the matching panel, LTF plans only", () => {
  const match = { matchToPanel: "03/03/2025" };

  it("applies to long-term fostering plans by code or by words", () => {
    expect(
      evaluate("match-adm", { ...match, permanencePlan: "LTF", matchAdm: "12/03/2025" }, "2025-04-01"),
    ).toMatchObject({
      status: "met",
      deadline: day("2025-03-12"),
    });
    expect(
      evaluate(
        "match-adm",
        { ...match, permanencePlan: "Long-term fostering", matchAdm: "13/03/2025" },
        "2025-04-01",
      ).status,
    ).toBe("met late");
  });

  it("does not apply to other plans or before the match goes to panel", () => {
    expect(
      evaluate("match-adm", { ...match, permanencePlan: "ADOPTION" }, "2025-04-01").reason,
    ).toMatchObject({
      code: "condition-not-met",
    });
    expect(evaluate("match-adm", { permanencePlan: "ltf" }, "2025-04-01").reason).toMatchObject({
      code: "clock-not-started",
    });
  });
});

describe("care-proceedings: 26 weeks beginning with the day of issue", () => {
  it("ends on the 182nd day counting the issue day (issue + 181)", () => {
    // Mon 01/04/2024: 26 weeks beginning with it end on Sun 29/09/2024.
    const issued = { proceedingsIssued: "01/04/2024" };
    expect(evaluate("care-proceedings", { ...issued, finalOrder: "29/09/2024" }, "2024-10-10")).toMatchObject(
      {
        status: "met",
        deadline: day("2024-09-29"),
      },
    );
    expect(evaluate("care-proceedings", { ...issued, finalOrder: "30/09/2024" }, "2024-10-10")).toMatchObject(
      {
        status: "met late",
        overdueWorkingDays: 1,
      },
    );
  });
});

describe("PLO standards", () => {
  it("plo-lpm: final LPM within 12 weeks of the first; the first LPM is required", () => {
    expect(
      evaluate("plo-lpm", { firstLpm: "06/01/2025", finalLpm: "31/03/2025" }, "2025-04-10"),
    ).toMatchObject({
      status: "met",
      deadline: day("2025-03-31"),
    });
    expect(evaluate("plo-lpm", {}, "2025-04-10").status).toBe("cannot assess");
  });

  it("plo-pre-proceedings: 16 weeks with a 20 working day amber window over Easter", () => {
    // 01/04 → 28/04/2025 is 17 working days (Good Friday and Easter Monday skipped).
    expect(
      evaluate("plo-pre-proceedings", { preProceedingsMeeting: "06/01/2025" }, "2025-04-01"),
    ).toMatchObject({
      status: "due soon",
      deadline: day("2025-04-28"),
      workingDaysLeft: 17,
    });
  });
});

describe("Recruitment & Assessment standards", () => {
  it("fc-enquiry-ihv: initial home visit within 10 working days of the enquiry", () => {
    expect(
      evaluate("fc-enquiry-ihv", { enquiry: "06/01/2025", ihv: "21/01/2025" }, "2025-02-01"),
    ).toMatchObject({
      status: "met late",
      deadline: day("2025-01-20"),
      overdueWorkingDays: 1,
    });
  });

  it("fc-application-panel: 8 months, clamped at month end, stopped by closure", () => {
    expect(evaluate("fc-application-panel", { application: "30/06/2024" }, "2024-12-01").deadline).toBe(
      day("2025-02-28"),
    );
    expect(
      evaluate("fc-application-panel", { application: "31/05/2024", panel: "31/01/2025" }, "2025-02-10")
        .status,
    ).toBe("met");
    expect(
      evaluate("fc-application-panel", { application: "31/05/2024", closedDate: "01/10/2024" }, "2025-02-10")
        .status,
    ).toBe("not applicable");
  });

  it("fc-panel-adm: ADM decision within 7 working days of panel", () => {
    expect(evaluate("fc-panel-adm", { panel: "03/03/2025" }, "2025-03-13")).toMatchObject({
      status: "overdue",
      deadline: day("2025-03-12"),
      overdueWorkingDays: 1,
    });
  });
});

describe("Fostering Support standards", () => {
  it("fc-annual-review: 12 months from the last review, else approval; required", () => {
    expect(evaluate("fc-annual-review", { approvalDate: "15/03/2023" }, "2024-05-01")).toMatchObject({
      status: "overdue",
      deadline: day("2024-03-15"),
    });
    expect(
      evaluate(
        "fc-annual-review",
        { approvalDate: "15/03/2023", lastAnnualReview: "10/04/2024" },
        "2024-05-01",
      ),
    ).toMatchObject({ status: "not yet due", deadline: day("2025-04-10") });
    expect(evaluate("fc-annual-review", {}, "2024-05-01").status).toBe("cannot assess");
    expect(
      evaluate("fc-annual-review", { approvalDate: "15/03/2023", deregistered: "01/02/2024" }, "2024-05-01")
        .status,
    ).toBe("not applicable");
  });

  it("fc-tsd: 12 months, 18 for family and friends carers", () => {
    const approved = { approvalDate: "15/03/2023" };
    expect(evaluate("fc-tsd", { ...approved, carerType: "Family and friends" }, "2024-05-01")).toMatchObject({
      status: "not yet due",
      deadline: day("2024-09-15"),
    });
    expect(evaluate("fc-tsd", { ...approved, carerType: "MAINSTREAM" }, "2024-05-01")).toMatchObject({
      status: "overdue",
      deadline: day("2024-03-15"),
    });
  });

  it("fc-unannounced-visit, fc-supervision and fc-dbs run from their latest events", () => {
    expect(evaluate("fc-unannounced-visit", { approvalDate: "15/03/2023" }, "2024-01-01").deadline).toBe(
      day("2024-03-15"),
    );
    expect(evaluate("fc-supervision", { lastSupervisoryVisit: "03/03/2025" }, "2025-04-01").deadline).toBe(
      day("2025-04-14"),
    );
    // 29/02/2024 + 36 months: no 29 February in 2027, so 28/02/2027.
    expect(evaluate("fc-dbs", { lastDbs: "29/02/2024" }, "2025-04-01").deadline).toBe(day("2027-02-28"));
    expect(evaluate("fc-dbs", {}, "2025-04-01").status).toBe("cannot assess");
  });
});

describe("cp-temporary-approval: full approval within 16 weeks, 24 when extended", () => {
  it("uses 24 weeks once an extension is recorded", () => {
    const temporary = { temporaryApproval: "06/01/2025" };
    expect(evaluate("cp-temporary-approval", temporary, "2025-03-01").deadline).toBe(day("2025-04-28"));
    expect(
      evaluate("cp-temporary-approval", { ...temporary, extension: "20/04/2025" }, "2025-03-01").deadline,
    ).toBe(day("2025-06-23"));
    expect(evaluate("cp-temporary-approval", { ...temporary, extension: "TBC" }, "2025-03-01").deadline).toBe(
      day("2025-04-28"),
    );
  });
});
