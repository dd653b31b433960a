import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseComparePeriod } from "../../engine/compare/ComparePeriod";
import type { Comparison } from "../../engine/compare/Comparison";
import type { SheetWrite } from "../../engine/port/WorkbookPort";
import { compareTracker, writeCompareSheet } from "../../jobs/compareTracker";
import { comparePeriodChoices, periodText, type ComparePeriodChoice } from "../model/comparePeriodChoices";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  pair: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  note: { marginTop: tokens.spacingVerticalS, marginBottom: 0 },
});

/** What the pane calls the periods in a message about them. */
const NAMES = { before: "Before", after: "After" };

type Outcome = { ok: true; comparison: Comparison; written: SheetWrite } | { ok: false; message: string };

/**
 * "Compare two periods" in the Summary view: did a change work? Each standard's on-time share
 * (recurring standards' from every occurrence in the Tracker history) and each working-day measure
 * before and after, in the words `tracker compare` prints, and the "Compare … vs …" sheet written
 * with its charts.
 */
export function CompareJob() {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const { months, defaults } = useMemo(() => comparePeriodChoices(services.asOf), [services.asOf]);
  const [periods, setPeriods] = useState<ComparePeriodChoice>(defaults);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const compare = async (): Promise<void> => {
    setOutcome(undefined);
    const before = parseComparePeriod(NAMES.before, periodText(periods.before));
    const after = parseComparePeriod(NAMES.after, periodText(periods.after));
    if (!before.ok || !after.ok) {
      setOutcome({ ok: false, message: before.ok ? (after.ok ? "" : after.message) : before.message });
      return;
    }
    const result = await runner.run("compare the two periods", async (port): Promise<Outcome> => {
      const compared = await compareTracker(port, {
        before: before.period,
        after: after.period,
        asOf: services.asOf,
        names: NAMES,
      });
      if (!compared.ok) return compared;
      return {
        ok: true,
        comparison: compared.comparison,
        written: await writeCompareSheet(port, compared, services.today),
      };
    });
    if (!result) return;
    setOutcome(result);
    if (result.ok) services.workbookChanged();
  };

  const monthSelect = (side: "before" | "after", end: "first" | "last", label: string) => (
    <Field label={label}>
      <Select
        value={periods[side][end]}
        onChange={(_, d) => setPeriods((now) => ({ ...now, [side]: { ...now[side], [end]: d.value } }))}
      >
        {months.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className={styles.stack} aria-label="Compare two periods">
      <Subtitle2 as="h2">Compare two periods</Subtitle2>
      <div className={styles.pair}>
        {monthSelect("before", "first", "Before: from")}
        {monthSelect("before", "last", "Before: to")}
      </div>
      <div className={styles.pair}>
        {monthSelect("after", "first", "After: from")}
        {monthSelect("after", "last", "After: to")}
      </div>
      <div>
        <Button onClick={() => void compare()} disabled={runner.running}>
          Compare the periods
        </Button>
      </div>
      <JobStatus runner={runner} />
      {outcome && !outcome.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok && (
        <MessageBar intent="info">
          <MessageBarBody>
            <ComparisonLines comparison={outcome.comparison} />
            {outcome.written.replaced ? "Replaced" : "Wrote"}{" "}
            <Link onClick={() => void services.navigator.select(outcome.written.name, "A1")}>
              “{outcome.written.name}”
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * The comparison in the words `tracker compare` prints: a line per standard (recurring ones too, or
 * from when the Tracker history covers them) and measure, the rows no period holds, and the notes
 * (how many tests were run, so one p below 0.05 among many is weak evidence; recurring occurrences
 * are not independent) that qualify every line above them.
 */
export function ComparisonLines({ comparison }: { comparison: Comparison }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.lines}>
        {[...comparison.shares, ...comparison.measures].map((line) => (
          <li key={line.id}>
            <strong>{line.title}</strong>: {line.words}
          </li>
        ))}
        {comparison.undated.map((u) => (
          <li key={`undated-${u.id}`}>
            <strong>{u.title}</strong>: {u.rows} row{u.rows === 1 ? "" : "s"} cannot be assessed and have no
            start date, so belong to neither period.
          </li>
        ))}
      </ul>
      {comparison.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </>
  );
}
