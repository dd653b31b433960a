import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { buildSystemRows } from "./buildSystemRows";
import { readSsda903Extract } from "./readSsda903Extract";

const day = (iso: string) => parseIsoDate(iso) as EpochDay;
const asOf = day("2026-11-24");
const HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
const EPISODES =
  "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
const REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE";

function rowsOf(header: string[], episodes: string[], reviews: string[] = []) {
  const extract = readSsda903Extract([
    { name: "header.csv", content: [HEADER, ...header].join("\n") },
    { name: "episodes.csv", content: [EPISODES, ...episodes].join("\n") },
    { name: "reviews.csv", content: [REVIEWS, ...reviews].join("\n") },
  ]);
  expect(extract.problems).toEqual([]);
  return buildSystemRows(extract, { asOf });
}

describe("buildSystemRows", () => {
  it("joins episodes ending X1 into one care period with the placement and legal status now", () => {
    const { rows, problems } = rowsOf(
      ["A,1,01/01/2015,,,,"],
      [
        "A,01/02/2025,S,V2,N1,U6,PR1,01/03/2025,X1,,,,",
        "A,01/03/2025,L,C1,N1,U6,PR1,01/06/2025,X1,,,,",
        "A,01/06/2025,P,C2,N1,U4,PR4,,,,,,",
      ],
      [
        "A,01/01/2015,01/03/2025,PN1",
        "A,01/01/2015,01/06/2025,PN1",
        "A,01/01/2015,01/12/2025,PN1",
        "A,01/01/2015,01/06/2026,PN1",
      ],
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        childId: "A",
        dateOfBirth: day("2015-01-01"),
        becameLookedAfter: day("2025-02-01"),
        legalStatus: "C2",
        placementType: "U4",
        placementProvider: "PR4",
        placementStart: day("2025-06-01"),
        placementsLast12Months: 1,
        firstReview: day("2025-03-01"),
        secondReview: day("2025-06-01"),
        latestReview: day("2026-06-01"),
      }),
    ]);
    expect(rows[0]?.ceased).toBeUndefined();
  });

  it("ends a care period on any reason but X1 and starts a new one when the child returns", () => {
    const { rows } = rowsOf(
      ["A,1,01/01/2015,,,,"],
      ["A,01/02/2024,S,C2,N1,U4,PR1,10/01/2025,E45,,,,", "A,01/09/2026,S,V2,N1,K2,PR4,,,,,,"],
      ["A,01/01/2015,01/03/2024,PN1", "A,01/01/2015,01/10/2026,PN1"],
    );
    expect(
      rows.map((r) => [r.becameLookedAfter, r.ceased, r.reasonCeased, r.firstReview, r.secondReview]),
    ).toEqual([
      [day("2024-02-01"), day("2025-01-10"), "E45", day("2024-03-01"), undefined],
      [day("2026-09-01"), undefined, undefined, day("2026-10-01"), undefined],
    ]);
    // The first period ended 10/01/2025, before the 12 months to 24/11/2026 began.
    expect(rows.map((r) => r.placementsLast12Months)).toEqual([0, 1]);
    // Only the 1st and 2nd review are given: the latest is left for a 3rd.
    expect(rows[0]?.latestReview).toBeUndefined();
  });

  it("counts placements in the 12 months to the as-at day, a change of legal status alone not being one", () => {
    const { rows } = rowsOf(
      ["A,1,01/01/2015,,,,"],
      [
        "A,01/01/2025,S,C1,N1,U6,PR1,01/12/2025,X1,,,,",
        "A,01/12/2025,P,C1,N1,U5,PR1,01/02/2026,X1,,,,",
        "A,01/02/2026,L,C2,N1,U5,PR1,01/05/2026,X1,,,,",
        "A,01/05/2026,T,C2,N1,U4,PR1,,,,,,",
      ],
    );
    expect(rows[0]?.placementsLast12Months).toBe(3);
    expect(rows[0]?.placementStart).toBe(day("2026-05-01"));
  });

  it("merges the same episode from two years' files and reports duplicates, inconsistent episodes once per child, stray reviews and unknown children", () => {
    const extract = readSsda903Extract([
      { name: "header.csv", content: [HEADER, "A,1,01/01/2015,,,,"].join("\n") },
      { name: "episodes-2025.csv", content: [EPISODES, "A,01/02/2025,S,C2,N1,U4,PR1,,,,,,"].join("\n") },
      {
        name: "episodes-2026.csv",
        content: [
          EPISODES,
          "A,01/02/2025,S,C2,N1,U4,PR1,01/05/2025,X1,,,,",
          "A,01/05/2025,P,C2,N1,U6,PR1,,,,,,",
          "A,01/05/2025,P,C2,N1,K2,PR4,,,,,,",
          "A,01/04/2025,P,C2,N1,U5,PR1,01/06/2025,X1,,,,",
          "B,01/01/2026,S,V2,N1,U6,PR1,,,,,,",
        ].join("\n"),
      },
      {
        name: "reviews.csv",
        content: [REVIEWS, "A,01/01/2015,01/01/2020,PN1", "Z,01/01/2015,01/01/2026,PN1"].join("\n"),
      },
    ]);
    expect(extract.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["RECORD-DUPLICATE", "episodes-2026.csv", 4],
    ]);
    const { rows, problems } = buildSystemRows(extract, { asOf });
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      // 01/04/2025 begins before 01/05/2025, when the episode before it ended; it ends after the next
      // began: one problem for the child, at the first row to look at.
      ["EPISODES-INCONSISTENT", "episodes-2026.csv", 5],
      ["EPISODE-CHILD-NOT-IN-HEADER", "episodes-2026.csv", 6],
      ["REVIEW-OUTSIDE-EPISODE", "reviews.csv", 2],
      ["REVIEW-CHILD-NOT-IN-HEADER", "reviews.csv", 3],
      ["REVIEW-OUTSIDE-EPISODE", "reviews.csv", 3],
    ]);
    expect(rows.map((r) => [r.childId, r.becameLookedAfter, r.placementType])).toEqual([
      ["A", day("2025-02-01"), "U6"],
      ["B", day("2026-01-01"), "U6"],
    ]);
  });

  it("lists a child whose episodes do not add up once, saying how each was read", () => {
    const extract = readSsda903Extract([
      { name: "header.csv", content: [HEADER, "A,1,01/01/2015,,,,", "B,1,01/01/2015,,,,"].join("\n") },
      {
        name: "episodes.csv",
        content: [
          EPISODES,
          "A,01/02/2025,S,C2,N1,U4,PR1,,X1,,,,",
          "A,01/05/2025,P,C2,N1,U6,PR1,,,,,,",
          "B,01/03/2025,S,C2,N1,U4,PR1,01/02/2025,E11,,,,",
        ].join("\n"),
      },
    ]);
    const { problems } = buildSystemRows(extract, { asOf });
    expect(problems.map((p) => p.message)).toEqual([
      "episodes.csv line 2: child A's episodes do not add up: the episode from 01/02/2025 has a reason it ended (X1) but no DEC, so it is read as open (line 2); the episodes from 01/02/2025 and 01/05/2025 are both open, so the later is read as the current one (line 3)",
      "episodes.csv line 4: child B's episodes do not add up: the episode from 01/03/2025 ends (01/02/2025) before it begins; it is read as written (line 4)",
    ]);
  });

  it("lists a child's reviews outside every care period as one problem", () => {
    const extract = readSsda903Extract([
      { name: "header.csv", content: [HEADER, "A,1,01/01/2015,,,,"].join("\n") },
      { name: "episodes.csv", content: [EPISODES, "A,01/02/2025,S,C2,N1,U4,PR1,,,,,,"].join("\n") },
      {
        name: "reviews.csv",
        content: [
          REVIEWS,
          "A,01/01/2015,01/01/2020,PN1",
          "A,01/01/2015,01/07/2020,PN1",
          "A,01/01/2015,01/03/2025,PN1",
        ].join("\n"),
      },
    ]);
    const { rows, problems } = buildSystemRows(extract, { asOf });
    expect(problems.map((p) => p.message)).toEqual([
      "reviews.csv line 2: 2 reviews of child A (01/01/2020, 01/07/2020) are outside every care period in the extract; they were left out",
    ]);
    expect(rows[0]?.firstReview).toBe(day("2025-03-01"));
  });
});

