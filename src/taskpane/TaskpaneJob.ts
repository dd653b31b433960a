import { z } from "zod";

/**
 * The jobs the pane can open on, as the ribbon buttons name them in the manifest's URLs
 * (`taskpane.html?job=check`). Each button opens the same pane on its own job.
 */
export const TaskpaneJob = z.enum(["check", "cases", "agenda", "summary", "deadline"]);
export type TaskpaneJob = z.infer<typeof TaskpaneJob>;

/**
 * The jobs this build of the pane can show; the others fall back to the deadline calculator.
 * Adding a job here makes the App's switch over it incomplete until the job has its view.
 */
export const AvailableJob = TaskpaneJob.extract(["deadline"]);
export type AvailableJob = z.infer<typeof AvailableJob>;

export const FALLBACK_JOB: AvailableJob = "deadline";

/** What the ribbon calls each job, for messages. */
export const JOB_TITLES: Readonly<Record<TaskpaneJob, string>> = {
  check: "Check data",
  cases: "My cases",
  agenda: "Agenda",
  summary: "Summary",
  deadline: "Deadline calculator",
};

export interface JobChoice {
  job: AvailableJob;
  /** Why the pane shows another job than the one asked for, in plain words. */
  notice?: string;
}

/**
 * Reads the job from the pane's URL query (`?job=agenda`): no job means the deadline calculator;
 * a job this build does not have, or a name it does not know, falls back to it with a short notice.
 *
 * @example readJobFromQuery("?job=summary") // { job: "deadline", notice: "Summary is not in this version ..." }
 */
export function readJobFromQuery(search: string): JobChoice {
  const requested = new URLSearchParams(search).get("job");
  if (requested === null || requested.trim() === "") return { job: FALLBACK_JOB };
  const parsed = TaskpaneJob.safeParse(requested.trim().toLowerCase());
  if (!parsed.success) {
    return {
      job: FALLBACK_JOB,
      notice: `The pane has no job called “${requested.slice(0, 40)}”. Showing the deadline calculator.`,
    };
  }
  const available = AvailableJob.safeParse(parsed.data);
  if (!available.success) {
    return {
      job: FALLBACK_JOB,
      notice: `${JOB_TITLES[parsed.data]} is not in this version of the add-in. Showing the deadline calculator.`,
    };
  }
  return { job: available.data };
}
