import { createRoot } from "react-dom/client";
import { ObservedWorkbook } from "./ObservedWorkbook";
import { PreviewApp } from "./PreviewApp";
import { previewToday, previewWorkbook } from "./previewWorkbook";
import { localDay } from "../taskpane/App";

const container = document.getElementById("container");
if (container === null) throw new Error("preview.html has no #container element");
const today = previewToday(window.location.search, new Date());
const workbook = new ObservedWorkbook(previewWorkbook(localDay(today)));
createRoot(container).render(
  <PreviewApp
    search={window.location.search}
    today={today}
    workbook={workbook}
    storage={window.localStorage}
    theme={new URLSearchParams(window.location.search).get("theme") === "dark" ? "dark" : "light"}
  />,
);
