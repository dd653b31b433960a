import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { summaryTracker, writeSummarySheets } from "../../jobs/summaryTracker";
import { summaryMonths } from "../model/summaryMonths";
import { CompareJob } from "./CompareJob";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";
import { UndoHistoryNote } from "../UndoHistoryNote";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  links: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** Summary: a month's summary sheet (KPIs, trend, charts) and its data sheet; and two periods compared. */
export function SummaryJob() {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const months = useMemo(() => summaryMonths(services.asOf), [services.asOf]);
  const [month, setMonth] = useState(months.defaultValue);
  const [written, setWritten] = useState<{ name: string; replaced: boolean }[] | undefined>();

  const generate = async (): Promise<void> => {
    const result = await runner.run("write the summary", async (port) => {
      const summary = await summaryTracker(port, { month, asOf: services.asOf });
      return writeSummarySheets(port, summary, services.today);
    });
    if (!result) return;
    setWritten(result);
    services.workbookChanged();
  };

  return (
    <section className={styles.stack} aria-label="Summary">
      <Field label="Month">
        <Select value={month} onChange={(_, d) => setMonth(d.value)}>
          {months.choices.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <UndoHistoryNote action="writing the summary" />
      <div>
        <Button appearance="primary" onClick={() => void generate()} disabled={runner.running}>
          Generate the summary
        </Button>
      </div>
      <JobStatus runner={runner} />
      {written && (
        <MessageBar intent="success">
          <MessageBarBody>
            <div className={styles.links}>
              {written.map((w) => (
                <span key={w.name}>
                  {w.replaced ? "Replaced" : "Wrote"}{" "}
                  <Link onClick={() => void services.navigator.select(w.name, "A1")}>“{w.name}”</Link>
                </span>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <CompareJob />
    </section>
  );
}
