import { useMemo } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../engine/calendar/WorkingDayCalendar";
import type { EpochDay } from "../engine/dates/epochDay";
import { DeadlineCalculator } from "./deadline/DeadlineCalculator";
import { JOB_TITLES, readJobFromQuery, type AvailableJob } from "./TaskpaneJob";

export interface AppProps {
  /** The page's query string (`?job=agenda`): which ribbon button opened the pane. */
  search: string;
  /** Today's date, from the shell: components have no clock. */
  today: EpochDay;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
});

/** The task pane: the job the ribbon asked for, inside Fluent's theme. */
export function App({ search, today }: AppProps) {
  const styles = useStyles();
  const choice = useMemo(() => readJobFromQuery(search), [search]);
  // Local closure days come from the workbook's Holidays sheet once the pane reads the workbook.
  const calendar = useMemo(() => createWorkingDayCalendar(), []);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">{JOB_TITLES[choice.job]}</Title3>
        {choice.notice !== undefined && (
          <MessageBar intent="info">
            <MessageBarBody>{choice.notice}</MessageBarBody>
          </MessageBar>
        )}
        <JobView job={choice.job} today={today} calendar={calendar} />
      </main>
    </FluentProvider>
  );
}

function JobView({
  job,
  today,
  calendar,
}: {
  job: AvailableJob;
  today: EpochDay;
  calendar: WorkingDayCalendar;
}) {
  switch (job) {
    case "deadline":
      return <DeadlineCalculator today={today} calendar={calendar} />;
  }
}
