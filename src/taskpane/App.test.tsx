import { renderToStaticMarkup } from "react-dom/server";
import { App } from "./App";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type { WorkbookPort } from "../engine/port/WorkbookPort";

const today = new Date(2025, 5, 2, 10, 30);
const navigator: WorkbookNavigator = { select: async () => undefined };
// Server rendering in node: enough to see what the pane shows first, without a browser.
const render = (search: string): string =>
  renderToStaticMarkup(
    <App search={search} today={today} port={new MemoryWorkbook()} navigator={navigator} />,
  );
const text = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const decoded = (html: string): string => text(html).replace(/&#x27;/g, "'");

describe("the task pane", () => {
  it("opens on Check data when the URL names no job, with every job one tab away", () => {
    const shown = text(render(""));
    expect(shown).toContain("Check data");
    expect(shown).toContain("Run the checks");
    for (const tab of ["My cases", "Agenda", "Summary", "Settings", "Deadlines"])
      expect(shown).toContain(tab);
  });

  it("opens on the job its ribbon button names", () => {
    expect(text(render("?job=agenda"))).toContain("Generate the agenda");
    expect(text(render("?job=summary"))).toContain("Generate the summary");
    expect(text(render("?job=cases"))).toContain("Choose a worker");
    expect(text(render("?job=settings"))).toContain("As-of date (dd/mm/yyyy)");
  });

  it("counts deadlines from the day it is given, on the user's own calendar", () => {
    const shown = text(render("?job=deadline"));
    expect(shown).toContain("Today is Monday 02/06/2025.");
    expect(shown).toContain("Start date");
  });

  it("says so in plain words when the URL names a job it does not have", () => {
    expect(text(render("?job=payroll"))).toContain(
      "The pane has no job called “payroll”. Showing Check data.",
    );
  });

  it("offers the agenda date in en-GB form, initials only by default", () => {
    const html = render("?job=agenda");
    expect(html).toContain('value="02/06/2025"');
    expect(text(html)).toContain("Initials and IDs only");
  });

  it("says before an agenda or summary is written that this Excel will clear its undo history, where it will", () => {
    const withUndo = (undo: "kept" | "cleared"): WorkbookPort =>
      Object.assign(new MemoryWorkbook(), { undoHistory: (): "kept" | "cleared" => undo });
    const shown = (search: string, undo: "kept" | "cleared"): string =>
      decoded(
        renderToStaticMarkup(
          <App search={search} today={today} port={withUndo(undo)} navigator={navigator} />,
        ),
      );
    expect(shown("?job=agenda", "cleared")).toContain(
      "This version of Excel cannot undo an add-in's changes: writing the agenda clears Excel's undo history",
    );
    expect(shown("?job=summary", "cleared")).toContain("writing the summary clears Excel's undo history");
    expect(shown("?job=agenda", "kept")).not.toContain("undo history");
    expect(text(render("?job=agenda"))).not.toContain("undo history");
  });
});
