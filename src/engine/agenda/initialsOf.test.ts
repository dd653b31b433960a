import { initialsOf } from "./initialsOf";

describe("initials for an agenda without names", () => {
  it.each([
    ["Jane Smith", "J.S."],
    ["jane smith", "J.S."],
    ["  Jane   Smith ", "J.S."],
    ["smith, jane", "J.S."],
    ["J S", "J.S."],
    ["Mary-Jane O'Neil", "M.O."],
    ["Zoë Ávila", "Z.Á."],
    ["Jane\tSmith", "J.S."],
    ["Amy", "A."],
    ["", ""],
    ["   ", ""],
  ])("reads %j as %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it("has none for a blank cell", () => {
    expect(initialsOf(null)).toBe("");
  });
});
