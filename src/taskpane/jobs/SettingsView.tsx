import { useEffect, useState } from "react";
import { formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { DEFAULT_STANDARDS } from "../../engine/standards/defaultStandards";
import { buildStandardsSheet } from "../../engine/standards/buildStandardsSheet";
import {
  HOLIDAYS_SHEET_NAME,
  buildHolidaysSheet,
  readHolidaysSheet,
} from "../../engine/standards/holidaysSheet";
import { STANDARDS_SHEET_NAME } from "../../engine/standards/standardsSheetColumns";
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
import { parseUkDateInput } from "../model/ukDateInput";
import { useLayoutStyles } from "../layoutStyles";
import { usePaneServices } from "../PaneServices";
import { JobStatus } from "../JobStatus";
import { useJobRunner } from "../useJobRunner";
import { SettingsAsOf } from "./SettingsAsOf";
import { SettingsColumns, type SavedMapping } from "./SettingsColumns";
import { SettingsSheets } from "./SettingsSheets";

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

/**
 * Settings: the as-of date, privacy, and how the add-in reads this workbook (columns, standards, holidays).
 * This view holds the state and makes the job calls; its parts (SettingsAsOf, SettingsSheets,
 * SettingsColumns) render them and report the user's choices back.
 */
export function SettingsView({ onAsOfChange, onInitialsOnlyChange }: SettingsProps) {
  const styles = useLayoutStyles();
  const services = usePaneServices();
  const runner = useJobRunner(services.port, services.today);
  const [asOfText, setAsOfText] = useState(formatUkDate(services.asOf));
  const [settings, setSettings] = useState<WorkbookSettings | undefined>();
  const [saved, setSaved] = useState<SavedMapping | undefined>();
  // The Tracker history was asked for and had nothing to show.
  const [noHistory, setNoHistory] = useState(false);
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

  const openOrCreate = async (name: string, exists: boolean): Promise<void> => {
    let sheet = name;
    if (!exists) {
      const written = await run(`create the ${name} sheet`, (port) =>
        port.writeSheet(
          name === STANDARDS_SHEET_NAME ? buildStandardsSheet(DEFAULT_STANDARDS) : buildHolidaysSheet(),
        ),
      );
      if (!written) return;
      // Another name when a user's own sheet has this one (the runner shows the note): go there.
      sheet = written.name;
      services.workbookChanged();
    }
    await services.navigator.select(sheet, "A1");
  };

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
      <SettingsAsOf
        asOfText={asOfText}
        onAsOfTextChange={(text) => {
          setAsOfText(text);
          const day = parseUkDateInput(text);
          if (day !== undefined) onAsOfChange(day);
        }}
        today={services.today}
        onUseToday={() => {
          setAsOfText(formatUkDate(services.today));
          onAsOfChange(services.today);
        }}
        initialsOnly={services.initialsOnly}
        onInitialsOnlyChange={onInitialsOnlyChange}
      />
      <JobStatus runner={runner} />
      {settings && (
        <>
          <SettingsSheets
            status={settings.status}
            hasStandardsSheet={settings.hasStandardsSheet}
            hasHolidaysSheet={settings.hasHolidaysSheet}
            closedDays={settings.closedDays}
            noHistory={noHistory}
            onOpenOrCreate={(name, exists) => void openOrCreate(name, exists)}
            onShowHistory={() => void showHistory()}
          />
          <SettingsColumns
            profile={settings.profile}
            profileSource={settings.profileSource}
            read={settings.read}
            mappings={settings.mappings}
            unclaimed={settings.unclaimed}
            version={settings.version}
            saved={saved}
            busy={runner.running}
            onSaveColumns={(sheetKey, title, before, after) =>
              void saveColumns(sheetKey, title, before, after)
            }
            onPointSheet={(sheetKey, title, worksheet) => void pointSheet(sheetKey, title, worksheet)}
          />
        </>
      )}
    </section>
  );
}
