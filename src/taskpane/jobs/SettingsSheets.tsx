import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { HOLIDAYS_SHEET_NAME } from "../../engine/standards/holidaysSheet";
import { STANDARDS_SHEET_NAME } from "../../engine/standards/standardsSheetColumns";
import { formatLimit } from "../../engine/standards/standardText";
import type { TrackerStatus } from "../../jobs/statusTracker";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
});

/** How many of the local closure days the text lists before "…". */
const CLOSED_DAYS_LISTED = 6;

export interface SettingsSheetsProps {
  status: TrackerStatus;
  hasStandardsSheet: boolean;
  hasHolidaysSheet: boolean;
  /** The local closure days on the Holidays sheet. */
  closedDays: readonly EpochDay[];
  /** The Tracker history was asked for and has nothing recorded. */
  noHistory: boolean;
  /** Open the sheet, making it first (with the defaults) when the workbook has none. */
  onOpenOrCreate: (name: string, exists: boolean) => void;
  onShowHistory: () => void;
}

/** The sheets of the workbook that change how jobs count: Standards, Holidays, and the Tracker history. */
export function SettingsSheets({
  status,
  hasStandardsSheet,
  hasHolidaysSheet,
  closedDays,
  noHistory,
  onOpenOrCreate,
  onShowHistory,
}: SettingsSheetsProps) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h2">Standards</Subtitle2>
      <Text>
        {hasStandardsSheet
          ? `${status.standards.length} standards read from the workbook's Standards sheet.`
          : `The ${status.standards.length} national defaults (no Standards sheet in this workbook).`}
      </Text>
      <div>
        <Button onClick={() => onOpenOrCreate(STANDARDS_SHEET_NAME, hasStandardsSheet)}>
          {hasStandardsSheet ? "Open the Standards sheet" : "Create the Standards sheet to change them"}
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
          {status.standards.map((s) => (
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
        {hasHolidaysSheet ? closedDaysText(closedDays) : "No Holidays sheet: no local closure days."}
      </Text>
      <div>
        <Button onClick={() => onOpenOrCreate(HOLIDAYS_SHEET_NAME, hasHolidaysSheet)}>
          {hasHolidaysSheet ? "Open the Holidays sheet" : "Create a Holidays sheet"}
        </Button>
      </div>
      {status.sheetFindings.slice(0, 5).map((f, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{f.message}</MessageBarBody>
        </MessageBar>
      ))}
      <Subtitle2 as="h2">Tracker history</Subtitle2>
      <Text>
        The dates the tracker overwrites (latest review, latest PPM, last visits), as the add-in saw them each
        time a job ran: recurring standards and PPMs held are counted from them.
      </Text>
      <div>
        <Button onClick={onShowHistory}>Show the Tracker history</Button>
      </div>
      {noHistory && (
        <MessageBar intent="info">
          <MessageBarBody>
            Nothing recorded yet: the tracker has no latest review, PPM or visit dates.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** "3 local closure days from the Holidays sheet: 24/12/2026, …", the first few listed. */
function closedDaysText(days: readonly EpochDay[]): string {
  const listed = days.slice(0, CLOSED_DAYS_LISTED).map(formatUkDate).join(", ");
  const more = days.length > CLOSED_DAYS_LISTED ? "…" : "";
  return `${days.length} local closure days from the Holidays sheet${days.length > 0 ? `: ${listed}${more}` : ""}.`;
}
