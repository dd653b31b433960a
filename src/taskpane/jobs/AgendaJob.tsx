import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SURGERIES, SurgeryType } from "../../engine/agenda/SurgeryType";
import { formatUkDate } from "../../engine/dates/epochDay";
import { formatLogTime } from "../../engine/fixes/changeLog";
import { agendaTracker, type AgendaOutcome } from "../../jobs/agendaTracker";
import { loadProfile } from "../../jobs/loadProfile";
import { readTracker } from "../../jobs/readTracker";
import type { TrackerProfile } from "../../engine/profile/TrackerProfile";
import type { TrackerTable } from "../../engine/tables/TrackerTable";
import type { SheetInfo } from "../../engine/port/WorkbookPort";
import { agendaChoices, agendaTarget, readAgendaForm, type AgendaForm } from "../model/agendaForm";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";
import { UndoHistoryNote } from "../UndoHistoryNote";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

const FILTER_KINDS: readonly AgendaForm["filterBy"][] = ["everyone", "team", "worker"];

/** Agenda: a surgery's agenda sheet for a date, a team or worker, names or initials. */
export function AgendaJob() {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const [form, setForm] = useState<AgendaForm>({
    surgery: "joint-tracking",
    date: formatUkDate(services.asOf),
    next: "",
    filterBy: "everyone",
    filterValue: "",
    names: !services.initialsOnly,
    all: false,
  });
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [outcome, setOutcome] = useState<AgendaOutcome | undefined>();
  const [problems, setProblems] = useState<string[]>([]);

  const [tracker, setTracker] = useState<{ tables: TrackerTable[]; profile: TrackerProfile } | undefined>();
  const { run } = runner;
  useEffect(() => {
    void run("read the tracker", async (port) => {
      const { profile } = await loadProfile(port);
      return { profile, tables: (await readTracker(port, profile)).tables };
    }).then((read) => read && setTracker(read));
  }, [run, services.workbookVersion]);
  const choices = useMemo(
    () =>
      tracker ? agendaChoices(tracker.tables, tracker.profile, form.surgery) : { teams: [], workers: [] },
    [tracker, form.surgery],
  );

  useEffect(() => {
    void services.port.listSheets().then(
      (listed) => setSheets(listed),
      () => setSheets([]),
    );
  }, [services.port, services.workbookVersion]);

  const read = useMemo(() => readAgendaForm(form, services.asOf, ""), [form, services.asOf]);
  const target = read.ok ? agendaTarget(read.request, sheets) : undefined;

  const generate = async (): Promise<void> => {
    const now = formatLogTime(services.now());
    const parsed = readAgendaForm(form, services.asOf, now);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    const result = await runner.run("write the agenda", (port) =>
      agendaTracker(port, parsed.request, services.today),
    );
    if (!result) return;
    setOutcome(result);
    if (result.kind === "written") services.workbookChanged();
  };

  return (
    <section className={styles.stack} aria-label="Agenda">
      <Field label="Surgery">
        <Select
          value={form.surgery}
          onChange={(_, d) => {
            const surgery = SurgeryType.safeParse(d.value);
            if (surgery.success) setForm({ ...form, surgery: surgery.data });
          }}
        >
          {SurgeryType.options.map((type) => (
            <option key={type} value={type}>
              {SURGERIES[type].title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Surgery date (dd/mm/yyyy)">
        <Input value={form.date} onChange={(_, d) => setForm({ ...form, date: d.value })} />
      </Field>
      <Field label="Next surgery date (dd/mm/yyyy)" hint="What falls due before it is listed too. Optional.">
        <Input value={form.next} onChange={(_, d) => setForm({ ...form, next: d.value })} />
      </Field>
      <Field label="Cases of">
        <RadioGroup
          value={form.filterBy}
          onChange={(_, d) => {
            const filterBy = FILTER_KINDS.find((k) => k === d.value);
            if (filterBy) setForm({ ...form, filterBy, filterValue: "" });
          }}
        >
          <Radio value="everyone" label="Everyone" />
          <Radio value="team" label="A team" />
          <Radio value="worker" label="A worker" />
        </RadioGroup>
      </Field>
      {form.filterBy !== "everyone" && (
        <Field label={form.filterBy === "team" ? "Team" : "Worker"}>
          <Select value={form.filterValue} onChange={(_, d) => setForm({ ...form, filterValue: d.value })}>
            <option value="">Choose…</option>
            {(form.filterBy === "team" ? choices.teams : choices.workers).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Switch
        checked={form.names}
        onChange={(_, d) => setForm({ ...form, names: d.checked })}
        label={form.names ? "Full names on the agenda" : "Initials and IDs only"}
      />
      <Switch
        checked={form.all}
        onChange={(_, d) => setForm({ ...form, all: d.checked })}
        label="List every open case"
      />
      <Text size={200}>
        {form.all
          ? "Every open case is listed, with or without something to discuss."
          : "Only cases with something to discuss or actions agreed last time."}
      </Text>
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{problems.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {target?.exists && (
        <MessageBar intent="warning">
          <MessageBarBody>
            “{target.name}” is already in the workbook: generating will replace it, keeping the actions typed
            into it.
          </MessageBarBody>
        </MessageBar>
      )}
      <UndoHistoryNote action="writing the agenda" />
      <div>
        <Button appearance="primary" onClick={() => void generate()} disabled={runner.running}>
          {target?.exists ? "Regenerate the agenda" : "Generate the agenda"}
        </Button>
      </div>
      <JobStatus runner={runner} />
      {outcome?.kind === "no-tracker-sheet" && (
        <MessageBar intent="warning">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "written" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {outcome.replaced ? "Replaced" : "Wrote"} the agenda with{" "}
            {outcome.agenda.workers.reduce((n, w) => n + w.cases.length, 0)} cases of{" "}
            {outcome.agenda.workers.length} workers
            {outcome.carriedFrom !== null ? `, carrying forward the actions of “${outcome.carriedFrom}”` : ""}
            .{" "}
            <Link onClick={() => void services.navigator.select(outcome.sheetName, "A1")}>
              Open “{outcome.sheetName}”
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
