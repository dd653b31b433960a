import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { MemoryWorkbook } from "../../engine/port/MemoryWorkbook";
import type { WorkbookPort } from "../../engine/port/WorkbookPort";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { loadProfile } from "../../jobs/loadProfile";
import { readTracker } from "../../jobs/readTracker";
import { statusTracker } from "../../jobs/statusTracker";
import { casesOfWorker, workersOf } from "./casesOfWorker";
import { mappingViews } from "./mappingRows";
import { JobCancelled } from "./plainError";
import { watchPort, type JobProgress } from "./watchPort";

const asOf = parseIsoDate("2026-11-24") as EpochDay;
const sampleWorkbook = (): MemoryWorkbook =>
  new MemoryWorkbook(
    generateSampleTracker({ children: 40, seed: 3, asOf, messy: true }).sheets.map((s) => ({
      name: s.name,
      values: s.values,
      merges: s.merges ?? [],
    })),
  );

describe("watching a job's calls to the workbook", () => {
  it("reports each sheet read with its rows, and the running total", async () => {
    const seen: JobProgress[] = [];
    const port = watchPort(sampleWorkbook(), {
      signal: new AbortController().signal,
      onProgress: (p) => seen.push(p),
    });
    await statusTracker(port, { asOf });
    const last = seen[seen.length - 1];
    expect(seen.some((p) => p.step === "Reading Joint Tracker")).toBe(true);
    expect(seen.find((p) => p.step.startsWith("Read Joint Tracker ("))?.step).toMatch(
      /^Read Joint Tracker \(\d+ rows\)$/,
    );
    expect(last?.sheets).toBe(6);
    expect(last?.rows).toBeGreaterThan(40);
  });

  it("stops a cancelled job at its next read", async () => {
    const abort = new AbortController();
    const port = watchPort(sampleWorkbook(), {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.step.startsWith("Read ")) abort.abort();
      },
    });
    await expect(statusTracker(port, { asOf })).rejects.toBeInstanceOf(JobCancelled);
  });

  it("lets a job that has started writing finish, so a fix is never left out of the log", async () => {
    const abort = new AbortController();
    const memory = sampleWorkbook();
    const port = watchPort(memory, { signal: abort.signal, onProgress: () => undefined });
    await port.writeSheet({ name: "Out", purpose: "agenda", runs: [] });
    abort.abort();
    await port.writeSheet({ name: "Out 2", purpose: "agenda", runs: [] });
    expect((await memory.listSheets()).map((s) => s.name)).toContain("Out 2");
  });
});

describe("my cases and the column mapping, over the sample tracker", () => {
  it("lists a worker's rows worst first, with every overdue line among the actions", async () => {
    const status = await statusTracker(sampleWorkbook(), { asOf });
    const workers = workersOf(status.rows);
    expect(workers.length).toBeGreaterThan(1);
    expect([...workers].sort((a, b) => a.localeCompare(b, "en-GB"))).toEqual(workers);
    const worker = workers.find((w) => status.rows.some((r) => r.worker === w && r.rag === "red")) as string;
    const cases = casesOfWorker(status.rows, worker, asOf, status.standards);
    expect(cases.length).toBe(status.rows.filter((r) => r.worker?.trim() === worker).length);
    expect(cases[0]?.rag).toBe("red");
    const overdue = cases.flatMap((c) => c.actions.filter((a) => a.status === "overdue"));
    expect(overdue.length).toBeGreaterThan(0);
    for (const line of overdue) expect(line.explanation).toMatch(/overdue/);
    for (const c of cases)
      for (const a of c.actions) expect(["overdue", "due soon", "not yet due"]).toContain(a.status);
  });

  it("lists what falls due by a later date as well as what is overdue", async () => {
    const status = await statusTracker(sampleWorkbook(), { asOf });
    const worker = workersOf(status.rows)[0] as string;
    const now = casesOfWorker(status.rows, worker, asOf, status.standards).flatMap((c) => c.actions);
    const later = casesOfWorker(status.rows, worker, asOf + 90, status.standards).flatMap((c) => c.actions);
    expect(later.length).toBeGreaterThan(now.length);
  });

  it("shows each sheet's detected headers against the profile columns they feed", async () => {
    const port = sampleWorkbook();
    const loaded = await loadProfile(port);
    const views = mappingViews(await readTracker(port, loaded.profile), loaded.profile);
    expect(views.map((v) => v.title)).toEqual(loaded.profile.sheets.map((s) => s.title));
    const joint = views[0];
    expect(joint?.summary).toMatch(/^Read from “Joint Tracker”, header on row \d+, \d+ rows\.$/);
    expect(joint?.lines[0]?.column).toBe("A");
    expect(joint?.lines.some((l) => l.reads === "Social worker")).toBe(true);
  });

  it("tells the pane every note: an output written beside a user's sheet, what the host could not do", async () => {
    const memory = new MemoryWorkbook([{ name: "Data quality", values: [["The user's own list"]] }]);
    const host: WorkbookPort = Object.assign(memory, {
      takeNotes: (() => {
        let told = false;
        return (): string[] =>
          told ? [] : ((told = true), ["This version of Excel cannot hide gridlines."]);
      })(),
    });
    const heard: string[] = [];
    const port = watchPort(host, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
      onNotes: (notes) => heard.push(...notes),
    });
    const written = await port.writeSheet({ name: "Data quality", purpose: "dataQuality", runs: [] });
    expect(written.name).toBe("Data quality (2)");
    expect(heard).toEqual([
      "A sheet named “Data quality” is already in the workbook and is not the add-in's, so it was left alone and the new one is called “Data quality (2)”.",
      "This version of Excel cannot hide gridlines.",
    ]);
  });

  it("says when a job first writes, once, so the pane forgets the notes of an earlier write then", async () => {
    let starts = 0;
    const port = watchPort(new MemoryWorkbook(), {
      signal: new AbortController().signal,
      onProgress: () => undefined,
      onWriteStart: () => starts++,
    });
    await port.listSheets();
    expect(starts).toBe(0);
    await port.writeSheet({ name: "A", purpose: "agenda", runs: [] });
    await port.writeSheet({ name: "B", purpose: "agenda", runs: [] });
    expect(starts).toBe(1);
  });
});
