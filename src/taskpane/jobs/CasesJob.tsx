import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatUkDate } from "../../engine/dates/epochDay";
import type { Rag } from "../../engine/evaluation/StandardResult";
import { statusTracker, type TrackerStatus } from "../../jobs/statusTracker";
import { RAG_WORDS, casesOfWorker, dueByHeading, workersOf } from "../model/casesOfWorker";
import { recallWorker, rememberWorker } from "../model/rememberedWorker";
import { parseUkDateInput } from "../model/ukDateInput";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export const RAG_COLOUR: Readonly<Record<Rag, "danger" | "warning" | "subtle" | "success" | "informative">> =
  {
    red: "danger",
    amber: "warning",
    grey: "subtle",
    green: "success",
    none: "informative",
  };

/** Four weeks on: the usual gap between performance surgeries. */
const DEFAULT_LOOKAHEAD_DAYS = 28;

/** My cases: a worker's rows, worst first, with what is overdue or falls due by a chosen date. */
export function CasesJob() {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const [status, setStatus] = useState<TrackerStatus | undefined>();
  const [worker, setWorker] = useState("");
  const [dueByText, setDueByText] = useState(formatUkDate(services.asOf + DEFAULT_LOOKAHEAD_DAYS));
  const { run } = runner;

  useEffect(() => {
    void run("read the tracker", (port) => statusTracker(port, { asOf: services.asOf })).then((s) => {
      if (!s) return;
      setStatus(s);
      const remembered = recallWorker(services.storage, services.userId, workersOf(s.rows));
      if (remembered !== undefined) setWorker(remembered);
    });
  }, [run, services.asOf, services.storage, services.userId, services.workbookVersion]);

  const workers = useMemo(() => (status ? workersOf(status.rows) : []), [status]);
  const dueBy = parseUkDateInput(dueByText);
  const cases = useMemo(
    () =>
      status && worker !== "" && dueBy !== undefined
        ? casesOfWorker(status.rows, worker, dueBy, status.standards)
        : [],
    [status, worker, dueBy],
  );

  const choose = (name: string): void => {
    setWorker(name);
    if (name !== "") rememberWorker(services.storage, services.userId, name);
  };

  return (
    <section className={styles.stack} aria-label="My cases">
      <JobStatus runner={runner} />
      <Field label="Worker" hint="Remembered for you next time.">
        <Select value={worker} onChange={(_, d) => choose(d.value)} disabled={!status}>
          <option value="">Choose a worker…</option>
          {workers.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Show what falls due by (dd/mm/yyyy)"
        validationMessage={dueBy === undefined ? "Enter a date as dd/mm/yyyy, e.g. 24/12/2026." : undefined}
      >
        <Input value={dueByText} onChange={(_, d) => setDueByText(d.value)} />
      </Field>
      {worker !== "" && dueBy !== undefined && (
        <Text>
          {cases.length} rows for {worker}; {cases.filter((c) => c.actions.length > 0).length} with something{" "}
          {dueByHeading(dueBy).toLowerCase()}.
        </Text>
      )}
      <ul
        className={styles.stack}
        style={{ listStyleType: "none", padding: 0, margin: 0 }}
        aria-label="Cases"
      >
        {cases.map((c) => (
          <li key={`${c.sheetName}-${c.rowNumber}`}>
            <Card>
              <div className={styles.head}>
                <Badge color={RAG_COLOUR[c.rag]} aria-label={`RAG ${RAG_WORDS[c.rag]}`}>
                  {RAG_WORDS[c.rag]}
                </Badge>
                <Text weight="semibold">{c.label}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => void services.navigator.select(c.sheetName, `${c.rowNumber}:${c.rowNumber}`)}
                  aria-label={`Go to ${c.label}, ${c.sheetName} row ${c.rowNumber}`}
                >
                  Row {c.rowNumber}
                </Button>
              </div>
              {c.actions.length > 0 && dueBy !== undefined && (
                <>
                  <Text size={200} weight="semibold">
                    {dueByHeading(dueBy)}
                  </Text>
                  <ul className={styles.list}>
                    {c.actions.map((a) => (
                      <li key={a.standardId}>
                        <Text size={200}>{a.explanation}</Text>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {c.others.length > 0 && (
                <details>
                  <summary>Every other standard ({c.others.length})</summary>
                  <ul className={styles.list}>
                    {c.others.map((a) => (
                      <li key={a.standardId}>
                        <Text size={200}>{a.explanation}</Text>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
