import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { JobRunner } from "./useJobRunner";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * While a job runs: what it is doing (sheet, rows) and Cancel. After: the error or "cancelled", and
 * whatever the user must know of a run that worked (an output given another name, what this Excel
 * could not do).
 */
export function JobStatus({ runner }: { runner: JobRunner }) {
  const styles = useStyles();
  if (runner.running) {
    const p = runner.progress;
    const text = p === undefined ? "Starting…" : `${p.step} · ${p.sheets} sheets, ${p.rows} rows so far`;
    return (
      <div className={styles.row} role="status" aria-live="polite">
        <Field className={styles.bar} validationMessage={text} validationState="none" label="Working">
          <ProgressBar />
        </Field>
        <Button onClick={runner.cancel}>Cancel</Button>
      </div>
    );
  }
  if (runner.error !== undefined)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{runner.error}</MessageBarBody>
      </MessageBar>
    );
  if (runner.cancelled)
    return (
      <MessageBar intent="info">
        <MessageBarBody>Cancelled before anything was written to the workbook.</MessageBarBody>
      </MessageBar>
    );
  if (runner.notes.length > 0)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {runner.notes.length === 1 ? (
            runner.notes[0]
          ) : (
            <ul className={styles.notes}>
              {runner.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  return null;
}
