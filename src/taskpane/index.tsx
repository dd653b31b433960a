import { createRoot } from "react-dom/client";
import { epochDayFromParts, type EpochDay } from "../engine/dates/epochDay";
import { App } from "./App";

/** Today in the user's own time zone: the date on their wall calendar, which is what deadlines count from. */
function todayFromClock(now: Date): EpochDay {
  return epochDayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as EpochDay;
}

function render(): void {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(<App search={window.location.search} today={todayFromClock(new Date())} />);
}

// Inside Excel, Office.js must be ready before the pane runs; opened in a plain browser (the test
// harness), office.js may be missing or never call back, so the pane renders straight away.
if (typeof Office === "undefined") {
  render();
} else {
  void Office.onReady(() => render());
}
