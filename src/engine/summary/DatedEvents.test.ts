import { trackerTableOf } from "../../../test/support/trackerTableOf";
import { epochDayFromParts, type EpochDay } from "../dates/epochDay";
import {
  ApplicationToPanelEvents,
  DayEvents,
  EnquiryToIhvEvents,
  PPM_KIND,
  PpmBandEvents,
  PpmEvents,
  REVIEW_STATUS,
  SecondReviewEvents,
} from "./DatedEvents";
import { monthPeriod } from "./SummaryPeriod";

function day(year: number, month: number, date: number): EpochDay {
  const d = epochDayFromParts(year, month, date);
  if (d === undefined) throw new RangeError("not a date");
  return d;
}

const joint = trackerTableOf("jointTracker", [{}, {}, {}, {}]);
const recruitment = trackerTableOf("recruitment", [{}, {}, {}]);
const march = monthPeriod({ year: 2025, month: 3 });

describe("DatedEvents", () => {
  it("counts a month's 2nd reviews and those met, naming each as the trace shows it", () => {
    const reviews = new SecondReviewEvents(joint);
    reviews.add(day(2025, 3, 31), REVIEW_STATUS.overdue, 2);
    reviews.add(day(2025, 3, 1), REVIEW_STATUS.met, 0);
    reviews.add(day(2025, 4, 1), REVIEW_STATUS.met, 1);
    reviews.add(day(2025, 3, 15), REVIEW_STATUS.metLate, 1);

    expect(reviews.countIn(march)).toBe(3);
    expect(reviews.metIn(march)).toBe(1);
    expect([0, 1, 2, 3].map((e) => reviews.outcome(e))).toEqual(["overdue", "met", "met", "met late"]);
    expect([...reviews.rowIndices]).toEqual([2, 0, 1, 1]);
  });

  it("tallies a month's PPM bands by place and gives the working days of those with a PPM", () => {
    const bands = new PpmBandEvents(joint);
    bands.add(day(2025, 3, 10), "from11To30", 12, 0);
    bands.add(day(2025, 3, 2), "noPpmYet", NaN, 1);
    bands.add(day(2025, 2, 28), "upTo10", 3, 2);

    expect(bands.bandCountsIn(march)).toEqual([0, 1, 0, 0, 1, 0, 0]);
    expect([...bands.workingDaysIn(march)]).toEqual([12]);
    expect(bands.outcome(1)).toBe("noPpmYet");
  });

  it("holds two PPMs a row and the earlier PPMs the history kept, naming which each is", () => {
    const ppms = new PpmEvents(joint, 1);
    ppms.add(day(2025, 3, 1), PPM_KIND.first, 0);
    ppms.add(day(2025, 3, 2), PPM_KIND.latest, 0);
    for (let i = 0; i < 7; i++) ppms.add(day(2025, 3, 3), PPM_KIND.earlier, 1);

    expect(ppms.length).toBe(9);
    expect(ppms.countIn(march)).toBe(9);
    expect([0, 1, 2].map((e) => ppms.outcome(e))).toEqual([
      "1st PPM",
      "latest PPM",
      "earlier PPM (Tracker history)",
    ]);
  });

  it("gives a month's working days to IHV and months to panel in day order", () => {
    const ihvs = new EnquiryToIhvEvents(recruitment);
    ihvs.add(day(2025, 3, 20), 9, 0);
    ihvs.add(day(2025, 3, 5), 4, 1);
    const panels = new ApplicationToPanelEvents(recruitment);
    panels.add(day(2025, 3, 5), 6.5, 2);

    expect([...ihvs.workingDaysIn(march)]).toEqual([4, 9]);
    expect(ihvs.outcome(0)).toBe("9 working days");
    expect([...panels.monthsIn(march)]).toEqual([6.5]);
    expect(panels.outcome(0)).toBe("6.5 months");
  });

  it("shows a date-only event as what it is", () => {
    const enquiries = new DayEvents(recruitment, "enquiry");
    enquiries.add(day(2025, 3, 5), 0);

    expect(enquiries.countIn(march)).toBe(1);
    expect(enquiries.outcome()).toBe("enquiry");
  });
});