describe("the 1st and 2nd CLA reviews from returns that begin after the care period", () => {
  it("leaves them out for a child looked after before the earliest return's year, whose 1st and 2nd reviews are in no file", () => {
    // The 2024 and 2025 returns (1 April 2023 on) hold the reviews of a child looked after since 2019
    // from its 9th on: the earliest here is not its 1st.
    const { rows } = rowsOf(
      ["A,1,01/01/2012,,,,", "B,2,01/01/2016,,,,"],
      ["A,01/02/2019,S,C2,N1,U4,PR1,,,,,,", "B,01/06/2023,S,C2,N1,U4,PR1,,,,,,"],
      [
        "A,01/01/2012,10/05/2023,PN1",
        "A,01/01/2012,10/11/2023,PN1",
        "A,01/01/2012,10/05/2024,PN1",
        "B,01/01/2016,28/06/2023,PN1",
        "B,01/01/2016,28/09/2023,PN1",
      ],
    );
    const a = rows.find((r) => r.childId === "A");
    expect(a?.firstReview).toBeUndefined();
    expect(a?.secondReview).toBeUndefined();
    expect(a?.latestReview).toBe(day("2024-05-10"));
    expect(rows.find((r) => r.childId === "B")).toMatchObject({
      firstReview: day("2023-06-28"),
      secondReview: day("2023-09-28"),
    });
  });
});
