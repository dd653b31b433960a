import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { DEFAULT_STANDARDS } from "../../engine/standards/defaultStandards";
import { buildStandardsSheet } from "../../engine/standards/buildStandardsSheet";
import {
  HOLIDAYS_SHEET_NAME,
  buildHolidaysSheet,
  readHolidaysSheet,
} from "../../engine/standards/holidaysSheet";
import { STANDARDS_SHEET_NAME } from "../../engine/standards/standardsSheetColumns";
import { formatLimit } from "../../engine/standards/standardText";
import { buildProfileSheet } from "../../engine/profile/profileSheet";
import { aliasSheet } from "../../engine/profile/remapColumn";
import type { SheetKey, TrackerProfile } from "../../engine/profile/TrackerProfile";
import { loadProfile } from "../../jobs/loadProfile";
import { readTracker, type TrackerRead } from "../../jobs/readTracker";
import { showTrackerHistory } from "../../jobs/recordTrackerHistory";
import { statusTracker, type TrackerStatus } from "../../jobs/statusTracker";
import {
  applyChoices,
  headerChoices,
  unclaimedWorksheets,
  unmetChoices,
  type HeaderChoice,
} from "../model/mappingDraft";
import { mappingViews, type SheetMappingView } from "../model/mappingRows";
import { MappingEditor } from "./MappingEditor";
import { parseUkDateInput } from "../model/ukDateInput";
import { usePaneServices } from "../PaneServices";
import { UndoHistoryNote } from "../UndoHistoryNote";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
});

export interface SettingsProps {
  onAsOfChange: (day: EpochDay) => void;
  onInitialsOnlyChange: (initialsOnly: boolean) => void;
}

interface WorkbookSettings {
  mappings: SheetMappingView[];
  profile: TrackerProfile;
  read: TrackerRead;
  unclaimed: string[];
  /** The workbook version it was read at: the mapping editors start afresh from each new read. */
  version: number;
  profileSource: "workbook" | "default";
  status: TrackerStatus;
  closedDays: EpochDay[];
  hasStandardsSheet: boolean;
  hasHolidaysSheet: boolean;
}

