import { useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { CheckReport } from "../../engine/checks/CheckReport";
import type { ChangeLogRow } from "../../engine/fixes/changeLog";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import type { TableFinding } from "../../engine/tables/TableFinding";
import { writeDataQualitySheet } from "../../jobs/checkTracker";
import { fixTracker, readLog } from "../../jobs/fixTracker";
import { revertChanges } from "../../jobs/revertChanges";
import { keepTicked } from "../model/changeSelection";
import {
  NO_FILTER,
  filterIssues,
  withWorkers,
  type IssueFilter,
  type IssueWithWorker,
} from "../model/issueFilters";
import { useLayoutStyles } from "../layoutStyles";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";
import { UndoHistoryNote } from "../UndoHistoryNote";
import { CheckChangeLog } from "./CheckChangeLog";
import { CheckFixesPreview } from "./CheckFixesPreview";
import { CheckIssueList } from "./CheckIssueList";
import { ChecksRun } from "./ChecksRun";
import { RefreshFromCaseSystem } from "./RefreshFromCaseSystem";

interface CheckState {
  issues: IssueWithWorker[];
  findings: TableFinding[];
  checks: CheckReport;
  changeSet: ChangeSet;
  log: ChangeLogRow[];
}

/**
 * Check data: run the checks, narrow and walk the issues, preview and apply safe fixes, undo them.
 * This view holds the state and makes the job calls; its parts (CheckIssueList, CheckFixesPreview,
 * CheckChangeLog) render them and report the user's choices back.
 */
export function CheckJob() {
  const styles = useLayoutStyles();
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
          <CheckIssueList
            issues={state.issues}
            shown={shown}
            filter={filter}
            onFilterChange={setFilter}
            onGoTo={(issue) => void services.navigator.select(issue.sheet, issue.cell)}
          />
          <CheckFixesPreview
            changeSet={state.changeSet}
            unticked={unticked}
            onUntickedChange={setUnticked}
            busy={runner.running}
            onApply={() => void applyFixes()}
          />
          <CheckChangeLog log={state.log} busy={runner.running} onUndo={(id) => void undo(id)} />
        </>
      )}
      <RefreshFromCaseSystem onApplied={runCheck} />
    </section>
  );
}
