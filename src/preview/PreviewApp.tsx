import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { KeyValueStore } from "../taskpane/model/rememberedWorker";
import type { ObservedWorkbook } from "./ObservedWorkbook";
import { SheetGrid } from "./SheetGrid";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", boxSizing: "border-box", overflow: "hidden" },
  // Office's narrowest task pane: the pane must work at this width.
  pane: {
    width: "320px",
    flexShrink: 0,
    overflowY: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  // minHeight 0: the grid scrolls inside the page instead of stretching it past the window.
  workbook: { flexGrow: 1, minWidth: 0, minHeight: 0, display: "flex", flexDirection: "column" },
  grid: { flexGrow: 1, minHeight: 0 },
});

export interface PreviewAppProps {
  search: string;
  today: Date;
  workbook: ObservedWorkbook;
  storage: KeyValueStore;
  /** `?theme=dark` shows the pane as it follows a dark Office theme. */
  theme?: "light" | "dark";
}

/** The pane beside a read-only view of the workbook it works on: the add-in without Excel. */
export function PreviewApp({ search, today, workbook, storage, theme }: PreviewAppProps) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <aside className={styles.pane} aria-label="Task pane" data-testid="pane">
        <App
          search={search}
          today={today}
          clock={() => today}
          port={workbook}
          navigator={workbook}
          storage={storage}
          userId="preview"
          theme={theme}
        />
      </aside>
      <FluentProvider theme={webLightTheme} className={styles.workbook}>
        <main className={styles.workbook} aria-label="Workbook preview" data-testid="grid">
          <MessageBar intent="info">
            <MessageBarBody>
              Preview: a generated sample tracker of invented children, held in this page only. Nothing is
              sent anywhere.
            </MessageBarBody>
          </MessageBar>
          <div className={styles.grid}>
            <SheetGrid workbook={workbook} />
          </div>
        </main>
      </FluentProvider>
    </div>
  );
}
