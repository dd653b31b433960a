import { renderToStaticMarkup } from "react-dom/server";
import { App } from "../App";
import { MemoryWorkbook } from "../../engine/port/MemoryWorkbook";
import type { WorkbookNavigator } from "../../engine/port/WorkbookNavigator";

const navigator: WorkbookNavigator = { select: async () => undefined };
const text = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the Summary view's comparison of two periods", () => {
  it("offers before and after periods, starting from the last two half-years", () => {
    const html = renderToStaticMarkup(
      <App
        search="?job=summary"
        today={new Date(2026, 0, 15, 9)}
        port={new MemoryWorkbook()}
        navigator={navigator}
      />,
    );
    const shown = text(html);
    expect(shown).toContain("Compare two periods");
    for (const label of ["Before: from", "Before: to", "After: from", "After: to", "Compare the periods"])
      expect(shown).toContain(label);
    const selected = [...html.matchAll(/<option value="(\d{4}-\d{2})" selected="">/g)].map((m) => m[1]);
    // The summary's own month first, then the comparison's four.
    expect(selected.slice(-4)).toEqual(["2025-01", "2025-06", "2025-07", "2025-12"]);
  });
});
