import type { AgendaRequest } from "../../src/engine/agenda/planSurgeryAgenda";
import type { EpochDay } from "../../src/engine/dates/epochDay";

/** The joint tracking agenda of `day`, initials only, as the pane asks for it on that day. */
export function jointTrackingRequest(day: EpochDay, generatedAt: string): AgendaRequest {
  return { surgery: "joint-tracking", date: day, asOf: day, names: false, all: false, generatedAt };
}
