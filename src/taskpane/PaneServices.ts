import { createContext, useContext } from "react";
import type { WorkingDayCalendar } from "../engine/calendar/WorkingDayCalendar";
import type { EpochDay } from "../engine/dates/epochDay";
import type { LogTime } from "../engine/fixes/changeLog";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import type { KeyValueStore } from "./model/rememberedWorker";

/**
 * What every job view needs from the shell, handed down once: the workbook, a way to take the user
 * to a cell, the clock (components have none of their own) and the settings the user chose.
 */
export interface PaneServices {
  port: WorkbookPort;
  navigator: WorkbookNavigator;
  /** The as-of date of every job: today unless changed in Settings. */
  asOf: EpochDay;
  /** Today on the user's wall calendar. */
  today: EpochDay;
  /** Now, for the change log and the agenda's "generated at". */
  now: () => LogTime;
  calendar: WorkingDayCalendar;
  /** Agendas show initials and IDs unless the user turns names on (Settings). */
  initialsOnly: boolean;
  storage: KeyValueStore;
  userId: string;
  /** Called after a job wrote to the workbook, so views that list sheets look again. */
  workbookChanged: () => void;
  /** Bumped by `workbookChanged`. */
  workbookVersion: number;
}

export const PaneServicesContext = createContext<PaneServices | undefined>(undefined);

export function usePaneServices(): PaneServices {
  const services = useContext(PaneServicesContext);
  if (services === undefined) throw new Error("The job views must be inside the App's PaneServicesContext");
  return services;
}
