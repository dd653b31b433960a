import { z } from "zod";

/**
 * The jobs the pane can open on, as the ribbon buttons name them in the manifest's URLs
 * (`taskpane.html?job=check`). Each button opens the same pane on its own job; Settings is reached
 * from the pane's own tabs.
 */
export const TaskpaneJob = z.enum(["check", "cases", "agenda", "summary", "settings", "deadline"]);
export type TaskpaneJob = z.infer<typeof TaskpaneJob>;

/** What opens when the URL names no job (the pane opened from Excel's add-ins list). */
export const FALLBACK_JOB: TaskpaneJob = "check";

/** What the pane calls each job: its tab and heading. */
export const JOB_TITLES: Readonly<Record<TaskpaneJob, string>> = {
  check: "Check data",
  cases: "My cases",
  agenda: "Agenda",
  summary: "Summary",
  settings: "Settings",
  deadline: "Deadline calculator",
};

export interface JobChoice {
  job: TaskpaneJob;
  /** Why the pane shows another job than the one asked for, in plain words. */
  notice?: string;
}

/**
 * Reads the job from the pane's URL query (`?job=agenda`): no job means Check data; a name it does
 * not know falls back to it with a short notice.
 *
 * @example readJobFromQuery("?job=summary") // { job: "summary" }
 */
export function readJobFromQuery(search: string): JobChoice {
  const requested = new URLSearchParams(search).get("job");
  if (requested === null || requested.trim() === "") return { job: FALLBACK_JOB };
  const parsed = TaskpaneJob.safeParse(requested.trim().toLowerCase());
  if (!parsed.success) {
    return {
      job: FALLBACK_JOB,
      notice: `The pane has no job called “${requested.slice(0, 40)}”. Showing ${JOB_TITLES[FALLBACK_JOB]}.`,
    };
  }
  return { job: parsed.data };
}