/** Settings: the as-of date, privacy, and how the add-in reads this workbook (columns, standards, holidays). */
export function SettingsView({ onAsOfChange, onInitialsOnlyChange }: SettingsProps) {
  const styles = useStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const [asOfText, setAsOfText] = useState(formatUkDate(services.asOf));
  const [settings, setSettings] = useState<WorkbookSettings | undefined>();
  const [saved, setSaved] = useState<{ sheet: string; problems: string[] } | undefined>();
  const { run } = runner;

  useEffect(() => {
    void run("read the workbook's settings", async (port) => {
      const loaded = await loadProfile(port);
      const read = await readTracker(port, loaded.profile);
      const status = await statusTracker(port, { asOf: services.asOf });
      const sheets = await port.listSheets();
      const holidays = sheets.find((s) => s.name.toLowerCase() === HOLIDAYS_SHEET_NAME.toLowerCase());
      const closedDays = holidays ? readHolidaysSheet(await port.readSheet(holidays.name)).days : [];
      return {
        mappings: mappingViews(read, loaded.profile),
        profile: loaded.profile,
        read,
        unclaimed: unclaimedWorksheets(sheets, read),
        version: services.workbookVersion,
        profileSource: loaded.source,
        status,
        closedDays,
        hasStandardsSheet: status.standardsSource === "workbook",
        hasHolidaysSheet: holidays !== undefined,
      };
    }).then((s) => s && setSettings(s));
  }, [run, services.asOf, services.workbookVersion]);

  const asOf = parseUkDateInput(asOfText);
  const openOrCreate = async (name: string, exists: boolean): Promise<void> => {
    if (!exists) {
      const done = await run(`create the ${name} sheet`, async (port) => {
        await port.writeSheet(
          name === STANDARDS_SHEET_NAME ? buildStandardsSheet(DEFAULT_STANDARDS) : buildHolidaysSheet(),
        );
        return true;
      });
      if (!done) return;
      services.workbookChanged();
    }
    await services.navigator.select(name, "A1");
  };

  const [noHistory, setNoHistory] = useState(false);
  const showHistory = async (): Promise<void> => {
    const shown = await run("show the Tracker history", async (port) => ({
      name: await showTrackerHistory(port, services.today),
    }));
    if (shown === undefined) return; // failed: the runner shows why
    const { name } = shown;
    setNoHistory(name === undefined);
    if (name === undefined) return;
    services.workbookChanged();
    await services.navigator.select(name, "A1");
  };

  // The profile in force is read again at save time: another user may have saved it meanwhile.
  const saveColumns = async (
    sheetKey: SheetKey,
    title: string,
    before: HeaderChoice[],
    after: HeaderChoice[],
  ) => {
    const problems = await run(`save the column mapping of ${title}`, async (port) => {
      const { profile } = await loadProfile(port);
      const sheetRead = (await readTracker(port, profile)).mappings[sheetKey];
      const now = sheetRead?.status === "read" ? headerChoices(sheetRead.mapping) : before;
      const result = applyChoices(profile, sheetKey, now, after);
      if (result.profile !== profile) await port.writeSheet(buildProfileSheet(result.profile));
      const reread = (await readTracker(port, result.profile)).mappings[sheetKey];
      const spec = result.profile.sheets.find((s) => s.key === sheetKey);
      const titleOf = (key: string): string => spec?.columns.find((c) => c.key === key)?.title ?? key;
      const conflicted = new Set(result.conflicts.map((c) => c.column));
      const unmet = unmetChoices(
        after.filter((c) => !conflicted.has(c.column)),
        reread,
        titleOf,
      );
      return [...result.conflicts.map((c) => c.message), ...unmet];
    });
    if (problems === undefined) return;
    setSaved({ sheet: title, problems });
    services.workbookChanged();
  };

  const pointSheet = async (sheetKey: SheetKey, title: string, worksheet: string) => {
    const done = await run(`read ${title} from “${worksheet}”`, async (port) => {
      const { profile } = await loadProfile(port);
      await port.writeSheet(buildProfileSheet(aliasSheet(profile, sheetKey, worksheet)));
      return true;
    });
    if (!done) return;
    setSaved({ sheet: title, problems: [] });
    services.workbookChanged();
  };

  return (
    <section className={styles.stack} aria-label="Settings">
      <Field
        label="As-of date (dd/mm/yyyy)"
        hint="Every job counts deadlines as at this day. Today by default."
        validationMessage={asOf === undefined ? "Enter a date as dd/mm/yyyy." : undefined}
      >
        <Input
          value={asOfText}
          onChange={(_, d) => {
            setAsOfText(d.value);
            const day = parseUkDateInput(d.value);
            if (day !== undefined) onAsOfChange(day);
          }}
        />
      </Field>
      <div>
        <Button
          onClick={() => {
            setAsOfText(formatUkDate(services.today));
            onAsOfChange(services.today);
          }}
        >
          Use today ({formatUkDate(services.today)})
        </Button>
      </div>
      <Switch
        checked={services.initialsOnly}
        onChange={(_, d) => onInitialsOnlyChange(d.checked)}
        label="Agendas show initials and IDs only, not names"
      />
      <JobStatus runner={runner} />
      {settings && (
        <>
          <Subtitle2 as="h2">Standards</Subtitle2>
          <Text>
            {settings.hasStandardsSheet
              ? `${settings.status.standards.length} standards read from the workbook's Standards sheet.`
              : `The ${settings.status.standards.length} national defaults (no Standards sheet in this workbook).`}
          </Text>
          <div>
            <Button onClick={() => void openOrCreate(STANDARDS_SHEET_NAME, settings.hasStandardsSheet)}>
              {settings.hasStandardsSheet
                ? "Open the Standards sheet"
                : "Create the Standards sheet to change them"}
            </Button>
          </div>
          <table className={styles.table} aria-label="Standards in force">
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  Standard
                </th>
                <th className={styles.cell} scope="col">
                  Limit
                </th>
              </tr>
            </thead>
            <tbody>
              {settings.status.standards.map((s) => (
                <tr key={s.id}>
                  <td className={styles.cell}>{s.title}</td>
                  <td className={styles.cell}>{s.limit ? formatLimit(s.limit) : `by ${s.by ?? ""}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Subtitle2 as="h2">Holidays</Subtitle2>
          <Text>
            England and Wales bank holidays are built in.{" "}
            {settings.hasHolidaysSheet
              ? `${settings.closedDays.length} local closure days from the Holidays sheet${settings.closedDays.length > 0 ? `: ${settings.closedDays.slice(0, 6).map(formatUkDate).join(", ")}${settings.closedDays.length > 6 ? "…" : ""}` : ""}.`
              : "No Holidays sheet: no local closure days."}
          </Text>
          <div>
            <Button onClick={() => void openOrCreate(HOLIDAYS_SHEET_NAME, settings.hasHolidaysSheet)}>
              {settings.hasHolidaysSheet ? "Open the Holidays sheet" : "Create a Holidays sheet"}
            </Button>
          </div>
          {settings.status.sheetFindings.slice(0, 5).map((f, i) => (
            <MessageBar key={i} intent="warning">
              <MessageBarBody>{f.message}</MessageBarBody>
            </MessageBar>
          ))}
          <Subtitle2 as="h2">Tracker history</Subtitle2>
          <Text>
            The dates the tracker overwrites (latest review, latest PPM, last visits), as the add-in saw them
            each time a job ran: recurring standards and PPMs held are counted from them.
          </Text>
          <div>
            <Button onClick={() => void showHistory()}>Show the Tracker history</Button>
          </div>
          {noHistory && (
            <MessageBar intent="info">
              <MessageBarBody>
                Nothing recorded yet: the tracker has no latest review, PPM or visit dates.
              </MessageBarBody>
            </MessageBar>
          )}
          <Subtitle2 as="h2">Columns</Subtitle2>
          <Text>
            {settings.profileSource === "workbook"
              ? "Read with the profile saved in this workbook."
              : "Read with the default profile: headers are matched by name, wherever the columns are."}
          </Text>
          {saved && (
            <MessageBar intent={saved.problems.length === 0 ? "success" : "warning"}>
              <MessageBarBody>
                {saved.problems.length === 0
                  ? `Saved how ${saved.sheet} is read, in this workbook: every job reads it that way from now on.`
                  : `Saved how ${saved.sheet} is read, but: ${saved.problems.join(" ")}`}
              </MessageBarBody>
            </MessageBar>
          )}
          <UndoHistoryNote action="saving a mapping" hiddenSheet />
          {settings.profile.sheets.map((spec, index) => (
            <details key={spec.key}>
              <summary>
                {spec.title}: {settings.mappings[index]?.summary}
              </summary>
              <MappingEditor
                key={`${spec.key}-${settings.version}`}
                spec={spec}
                read={settings.read.mappings[spec.key]}
                worksheets={settings.unclaimed}
                busy={runner.running}
                onSaveColumns={(before, after) => void saveColumns(spec.key, spec.title, before, after)}
                onPointSheet={(worksheet) => void pointSheet(spec.key, spec.title, worksheet)}
              />
            </details>
          ))}
        </>
      )}
    </section>
  );
}
