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
import { loadProfile } from "../../jobs/loadProfile";
import { readTracker } from "../../jobs/readTracker";
import { statusTracker, type TrackerStatus } from "../../jobs/statusTracker";
import { mappingViews, type SheetMappingView } from "../model/mappingRows";
import { parseUkDateInput } from "../model/ukDateInput";
import { usePaneServices } from "../PaneServices";
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
  letters: { whiteSpace: "nowrap", overflowWrap: "normal" },
});

export interface SettingsProps {
  onAsOfChange: (day: EpochDay) => void;
  onInitialsOnlyChange: (initialsOnly: boolean) => void;
}

interface WorkbookSettings {
  mappings: SheetMappingView[];
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
  const runner = useJobRunner(services.port);
  const [asOfText, setAsOfText] = useState(formatUkDate(services.asOf));
  const [settings, setSettings] = useState<WorkbookSettings | undefined>();
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
          <Subtitle2 as="h2">Columns</Subtitle2>
          <Text>
            {settings.profileSource === "workbook"
              ? "Read with the profile saved in this workbook."
              : "Read with the default profile: headers are matched by name, wherever the columns are."}
          </Text>
          {settings.mappings.map((m) => (
            <details key={m.title}>
              <summary>
                {m.title}: {m.summary}
              </summary>
              {m.lines.length > 0 && (
                <table className={styles.table} aria-label={`Columns of ${m.title}`}>
                  <thead>
                    <tr>
                      <th className={`${styles.cell} ${styles.letters}`} scope="col">
                        Col
                      </th>
                      <th className={styles.cell} scope="col">
                        Header in the sheet
                      </th>
                      <th className={styles.cell} scope="col">
                        Read as
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.lines.map((l) => (
                      <tr key={`${l.reads}-${l.column}`}>
                        <td className={`${styles.cell} ${styles.letters}`}>{l.column}</td>
                        <td className={styles.cell}>{l.header}</td>
                        <td className={styles.cell}>
                          {l.reads}
                          {l.note !== undefined && <Text weight="semibold"> ({l.note})</Text>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </details>
          ))}
        </>
      )}
    </section>
  );
}
