import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { officeHostFromGlobals } from "../excel/OfficeApi";
import { OfficeNavigator, OfficeWorkbook } from "../excel/OfficeWorkbook";
import { App } from "./App";
import { officeThemeKind } from "./model/officeThemeKind";

/*
 * The pane's shell: the only place that knows it runs in Excel. It builds the Office.js port and
 * navigator once Office is ready and hands them, the clock and the theme to the App, which never
 * touches Office itself.
 */

function container(): HTMLElement {
  const element = document.getElementById("container");
  if (element === null) throw new Error("taskpane.html has no #container element");
  return element;
}

function renderInExcel(): void {
  const host = officeHostFromGlobals();
  createRoot(container()).render(
    <App
      search={window.location.search}
      today={new Date()}
      clock={() => new Date()}
      port={new OfficeWorkbook(host)}
      navigator={new OfficeNavigator(host)}
      storage={window.localStorage}
      theme={officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor)}
    />,
  );
}

/** Opened in a plain browser there is no workbook to work on: say where the add-in runs. */
function renderOutsideExcel(): void {
  createRoot(container()).render(
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <MessageBar intent="info">
          <MessageBarBody>
            This is the permanence tracker's Excel pane: open it from the Home tab in Excel. To try it without
            Excel, run npm run preview.
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>,
  );
}

// Inside Excel, Office.js must be ready before the pane runs. In a plain browser office.js may be
// missing (blocked, offline) or report no host.
if (typeof Office === "undefined") {
  renderOutsideExcel();
} else {
  void Office.onReady((info) =>
    info.host === Office.HostType.Excel ? renderInExcel() : renderOutsideExcel(),
  );
}
