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
        "other.csv is not an SSDA903 table refresh reads (Header, Episodes, Reviews, PlacedAdoption, AD1, PrevPerm, SocialWorker): its header row does not match",
      ],
    ]);
    expect(extract.files).toEqual([{ file: "ad1.csv", table: "AD1" }]);
  });

  it("reads dd/mm/yyyy day first and ISO dates silently, notes the forms once, and never guesses an ambiguous one", () => {
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
      ["DATE-AMBIGUOUS", 4, "3/4/15"],
      ["DATE-INVALID", 5, "31/02/2015"],
      ["DATE-INVALID", 6, "12/31/2015"],
      ["DATE-INVALID", 7, ""],
      ["DATE-FORM", undefined, undefined],
    ]);
    expect(extract.problems[4]).toMatchObject({
      severity: "info",
      message: "h.csv: dates read as dd/mm/yyyy and yyyy-mm-dd (“03/04/2015”, “2015-04-03”)",
    });
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

describe("readSsda903Extract over several returns", () => {
  const HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LA,YEAR";
  const EPISODES_LA = `${EPISODES},LA,YEAR`;

  it("keeps the latest return of each record: later endings win, repeats are not problems", () => {
    const extract = readSsda903Extract([
      {
        name: "episodes.csv",
        content: [
          EPISODES_LA,
          "101,2017-09-13,S,C1,N1,U6,PR1,,,,,,,Northshire,2018",
          "101,2017-09-13,S,C1,N1,U6,PR1,2018-06-01,E11,,,,,Northshire,2019",
          "102,2018-01-05,S,V2,N1,U4,PR1,,,,,,,Northshire,2018",
          "102,2018-01-05,S,V2,N1,U4,PR1,,,,,,,Northshire,2019",
        ].join("\n"),
      },
      {
        name: "header.csv",
        content: [
          HEADER,
          "101,1,2010-01-01 00:00:00,WBRI,,,,Northshire,2018",
          "101,1,2010-01-02 00:00:00,WBRI,,,,Northshire,2019",
        ].join("\n"),
      },
    ]);
    expect(extract.episodes.map((e) => [e.childId, e.end, e.reasonEnded, e.returnYear])).toEqual([
      ["101", day("2018-06-01"), "E11", 2019],
      ["102", undefined, undefined, 2019],
    ]);
    expect(extract.children.get("101")?.dob).toBe(day("2010-01-02"));
    expect(extract.returnYears).toEqual([2018, 2019]);
    expect(extract.authorities).toEqual(["Northshire"]);
    expect(extract.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["DATE-FORM", "episodes.csv", undefined],
      ["DATE-FORM", "header.csv", undefined],
      ["CHILD-DOB-DIFFERS", "header.csv", 3],
    ]);
  });

  it("without a YEAR column, takes each file's return from the year its dates fall in, else the later file", () => {
    const extract = readSsda903Extract([
      { name: "eps-b.csv", content: `${EPISODES}\nA,01/02/2020,S,C2,N1,U4,PR1,01/05/2020,E11,,,,\n` },
      { name: "eps-a.csv", content: `${EPISODES}\nA,01/02/2020,S,C2,N1,U4,PR1,,,,,,\n` },
    ]);
    expect(extract.returnYears).toEqual([2020, 2021]);
    expect(extract.episodes.map((e) => [e.end, e.returnYear])).toEqual([[day("2020-05-01"), 2021]]);
    expect(extract.problems).toEqual([]);
  });

  it("reports two files of the same return that disagree once, and uses the later file", () => {
    const row = (place: string, child: string) => `${child},01/02/2020,S,C2,N1,${place},PR1,,,,,,,2020`;
    const extract = readSsda903Extract([
      { name: "first.csv", content: [`${EPISODES},YEAR`, row("U4", "A"), row("U4", "B")].join("\n") },
      { name: "second.csv", content: [`${EPISODES},YEAR`, row("U6", "A"), row("U6", "B")].join("\n") },
    ]);
    expect(extract.episodes.map((e) => e.placementType)).toEqual(["U6", "U6"]);
    expect(extract.problems.map((p) => p.message)).toEqual([
      "first.csv and second.csv both hold the 2020 Episodes return and disagree on 2 records (first: child A from 01/02/2020, line 2); the later file, second.csv, is used",
    ]);
  });

  it("drops an open episode a later return replaced, and never reads a child missing from a later return as in care", () => {
    const extract = readSsda903Extract([
      {
        name: "e.csv",
        content: [
          `${EPISODES},YEAR`,
          "A,01/02/2019,S,C2,N1,U4,PR1,,,,,,,2019",
          "A,03/02/2019,S,C2,N1,U4,PR1,,,,,,,2020",
          "B,01/03/2019,S,C2,N1,U4,PR1,,,,,,,2019",
          "C,01/03/2019,S,C2,N1,U4,PR1,,,,,,,2019",
          "C,01/03/2019,S,C2,N1,U4,PR1,,,,,,,2020",
        ].join("\n"),
      },
    ]);
    expect(extract.episodes.map((e) => [e.childId, e.start, e.absentFromReturn])).toEqual([
      ["A", day("2019-02-03"), undefined],
      ["B", day("2019-03-01"), 2020],
      ["C", day("2019-03-01"), undefined],
    ]);
    expect(extract.problems.map((p) => [p.code, p.line])).toEqual([
      ["EPISODE-REPLACED", 2],
      ["EPISODE-NOT-IN-LATER-RETURN", 4],
    ]);
  });

  it("asks which authority of a regional file to read, and reads only the one named", () => {
    const content = [
      `${EPISODES_LA}`,
      "1,01/02/2020,S,C2,N1,U4,PR1,,,,,,,Eastborough,2020",
      "1,01/03/2020,S,C2,N1,U6,PR1,,,,,,,Westshire,2020",
    ].join("\n");
    const unchosen = readSsda903Extract([{ name: "region.csv", content }]);
    expect(unchosen).toMatchObject({ authorityNeeded: true, authorities: ["Eastborough", "Westshire"] });
    expect(unchosen.episodes).toEqual([]);
    const chosen = readSsda903Extract([{ name: "region.csv", content }], { la: " westshire" });
    expect(chosen.episodes.map((e) => [e.childId, e.placementType])).toEqual([["1", "U6"]]);
    const wrong = readSsda903Extract([{ name: "region.csv", content }], { la: "Northshire" });
    expect(wrong.problems.map((p) => p.message)).toEqual([
      "the files hold no authority “Northshire”: they hold Eastborough, Westshire",
    ]);
  });

  it("reads every table into typed records, every review date of a child kept", () => {
    const extract = readSsda903Extract([
      {
        name: "reviews.csv",
        content: "CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/01/2015,01/07/2020,PN1\nA,01/01/2015,01/01/2021,PN0\n",
      },
      {
        name: "placed.csv",
        content:
          "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nA,01/01/2015,01/03/2021,01/09/2021,RD1\n",
      },
      {
        name: "ad1.csv",
        content:
          "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nA,01/01/2015,01/11/2020,01/02/2021,0,2,MF,L12\n",
      },
      {
        name: "prevperm.csv",
        content: "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nA,01/01/2015,P2,Westshire,zz/05/2016\n",
      },
      {
        name: "sw.csv",
        content: "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nA,01/01/2015,SW042,01/04/2023,,\n",
      },
    ]);
    expect(extract.problems).toEqual([]);
    expect(extract.reviews.map((r) => [r.day, r.code])).toEqual([
      [day("2020-07-01"), "PN1"],
      [day("2021-01-01"), "PN0"],
    ]);
    expect(extract.placedAdoption).toEqual([
      {
        childKey: "A",
        childId: "A",
        source: { file: "placed.csv", line: 2 },
        returnYear: 2022,
        datePlaced: day("2021-03-01"),
        datePlacedCeased: day("2021-09-01"),
        reasonPlacedCeased: "RD1",
      },
    ]);
    expect(extract.ad1[0]).toMatchObject({
      dateShouldBePlaced: day("2020-11-01"),
      dateMatched: day("2021-02-01"),
      fosterCare: "0",
      numberOfAdopters: 2,
      sexOfAdopters: "MF",
      legalStatusOfAdopters: "L12",
    });
    expect(extract.prevPerm[0]).toMatchObject({
      previousPermanence: "P2",
      authorityOfOrder: "Westshire",
      datePermText: "zz/05/2016",
    });
    expect(extract.prevPerm[0]?.datePerm).toBeUndefined();
    expect(extract.socialWorkers[0]).toMatchObject({ workerId: "SW042", start: day("2023-04-01") });
  });
});

