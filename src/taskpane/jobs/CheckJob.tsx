import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckReport } from "../../engine/checks/CheckReport";
import type { Severity } from "../../engine/checks/DataQualityIssue";
import type { ChangeLogRow } from "../../engine/fixes/changeLog";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import type { TableFinding } from "../../engine/tables/TableFinding";
import { writeDataQualitySheet } from "../../jobs/checkTracker";
import { fixTracker, readLog } from "../../jobs/fixTracker";
import { revertChanges } from "../../jobs/revertChanges";
import { changeKey, keepTicked, tickedCount, toggleTick } from "../model/changeSelection";
import { changeSetsOf } from "../model/changeSetsOf";
import { displayCell, displayWrittenValue } from "../model/displayCell";
import {
  NO_FILTER,
  filterChoices,
  filterIssues,
  groupIssues,
  withWorkers,
  type IssueFilter,
  type IssueWithWorker,
} from "../model/issueFilters";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { RefreshFromCaseSystem } from "./RefreshFromCaseSystem";
import { useJobRunner } from "../useJobRunner";
import { ChecksRun } from "./ChecksRun";
import { UndoHistoryNote } from "../UndoHistoryNote";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  // minmax(0, 1fr): a select never pushes its column wider than half of a 320 px pane.
  filters: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  select: { minWidth: 0, width: "100%" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  issue: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    width: "100%",
    minWidth: 0,
  },
  change: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const SHOWN_PER_GROUP = 50;
const SHOWN_CHANGES = 100;

interface CheckState {
  issues: IssueWithWorker[];
  findings: TableFinding[];
  checks: CheckReport;
  changeSet: ChangeSet;
  log: ChangeLogRow[];
}

