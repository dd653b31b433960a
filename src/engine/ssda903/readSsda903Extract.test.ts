import { parseIsoDate } from "../dates/epochDay";
import { readSsda903Extract } from "./readSsda903Extract";

const day = (iso: string) => parseIsoDate(iso);
const EPISODES =
  "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

describe("readSsda903Extract", () => {
  it("recognises each table by its header row, whatever the file is called", () => {
    const extract = readSsda903Extract([
      { name: "a.csv", content: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n ab1 ,1,03/04/2015,WBRI,,,\n" },
      { name: "b.csv", content: `${EPISODES}\nAB1,05/06/2020,S,C2,N1,U4,PR1,,,,,,\n` },
      { name: "c.csv", content: "CHILD,DOB,REVIEW,REVIEW_CODE\nab1,03/04/2015,01/07/2020,PN1\n" },
    ]);
    expect(extract.files).toEqual([
      { file: "a.csv", table: "Header" },
      { file: "b.csv", table: "Episodes" },
      { file: "c.csv", table: "Reviews" },
    ]);
    expect(extract.problems).toEqual([]);
    expect(extract.children.get("AB1")).toMatchObject({ id: "ab1", dob: day("2015-04-03") });
    expect(extract.episodes[0]).toMatchObject({
      childKey: "AB1",
      start: day("2020-06-05"),
      reasonNew: "S",
      legalStatus: "C2",
      placementType: "U4",
      placementProvider: "PR1",
    });
    expect(extract.episodes[0]?.end).toBeUndefined();
    expect(extract.reviews[0]).toMatchObject({ childKey: "AB1", day: day("2020-07-01") });
  });

  it("names the table and the missing column, and reports empty and unknown files", () => {
    const extract = readSsda903Extract([
      {
        name: "eps.csv",
        content: "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC\nA,01/01/2020,S,C1,U4,PR1,\n",
      },
      { name: "empty.csv", content: "" },
      { name: "other.csv", content: "NAME,ADDRESS\nx,y\n" },
      {
        name: "ad1.csv",
        content: "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n",
      },
    ]);
    expect(extract.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      [
        "COLUMN-MISSING",
        "eps.csv",
        "eps.csv looks like the Episodes table but has no REC column: the file was not read",
      ],
      ["FILE-EMPTY", "empty.csv", "empty.csv is empty"],
      [
        "TABLE-UNKNOWN",
        "other.csv",
        "other.csv is not an SSDA903 table refresh reads (Header, Episodes or Reviews): its header row does not match",
      ],
      [
        "TABLE-NOT-USED",
        "ad1.csv",
        "ad1.csv is the Adoption (AD1) table: recognised, but refresh does not use it yet",
      ],
    ]);
  });

  it("reads the return's dd/mm/yyyy day first, flags other forms, and never guesses an ambiguous one", () => {
    const extract = readSsda903Extract([
      {
        name: "h.csv",
        content: [
          "CHILD,SEX,DOB",
          "A,1,03/04/2015",
          "B,1,2015-04-03",
          "C,1,3/4/15",
          "D,1,31/02/2015",
          "E,1,12/31/2015",
          "F,1,",
        ].join("\n"),
      },
    ]);
    expect(extract.children.get("A")?.dob).toBe(day("2015-04-03"));
    expect(extract.children.get("B")?.dob).toBe(day("2015-04-03"));
    expect(extract.children.get("C")?.dob).toBeUndefined();
    expect(extract.children.get("D")?.dob).toBeUndefined();
    expect(extract.problems.map((p) => [p.code, p.line, p.value])).toEqual([
      ["DATE-OTHER-FORM", 3, "2015-04-03"],
      ["DATE-AMBIGUOUS", 4, "3/4/15"],
      ["DATE-INVALID", 5, "31/02/2015"],
      ["DATE-INVALID", 6, "12/31/2015"],
      ["DATE-INVALID", 7, ""],
    ]);
  });

  it("leaves out unknown codes with their file, line and value, and rows without a child ID", () => {
    const extract = readSsda903Extract([
      {
        name: "e.csv",
        content: `${EPISODES}\nA,01/01/2020,S,C9,N1,Q7,PR1,,,,,,\n,01/01/2020,S,C1,N1,U4,PR1,,,,,,\n`,
      },
    ]);
    expect(extract.episodes).toHaveLength(1);
    expect(extract.episodes[0]?.legalStatus).toBeUndefined();
    expect(extract.episodes[0]?.placementType).toBeUndefined();
    expect(extract.problems.map((p) => [p.code, p.file, p.line, p.value])).toEqual([
      ["CODE-UNKNOWN", "e.csv", 2, "C9"],
      ["CODE-UNKNOWN", "e.csv", 2, "Q7"],
      ["CHILD-ID-MISSING", "e.csv", 3, undefined],
    ]);
  });
});
