import { parseIsoDate } from "../dates/epochDay";
import { familyFindingFacts } from "./familyFindingFacts";
import type { Ad1Record, Episode, PlacedAdoptionRecord } from "./ssda903Records";

/* Each child's adoption facts from the return's records, as standards.md maps them to the sheet. */

const day = (iso: string): number => parseIsoDate(iso) as number;
const source = { file: "x.csv", line: 2 };
const child = { childKey: "C1", childId: "C1", source };

const episode = (
  start: string,
  legalStatus: string,
  placementType: string,
  end?: string,
  reasonEnded?: string,
): Episode => ({
  ...child,
  start: day(start),
  legalStatus,
  placementType,
  ...(end === undefined ? {} : { end: day(end) }),
  ...(reasonEnded === undefined ? {} : { reasonEnded }),
});

describe("familyFindingFacts", () => {
  it("reads the order from E1, the placement from A3–A6, the adoption from E11 and the match from AD1", () => {
    const episodes = [
      episode("2024-03-20", "E1", "A3", "2024-10-02", "E11"),
      episode("2023-01-18", "C2", "U5", "2023-09-05", "X1"),
      episode("2023-09-05", "E1", "U5", "2024-03-20", "X1"),
    ];
    const ad1: Ad1Record[] = [
      { ...child, dateShouldBePlaced: day("2023-06-01"), dateMatched: day("2023-11-10"), fosterCare: "1" },
    ];
    expect(familyFindingFacts({ episodes, placedAdoption: [], ad1 })).toEqual([
      {
        childId: "C1",
        match: day("2023-11-10"),
        shouldBePlaced: day("2023-06-01"),
        adoptedByFosterCarers: true,
        placementOrder: day("2023-09-05"),
        placedForAdoption: day("2024-03-20"),
        adopted: day("2024-10-02"),
      },
    ]);
  });

  it("takes the latest should-be-placed decision and the latest reversal with its reason", () => {
    const placedAdoption: PlacedAdoptionRecord[] = [
      {
        ...child,
        datePlaced: day("2023-03-01"),
        datePlacedCeased: day("2023-08-01"),
        reasonPlacedCeased: "RD1",
      },
      { ...child, datePlaced: day("2024-01-15") },
    ];
    expect(familyFindingFacts({ episodes: [], placedAdoption, ad1: [] })).toEqual([
      {
        childId: "C1",
        shouldBePlaced: day("2024-01-15"),
        decisionReversed: day("2023-08-01"),
        reasonReversed: "RD1",
      },
    ]);
  });

  it("knows nothing of a child with no adoption record, order or adoption placement", () => {
    expect(
      familyFindingFacts({ episodes: [episode("2023-01-18", "C2", "U4")], placedAdoption: [], ad1: [] }),
    ).toEqual([]);
  });
});
