import { useCallback, useMemo, useState } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { createWorkingDayCalendar } from "../engine/calendar/WorkingDayCalendar";
import { epochDayFromParts, formatUkDate, type EpochDay } from "../engine/dates/epochDay";
import type { LogTime } from "../engine/fixes/changeLog";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { DeadlineCalculator } from "./deadline/DeadlineCalculator";
import { AgendaJob } from "./jobs/AgendaJob";
import { CasesJob } from "./jobs/CasesJob";
import { CheckJob } from "./jobs/CheckJob";
import { SettingsView } from "./jobs/SettingsView";
import { SummaryJob } from "./jobs/SummaryJob";
import type { KeyValueStore } from "./model/rememberedWorker";
import { PaneServicesContext, usePaneServices, type PaneServices } from "./PaneServices";
import { JOB_TITLES, TaskpaneJob, readJobFromQuery } from "./TaskpaneJob";

export interface AppProps {
  /** The page's query string (`?job=agenda`): which ribbon button opened the pane. */
  search: string;
  /** Today, from the shell: the pane has no clock of its own. Its local calendar day is used. */
  today: Date;
  /** Now, for logged changes and agenda stamps; today's date at midnight when not given. */
  clock?: () => Date;
  port: WorkbookPort;
  navigator: WorkbookNavigator;
  /** Where "My cases" remembers the chosen worker; nowhere when not given. */
  storage?: KeyValueStore;
  /** Whose choice it is: the signed-in user where the host says, else "". */
  userId?: string;
  /** The Office theme where the host exposes it. */
  theme?: "light" | "dark";
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "100%",
  },
  tabs: { flexWrap: "wrap" },
});

/** The calendar day a `Date` falls on where the user is: what deadlines count from. */
export function localDay(date: Date): EpochDay {
  return epochDayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? 0;
}

const NO_STORAGE: KeyValueStore = { getItem: () => null, setItem: () => undefined };
const TABS: readonly TaskpaneJob[] = ["check", "cases", "agenda", "summary", "settings", "deadline"];
const TAB_LABELS: Readonly<Record<TaskpaneJob, string>> = { ...JOB_TITLES, deadline: "Deadlines" };

/** The task pane: the job the ribbon asked for, the others one tab away, inside Fluent's theme. */
export function App({ search, today, clock, port, navigator, storage, userId, theme }: AppProps) {
  const styles = useStyles();
  const choice = useMemo(() => readJobFromQuery(search), [search]);
  const [job, setJob] = useState<TaskpaneJob>(choice.job);
  const todayDay = localDay(today);
  const [asOf, setAsOf] = useState<EpochDay>(todayDay);
  const [initialsOnly, setInitialsOnly] = useState(true);
  const [workbookVersion, setWorkbookVersion] = useState(0);
  const workbookChanged = useCallback(() => setWorkbookVersion((v) => v + 1), []);
  // Local closure days come from the workbook's Holidays sheet inside each job; the deadline
  // calculator counts bank holidays only.
  const calendar = useMemo(() => createWorkingDayCalendar(), []);

  const services = useMemo<PaneServices>(
    () => ({
      port,
      navigator,
      asOf,
      today: todayDay,
      now: (): LogTime => {
        const now = clock ? clock() : today;
        return { day: localDay(now), hour: now.getHours(), minute: now.getMinutes() };
      },
      calendar,
      initialsOnly,
      storage: storage ?? NO_STORAGE,
      userId: userId ?? "",
      workbookChanged,
      workbookVersion,
    }),
    [
      port,
      navigator,
      asOf,
      todayDay,
      clock,
      today,
      calendar,
      initialsOnly,
      storage,
      userId,
      workbookChanged,
      workbookVersion,
    ],
  );

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <PaneServicesContext.Provider value={services}>
        <main className={styles.page}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={job}
            onTabSelect={(_, d) => {
              const next = TaskpaneJob.safeParse(d.value);
              if (next.success) setJob(next.data);
            }}
            aria-label="Jobs"
          >
            {TABS.map((t) => (
              <Tab key={t} value={t}>
                {TAB_LABELS[t]}
              </Tab>
            ))}
          </TabList>
          <Title3 as="h1">{JOB_TITLES[job]}</Title3>
          {choice.notice !== undefined && (
            <MessageBar intent="info">
              <MessageBarBody>{choice.notice}</MessageBarBody>
            </MessageBar>
          )}
          {asOf !== todayDay && job !== "settings" && (
            <MessageBar intent="info">
              <MessageBarBody>As at {formatUkDate(asOf)}, not today (Settings).</MessageBarBody>
            </MessageBar>
          )}
          <JobView job={job} calendarToday={todayDay} onAsOf={setAsOf} onInitialsOnly={setInitialsOnly} />
        </main>
      </PaneServicesContext.Provider>
    </FluentProvider>
  );
}

function JobView({
  job,
  calendarToday,
  onAsOf,
  onInitialsOnly,
}: {
  job: TaskpaneJob;
  calendarToday: EpochDay;
  onAsOf: (day: EpochDay) => void;
  onInitialsOnly: (on: boolean) => void;
}) {
  const services = usePaneServices();
  switch (job) {
    case "check":
      return <CheckJob />;
    case "cases":
      return <CasesJob />;
    case "agenda":
      return <AgendaJob />;
    case "summary":
      return <SummaryJob />;
    case "settings":
      return <SettingsView onAsOfChange={onAsOf} onInitialsOnlyChange={onInitialsOnly} />;
    case "deadline":
      return <DeadlineCalculator today={calendarToday} calendar={services.calendar} />;
  }
}
