import { findingsOf, tableWith } from "../../../test/support/checkFixtures";
import { numberNegative } from "./numberNegative";
import { numberNotWhole } from "./numberNotWhole";
import { placedAboveApproved } from "./placedAboveApproved";
import { placesExceedApproved } from "./placesExceedApproved";

describe("the number checks", () => {
  it("report more children placed than approved places", () => {
    expect(
      findingsOf(placedAboveApproved, tableWith("fosteringSupport", { childrenPlaced: 4, vacantPlaces: 0 })),
    ).toEqual([
      ["FS-PLACED-ABOVE-APPROVED", "H2", "Children placed: 4 children placed but only 3 approved place(s)"],
    ]);
    expect(
      findingsOf(
        placedAboveApproved,
        tableWith("fosteringSupport", { childrenPlaced: "3", vacantPlaces: 0 }),
      ),
    ).toEqual([]);
  });

  it("report placed, vacant and unavailable places adding up to more than approved", () => {
    expect(
      findingsOf(placesExceedApproved, tableWith("fosteringSupport", { notAvailablePlaces: 1 })),
    ).toEqual([
      [
        "FS-PLACES-EXCEED-APPROVED",
        "G2",
        "Approved places: 2 placed + 1 vacant + 1 not available = 4, more than the 3 approved place(s)",
      ],
    ]);
    expect(
      findingsOf(placesExceedApproved, tableWith("fosteringSupport", { notAvailablePlaces: null })),
    ).toEqual([]);
  });

  it("report negative counts", () => {
    expect(findingsOf(numberNegative, tableWith("fosteringSupport", { vacantPlaces: -1 }))).toEqual([
      ["NUMBER-NEGATIVE", "I2", "Vacant places: -1 is below zero"],
    ]);
    expect(findingsOf(numberNegative, tableWith("fosteringSupport", { vacantPlaces: 0 }))).toEqual([]);
  });

  it("report fractions and words in whole-number columns", () => {
    expect(findingsOf(numberNotWhole, tableWith("jointTracker", { placementsLast12Months: 1.5 }))).toEqual([
      ["NUMBER-NOT-WHOLE", "Y2", "Placements in last 12 months: “1.5” is not a whole number"],
    ]);
    expect(findingsOf(numberNotWhole, tableWith("fosteringSupport", { approvedPlaces: "two" }))).toHaveLength(
      1,
    );
    expect(findingsOf(numberNotWhole, tableWith("fosteringSupport", { approvedPlaces: " 2 " }))).toEqual([]);
  });
});