describe("readSsda903Extract on every return year's column set", () => {
  it("reads an older return without REASON_PLACE_CHANGE, URN or postcodes, lower-case names and extra columns", () => {
    const extract = readSsda903Extract([
      {
        name: "episodes_2017.csv",
        content:
          "child,decom,rne,ls,cin,place,place_provider,dec,rec,LOCAL_REF\nA,01/06/2016,S,C2,N1,U4,PR1,01/02/2017,E43,x7\n",
      },
    ]);
    expect(extract.problems).toEqual([]);
    expect(extract.episodes.map((e) => [e.childId, e.end, e.reasonEnded, e.returnYear])).toEqual([
      ["A", day("2017-02-01"), "E43", 2017],
    ]);
  });
});

describe("readSsda903Extract on bad input", () => {
  it("says what a file that only looks like a table is, by its header rather than its name", () => {
    const extract = readSsda903Extract([
      { name: "episodes.csv", content: "CHILD,DOB,MISSING,MIS_START,MIS_END\nA,01/01/2015,M,01/02/2020,\n" },
      { name: "reviews.csv", content: "CHILD_ID,REVIEW_DATE,OUTCOME\nA,01/02/2020,x\n" },
    ]);
    expect(extract.files).toEqual([{ file: "episodes.csv", table: "Missing" }]);
    expect(extract.problems.map((p) => [p.code, p.message])).toEqual([
      ["TABLE-NOT-USED", "episodes.csv is the Missing table: recognised, but refresh does not use it"],
      [
        "TABLE-UNKNOWN",
        "reviews.csv is not an SSDA903 table refresh reads (Header, Episodes, Reviews, PlacedAdoption, AD1, PrevPerm, SocialWorker): its header row does not match",
      ],
    ]);
  });

  it("reads a 200,000-row Episodes file, reporting its progress", () => {
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `C${i},${String((i % 28) + 1).padStart(2, "0")}/04/2020,S,C2,N1,U4,PR1,,,,,,`,
    );
    const progress: number[] = [];
    const started = Date.now();
    const extract = readSsda903Extract([{ name: "big.csv", content: [EPISODES, ...rows].join("\n") }], {
      onProgress: (_, count) => progress.push(count),
    });
    expect(extract.episodes).toHaveLength(200_000);
    expect(extract.problems).toEqual([]);
    expect(progress).toEqual([50_000, 100_000, 150_000, 200_000]);
    // About 1 s per 100,000 rows is enough (the developers' guide); this leaves room for a slow machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
