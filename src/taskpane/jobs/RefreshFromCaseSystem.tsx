import { useMemo, useState, type ChangeEvent } from "react";
import {
  Button,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import type { RefreshReport } from "../../engine/ssda903/proposeRefresh";
import type { CsvFile } from "../../engine/ssda903/readCsv";
import { WORKER_IDS_SHEET_NAME } from "../../engine/ssda903/workerIdsSheet";
import { refreshTracker, type WorkerIdsOutcome } from "../../jobs/refreshTracker";
import { keepTicked, tickedCount } from "../model/changeSelection";
import { initiallyUnticked, refreshGroups } from "../model/refreshGroups";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  files: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

const SHOWN_PER_GROUP = 50;

interface Proposal {
  files: CsvFile[];
  la?: string;
  filesRead: readonly { file: string; table: string }[];
  report: RefreshReport;
  changeSet: ChangeSet;
  workerIds?: WorkerIdsOutcome;
}

/**
 * Refresh from case system: the SSDA903 CSV files picked (or a folder's), read here in the pane —
 * nothing is uploaded — and the change set shown grouped as the CLI reports it, each change ticked
 * but the conflicts; the ticked ones are applied and logged, so the Change log can undo them.
 */
export function RefreshFromCaseSystem({ onApplied }: { onApplied: () => Promise<void> }) {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port);
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [authorities, setAuthorities] = useState<{ files: CsvFile[]; names: readonly string[] }>();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const filesId = useId("ssda903-files");
  const folderId = useId("ssda903-folder");

  const propose = async (files: CsvFile[], la?: string): Promise<void> => {
    setMessage(undefined);
    const result = await runner.run("read the case system's files", (port) =>
      refreshTracker(port, {
        files,
        ...(la === undefined ? {} : { la }),
        asOf: services.asOf,
        now: services.now(),
        acceptSystem: true,
        dryRun: true,
      }),
    );
    if (!result) return;
    if (result.kind === "cannot-refresh") {
      setProposal(undefined);
      if (result.reason === "choose-authority" && result.authorities && result.authorities.length > 0) {
        setAuthorities({ files, names: result.authorities });
        return;
      }
      const why = result.extractProblems.filter((p) => p.severity === "error").map((p) => p.message);
      setMessage({ intent: "error", text: [result.message, ...why].join(" ") });
      return;
    }
    setAuthorities(la === undefined ? undefined : authorities);
    setUnticked(initiallyUnticked(result.changeSet));
    setProposal({
      files,
      ...(la === undefined ? {} : { la }),
      filesRead: result.filesRead,
      ...(result.workerIds ? { workerIds: result.workerIds } : {}),
      report: result.report,
      changeSet: result.changeSet,
    });
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = [...(event.target.files ?? [])].filter((f) => /\.csv$/i.test(f.name));
    event.target.value = "";
    if (chosen.length === 0) {
      setMessage({ intent: "error", text: "No .csv files were chosen: pick the SSDA903 CSV files." });
      return;
    }
    const files = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, content: new Uint8Array(await f.arrayBuffer()) })),
    );
    setAuthorities(undefined);
    await propose(files);
  };

  const apply = async (): Promise<void> => {
    if (!proposal) return;
    const result = await runner.run("apply the refresh", (port) =>
      refreshTracker(port, {
        files: proposal.files,
        ...(proposal.la === undefined ? {} : { la: proposal.la }),
        asOf: services.asOf,
        now: services.now(),
        acceptSystem: true,
        only: keepTicked(unticked),
      }),
    );
    if (!result || result.kind !== "refreshed") return;
    services.workbookChanged();
    setProposal(undefined);
    const applied = result.applied?.applied.length ?? 0;
    const skipped = result.applied?.skipped.length ?? 0;
    setMessage({
      intent: "success",
      text:
        `Applied ${applied} changes from the case system as change set ${result.changeSet.id}` +
        (skipped > 0 ? `; ${skipped} skipped (cells edited since, or protected sheets).` : ".") +
        " Undo it from the Change log.",
    });
    await onApplied();
  };

  const groups = useMemo(
    () => (proposal ? refreshGroups(proposal.report, proposal.changeSet) : []),
    [proposal],
  );
  const ticked = proposal ? tickedCount(proposal.changeSet.changes, unticked) : 0;
  const toggle = (keys: readonly string[], on: boolean): void => {
    const next = new Set(unticked);
    for (const key of keys) {
      if (on) next.delete(key);
      else next.add(key);
    }
    setUnticked(next);
  };

  return (
    <section aria-label="Refresh from case system" className={styles.stack}>
      <Subtitle2 as="h2">Refresh from case system</Subtitle2>
      <Text>
        Choose the SSDA903 CSV files your case system exports (Header, Episodes, Reviews...), or a folder of
        them. They are read here; nothing is uploaded.
      </Text>
      <div className={styles.files}>
        <Label htmlFor={filesId}>SSDA903 CSV files</Label>
        <input
          id={filesId}
          type="file"
          accept=".csv,text/csv"
          multiple
          onChange={(e) => void pick(e)}
          disabled={runner.running}
        />
        <Label htmlFor={folderId}>Or a folder of them</Label>
        {/* webkitdirectory: every browser Office runs in picks a folder's files with it. */}
        <input
          id={folderId}
          type="file"
          multiple
          onChange={(e) => void pick(e)}
          disabled={runner.running}
          {...{ webkitdirectory: "" }}
        />
      </div>
      <JobStatus runner={runner} />
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {authorities && (
        <Field label="Authority" hint={`The files hold ${authorities.names.length} authorities: choose one.`}>
          <Select
            value={proposal?.la ?? ""}
            onChange={(_, data) => data.value !== "" && void propose(authorities.files, data.value)}
          >
            <option value="">Choose…</option>
            {authorities.names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {proposal && (
        <>
          <Text size={200}>Read {proposal.filesRead.map((f) => `${f.file} (${f.table})`).join(", ")}.</Text>
          {proposal.workerIds && (
            <Text size={200}>
              Allocated workers: {proposal.workerIds.named} named in the {WORKER_IDS_SHEET_NAME} sheet.
              {proposal.workerIds.unnamed.length > 0 &&
                ` ${proposal.workerIds.unnamed.length} worker IDs have no name yet (${proposal.workerIds.unnamed.join(", ")}): applying adds them to the ${WORKER_IDS_SHEET_NAME} sheet; write each name there once and refresh again. Names are never guessed.`}
            </Text>
          )}
          {groups.map((group) => (
            <section key={group.id} aria-label={group.heading} className={styles.stack}>
              <Subtitle2 as="h3">{group.heading}</Subtitle2>
              {group.items.length > 0 && <Text size={200}>{group.hint}</Text>}
              <ul className={styles.list}>
                {group.items.slice(0, SHOWN_PER_GROUP).map((item) => (
                  <li key={item.key} className={styles.item}>
                    {item.changeKeys.length === 0 ? (
                      <Text size={200}>{item.label}</Text>
                    ) : (
                      <Checkbox
                        checked={item.changeKeys.every((k) => !unticked.has(k))}
                        onChange={(_, d) => toggle(item.changeKeys, d.checked === true)}
                        label={item.label}
                      />
                    )}
                  </li>
                ))}
              </ul>
              {group.items.length > SHOWN_PER_GROUP && (
                <Text size={200}>and {group.items.length - SHOWN_PER_GROUP} more.</Text>
              )}
            </section>
          ))}
          <div>
            <Button
              appearance="primary"
              onClick={() => void apply()}
              disabled={runner.running || ticked === 0}
            >
              Apply {ticked} {ticked === 1 ? "change" : "changes"}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
