import type { SheetInfo } from "../port/WorkbookPort";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { findTrackerSheet } from "./findTrackerSheet";

const joint = DEFAULT_PROFILE.sheets[0]!;
const sheet = (name: string, visibility: SheetInfo["visibility"] = "visible"): SheetInfo => ({
  name,
  visibility,
  protected: false,
});

describe("findTrackerSheet", () => {
  it("finds a sheet by an alias, ignoring case, spaces and punctuation", () => {
    expect(findTrackerSheet([sheet("Lists"), sheet(" LAC  Tracker ")], joint)?.name).toBe(" LAC  Tracker ");
  });

  it("prefers the sheet named by the title over one named by an alias", () => {
    expect(findTrackerSheet([sheet("LAC tracker"), sheet("joint-tracker")], joint)?.name).toBe(
      "joint-tracker",
    );
  });

  it("never takes a very hidden sheet, and finds nothing when no name fits", () => {
    expect(findTrackerSheet([sheet("Tracker", "veryHidden")], joint)).toBeUndefined();
    expect(findTrackerSheet([sheet("Joint tracker agenda")], joint)).toBeUndefined();
  });
});