const INTENT: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Check data: run the checks, narrow and walk the issues, preview and apply safe fixes, undo them. */
export function CheckJob() {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const [state, setState] = useState<CheckState | undefined>();
  const [filter, setFilter] = useState<IssueFilter>(NO_FILTER);
  const [notice, setNotice] = useState<string | undefined>();
  // The changes the user unticked in the preview, by "Sheet!A1": the rest are applied.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());

  const runCheck = async (): Promise<void> => {
    const result = await runner.run("check the tracker", async (port) => {
      const dry = await fixTracker(port, { asOf: services.asOf, now: services.now(), dryRun: true });
      const log = await readLog(port);
      return { dry, log };
    });
    if (!result) return;
    const { check, changeSet } = result.dry;
    setState({
      issues: withWorkers(check.issues, check.tables, check.profile),
      findings: check.findings.filter((f) => f.severity !== "info"),
      checks: check.checks,
      changeSet,
      log: result.log,
    });
  };

  const applyFixes = async (): Promise<void> => {
    if (!state) return;
    const result = await runner.run("apply the fixes", (port) =>
      fixTracker(port, { asOf: services.asOf, now: services.now(), only: keepTicked(unticked) }),
    );
    if (!result?.report) return;
    setUnticked(new Set());
    services.workbookChanged();
    const skipped = result.report.skipped.length;
    setNotice(
      `Applied ${result.report.applied.length} fixes as change set ${result.changeSet.id}` +
        (skipped > 0 ? `; ${skipped} skipped (cells edited since the check, or protected sheets).` : "."),
    );
    await runCheck();
  };

  const undo = async (id: string): Promise<void> => {
    const result = await runner.run("undo the change set", (port) =>
      revertChanges(port, { changeSetId: id, now: services.now() }),
    );
    if (!result) return;
    services.workbookChanged();
    setNotice(
      result.kind === "reverted"
        ? `Undid ${result.report.applied.length} changes of ${id}` +
            (result.report.skipped.length > 0
              ? `; ${result.report.skipped.length} cells edited since were left alone.`
              : ".")
        : `The Change log has no change set ${id}.`,
    );
    await runCheck();
  };

  const writeSheet = async (): Promise<void> => {
    const done = await runner.run("write the Data quality sheet", async (port) => {
      const { check } = await fixTracker(port, { asOf: services.asOf, now: services.now(), dryRun: true });
      return writeDataQualitySheet(port, check, services.today);
    });
    if (done) {
      services.workbookChanged();
      setNotice(`The “${done.name}” sheet lists every issue, each linked to its cell.`);
    }
  };

  const shown = useMemo(() => (state ? filterIssues(state.issues, filter) : []), [state, filter]);
  const groups = useMemo(() => groupIssues(shown), [shown]);
  const choices = useMemo(() => filterChoices(state?.issues ?? []), [state]);
  const changeSets = useMemo(() => changeSetsOf(state?.log ?? []), [state]);
  const ticked = state ? tickedCount(state.changeSet.changes, unticked) : 0;

  return (
    <section className={styles.stack} aria-label="Check data">
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={runner.running}>
          {state ? "Check again" : "Run the checks"}
        </Button>
        {state && (
          <Button onClick={() => void writeSheet()} disabled={runner.running}>
            Write the Data quality sheet
          </Button>
        )}
      </div>
      {state && <UndoHistoryNote action="writing the Data quality sheet" />}
      <JobStatus runner={runner} />
      {notice !== undefined && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {state?.findings.map((f, i) => (
        <MessageBar key={`finding-${i}`} intent={f.severity === "error" ? "error" : "warning"}>
          <MessageBarBody>{f.message}</MessageBarBody>
        </MessageBar>
      ))}
      {state && (
        <>
          <Text>
            {state.issues.length === 0
              ? `No data-quality issues as at the as-of date.`
              : `${state.issues.length} issues found; ${shown.length} shown.`}
          </Text>
          <ChecksRun report={state.checks} />
          <div className={styles.filters} role="group" aria-label="Filter the issues">
            <FilterSelect
              label="Severity"
              value={filter.severity}
              options={["error", "warning", "info"]}
              onChange={(v) => setFilter({ ...filter, severity: v as IssueFilter["severity"] })}
            />
            <FilterSelect
              label="Sheet"
              value={filter.sheet}
              options={choices.sheets}
              onChange={(v) => setFilter({ ...filter, sheet: v })}
            />
            <FilterSelect
              label="Column"
              value={filter.column}
              options={choices.columns}
              onChange={(v) => setFilter({ ...filter, column: v })}
            />
            <FilterSelect
              label="Worker"
              value={filter.worker}
              options={choices.workers}
              onChange={(v) => setFilter({ ...filter, worker: v })}
            />
          </div>
          {groups.map((group) => (
            <section key={`${group.sheet}-${group.severity}`} aria-label={group.heading}>
              <Subtitle2 as="h2">
                <Badge appearance="tint" color={INTENT[group.severity]}>
                  {group.severity}
                </Badge>{" "}
                {group.heading}
              </Subtitle2>
              <ul className={styles.list}>
                {group.issues.slice(0, SHOWN_PER_GROUP).map((issue) => (
                  <li key={`${issue.code}-${issue.cell}`}>
                    <Button
                      appearance="subtle"
                      className={styles.issue}
                      aria-label={`Go to ${issue.sheet} ${issue.cell}: ${issue.message}`}
                      onClick={() => void services.navigator.select(issue.sheet, issue.cell)}
                    >
                      {issue.cell}: {issue.message}
                    </Button>
                  </li>
                ))}
              </ul>
              {group.issues.length > SHOWN_PER_GROUP && (
                <Text size={200}>
                  and {group.issues.length - SHOWN_PER_GROUP} more: narrow the list with the filters, or write
                  the Data quality sheet.
                </Text>
              )}
            </section>
          ))}
          <section aria-label="Safe fixes" className={styles.stack}>
            <Subtitle2 as="h2">Safe fixes ({state.changeSet.changes.length})</Subtitle2>
            {state.changeSet.changes.length === 0 ? (
              <Text>Nothing the add-in can fix safely.</Text>
            ) : (
              <>
                <Text>
                  Every ticked change below will be made, then logged on the Change log sheet so it can be
                  undone. Untick any you do not want.
                </Text>
                <ul className={styles.list} aria-label="Changes the fixes will make">
                  {state.changeSet.changes.slice(0, SHOWN_CHANGES).map((c) => {
                    const key = changeKey(c);
                    return (
                      <li key={key} className={styles.change}>
                        <Checkbox
                          checked={!unticked.has(key)}
                          onChange={(_, d) => setUnticked(toggleTick(unticked, key, d.checked === true))}
                          label={`${key}: “${displayCell(c.old)}” → “${displayWrittenValue(c.new, c.numberFormat)}”`}
                        />
                      </li>
                    );
                  })}
                </ul>
                {state.changeSet.changes.length > SHOWN_CHANGES && (
                  <Text size={200}>and {state.changeSet.changes.length - SHOWN_CHANGES} more changes.</Text>
                )}
                <UndoHistoryNote action="applying fixes" />
                <div>
                  <Button
                    appearance="primary"
                    onClick={() => void applyFixes()}
                    disabled={runner.running || ticked === 0}
                  >
                    Apply {ticked} {ticked === 1 ? "fix" : "fixes"}
                  </Button>
                </div>
              </>
            )}
          </section>
          <section aria-label="Change log" className={styles.stack}>
            <Subtitle2 as="h2">Change log ({state.log.length} changes)</Subtitle2>
            {changeSets.length === 0 && <Text>No changes logged yet.</Text>}
            {changeSets.length > 0 && <UndoHistoryNote action="undoing a change set from the log" />}
            <ul className={styles.list}>
              {changeSets.map((set) => (
                <li key={set.id} className={styles.buttons}>
                  <Text>
                    {set.id} · {set.when} · {set.count} changes
                  </Text>
                  <Button
                    size="small"
                    onClick={() => void undo(set.id)}
                    disabled={runner.running}
                    aria-label={`Undo ${set.id}`}
                  >
                    Undo
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <RefreshFromCaseSystem onApplied={runCheck} />
    </section>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.select}>
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
}
