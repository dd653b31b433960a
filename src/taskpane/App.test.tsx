import { renderToStaticMarkup } from "react-dom/server";
import { App } from "./App";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";

const today = parseIsoDate("2025-06-02") as EpochDay;
// Server rendering in node: enough to see what the pane shows first, without a browser.
const render = (search: string): string => renderToStaticMarkup(<App search={search} today={today} />);
const text = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the task pane", () => {
  it("opens on the deadline calculator, counting from the day it is given", () => {
    const shown = text(render(""));
    expect(shown).toContain("Deadline calculator");
    expect(shown).toContain("Today is Monday 02/06/2025.");
    expect(shown).toContain("Start date");
    expect(shown).not.toContain("is not in this version");
  });

  it("shows the deadline calculator with a short note when a ribbon job is not built yet", () => {
    const shown = text(render("?job=agenda"));
    expect(shown).toContain("Agenda is not in this version of the add-in. Showing the deadline calculator.");
    expect(shown).toContain("Start date");
  });

  it("offers every unit a standard's limit can have", () => {
    const html = render("?job=deadline");
    for (const unit of ["workingDays", "days", "weeks", "months"]) expect(html).toContain(`value="${unit}"`);
  });
});
