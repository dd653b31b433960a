/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core over the preview page
 * (the pane beside a grid of a generated sample workbook in memory), each job done the way a user
 * would, an accessibility scan of each, and a screenshot of each in test-results/.
 *
 * The preview is built once (webpack, about 30 s) into a temporary folder and served from 127.0.0.1;
 * any request to another origin fails the test, as does any Content Security Policy violation.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";
import { generateSampleTracker } from "../../src/engine/sample/generateSampleTracker";
import { generateSsda903Extract } from "../../src/engine/ssda903/generateSsda903Extract";
import { PREVIEW_CHILDREN } from "../../src/preview/previewWorkbook";
import { servePreview } from "./previewServer";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const SHOTS = path.join(ROOT, "test-results");
const TODAY = "2026-11-24";

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `Browser tests skipped: ${CHROMIUM} is missing. Install Debian's chromium (scripts/setup.sh does).`,
  );
const describeInBrowser = haveChromium ? describe : describe.skip;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describeInBrowser(`the task pane in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let built: string;
  let server: Awaited<ReturnType<typeof servePreview>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    built = mkdtempSync(path.join(os.tmpdir(), "tracker-preview-"));
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--config",
        path.join(ROOT, "webpack.preview.config.js"),
        "--env",
        `outputPath=${built}`,
      ],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    server = await servePreview(built);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    // Children's data never leaves the workbook: nothing but the page's own origin may be asked for.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith("data:")) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) pageProblems.push(m.text());
    });
    page.on("pageerror", (e) => pageProblems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (built) rmSync(built, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(foreignRequests).toEqual([]);
    expect(pageProblems).toEqual([]);
  });

  const open = async (job: string): Promise<void> => {
    await page.goto(`${server.origin}/preview.html?job=${job}&today=${TODAY}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  };
  const pane = () => page.getByTestId("pane");
  const grid = () => page.getByTestId("grid");
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const cellText = (address: string) => grid().locator(`td[data-address="${address}"]`).innerText();

  const expectNoSeriousAxeViolations = async (): Promise<void> => {
    // Evaluated through the DevTools protocol, so the page's CSP (rightly) does not stop the scanner.
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: object, o: object) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      // Fluent's focus manager (Tabster) puts invisible <i tabindex=0 aria-hidden> sentinels at the
      // edges of the tab list and cards to steer Tab; they pass focus on at once and are never
      // announced. axe flags them as aria-hidden-focus; everything else is scanned.
      const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
      }));
    });
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  };

  it("checks the data, takes the user to an issue's cell, applies a date fix and undoes it", async () => {
    await open("check");
    await pane().getByRole("button", { name: "Run the checks" }).click();
    await pane()
      .getByText(/issues found/)
      .waitFor();
    await pane()
      .getByText(/^\d+ checks ran on \d+ sheets?, /)
      .waitFor();
    await shot("1-check-issues");

    // A text date the fix will make a real date, shown differently once fixed (e.g. "3 April 2019").
    const changes = await pane()
      .getByRole("list", { name: "Changes the fixes will make" })
      .locator("li")
      .allInnerTexts();
    const dateFix = changes
      .map((t) => /^(.+)!([A-Z]+\d+): “(.*)” → “(\d{2}\/\d{2}\/\d{4})”$/.exec(t))
      .find((m): m is RegExpExecArray => m !== null && m[3] !== m[4]);
    expect(dateFix).toBeDefined();
    const [, sheet, cell, oldText, newText] = dateFix as unknown as [string, string, string, string, string];

    await pane()
      .getByRole("button", { name: new RegExp(`^Go to ${sheet} ${cell}:`) })
      .first()
      .click();
    await expect(grid().getByTestId("grid-selection").innerText()).resolves.toBe(
      `${sheet}!${cell} = ${oldText}`,
    );
    await expect(grid().locator(`td[data-address="${cell}"]`).getAttribute("data-selected")).resolves.toBe(
      "true",
    );
    await expect(
      grid().locator(`button[data-sheet-tab="${sheet}"]`).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    const inView = await grid()
      .locator('td[data-selected="true"]')
      .evaluate((el) => {
        const box = (el.closest('[role="region"]') as Element).getBoundingClientRect();
        const at = el.getBoundingClientRect();
        return at.top >= box.top && at.bottom <= box.bottom && at.left >= box.left && at.right <= box.right;
      });
    expect(inView).toBe(true);
    await shot("2-check-issue-selected");

    // Untick one change other than the date fix: only the ticked ones are applied.
    const list = pane().getByRole("list", { name: "Changes the fixes will make" });
    const total = await list.locator("li").count();
    const keptOut = changes.findIndex((t) => !t.startsWith(`${sheet}!${cell}:`));
    expect(keptOut).toBeGreaterThanOrEqual(0);
    const keptOutText = changes[keptOut] as string;
    await list.getByRole("checkbox").nth(keptOut).uncheck();
    await pane()
      .getByRole("button", { name: `Apply ${total - 1} ${total - 1 === 1 ? "fix" : "fixes"}` })
      .click();
    await pane()
      .getByText(new RegExp(`^Applied ${total - 1} fixes as change set CS-20261124-0900`))
      .waitFor();
    // The unticked change was not made, so the next check proposes it again.
    await expect(list.locator("li").allInnerTexts()).resolves.toContain(keptOutText);
    await expect(cellText(cell)).resolves.toBe(newText);
    await pane()
      .getByRole("heading", { name: /^Change log \([1-9]\d* changes\)$/ })
      .waitFor();
    await expect(grid().locator('button[data-sheet-tab="Change log"]').count()).resolves.toBe(1);
    await expectNoSeriousAxeViolations();
    await shot("3-check-fixes-applied");

    await pane().getByRole("button", { name: "Undo CS-20261124-0900" }).click();
    await pane()
      .getByText(/^Undid \d+ changes of CS-20261124-0900/)
      .waitFor();
    await expect(cellText(cell)).resolves.toBe(oldText);
    await pane()
      .getByRole("button", { name: /^Undo RV-20261124-0900/ })
      .waitFor();
    await grid().locator('button[data-sheet-tab="Change log"]').click();
    await expect(grid().locator("tbody tr").count()).resolves.toBeGreaterThan(2);
    await shot("4-check-undone");
  });

  it("refreshes from the case system's files: grouped changes, one unticked, applied and undone through the Change log", async () => {
    // The preview's sample tracker and its matching SSDA903 extract, made as the preview makes them.
    const asOf = parseIsoDate(TODAY) as EpochDay;
    const sample = generateSampleTracker({ children: PREVIEW_CHILDREN, seed: 1, asOf, messy: true });
    const extract = generateSsda903Extract(sample, { asOf, seed: 1 });
    const count = (kind: string) => extract.planted.filter((p) => p.kind === kind).length;
    await open("check");
    await pane()
      .getByLabel("SSDA903 CSV files")
      .setInputFiles(
        extract.files.map((f) => ({
          name: f.name,
          mimeType: "text/csv",
          buffer: Buffer.from(f.text, "utf8"),
        })),
      );
    const refresh = pane().getByRole("region", { name: "Refresh from case system" });
    await refresh.getByRole("heading", { name: `Cells filled (${count("fill")})` }).waitFor();
    for (const heading of [
      `Conflicts (${count("conflict")})`,
      `New children (${count("new-child")})`,
      `Left care (${count("ceased")})`,
    ])
      await refresh.getByRole("heading", { name: heading }).waitFor();
    // Conflicts keep the tracker's value until ticked; everything else is ticked.
    const conflicts = refresh.getByRole("region", { name: /^Conflicts/ }).getByRole("checkbox");
    await expect(conflicts.first().isChecked()).resolves.toBe(false);
    const fills = refresh.getByRole("region", { name: /^Cells filled/ });
    const firstFill = (await fills.locator("li").first().innerText()).trim();
    const filledCell = /^([A-Z]+\d+) /.exec(firstFill)?.[1] as string;
    await fills.getByRole("checkbox").first().uncheck();
    await expectNoSeriousAxeViolations();
    await shot("10-refresh-from-case-system");

    const apply = refresh.getByRole("button", { name: /^Apply \d+ changes$/ });
    const total = Number(/\d+/.exec(await apply.innerText())?.[0]);
    await apply.click();
    await refresh
      .getByText(new RegExp(`^Applied ${total} changes from the case system as change set RF-20261124-0900`))
      .waitFor();
    // The unticked fill was not made.
    await grid().locator('button[data-sheet-tab="Joint Tracker"]').click();
    await expect(cellText(filledCell)).resolves.toBe("");
    await pane().getByRole("button", { name: "Undo RF-20261124-0900" }).click();
    await pane()
      .getByText(/^Undid \d+ changes of RF-20261124-0900/)
      .waitFor();
    await shot("11-refresh-undone");

    // A regional file of two authorities: the pane asks which to read.
    const header = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,LA";
    const region = [
      header,
      "R1,01/04/2026,S,C2,N1,U4,PR1,,,Eastborough",
      "R2,01/06/2026,S,C1,N1,U6,PR1,,,Westvale",
    ];
    await pane()
      .getByLabel("SSDA903 CSV files")
      .setInputFiles([
        { name: "region.csv", mimeType: "text/csv", buffer: Buffer.from(region.join("\r\n")) },
      ]);
    await refresh.getByRole("combobox", { name: "Authority" }).selectOption("Westvale");
    await refresh.getByText("R2, looked after since 01/06/2026: new row", { exact: false }).waitFor();
    await expect(refresh.getByText("R1,", { exact: false }).count()).resolves.toBe(0);
  });

  it("picks a worker, shows their overdue rows and takes the user to a row; the choice is remembered", async () => {
    await open("cases");
    const worker = pane().getByRole("combobox", { name: "Worker" });
    await expect(worker.isEnabled()).resolves.toBe(true);
    const names = (await worker.locator("option").allInnerTexts()).filter((n) => !n.startsWith("Choose"));
    expect(names.length).toBeGreaterThan(1);
    let chosen: string | undefined;
    for (const name of names) {
      await worker.selectOption(name);
      if (
        (await pane()
          .getByText(/overdue by/)
          .count()) > 0
      ) {
        chosen = name;
        break;
      }
    }
    expect(chosen).toBeDefined();
    await pane()
      .getByText(new RegExp(`rows for ${chosen}`))
      .waitFor();
    const firstCase = pane().getByRole("list", { name: "Cases" }).locator("li").first();
    await expect(firstCase.getByText("Red").count()).resolves.toBeGreaterThan(0);
    await firstCase.getByRole("button", { name: /^Go to / }).click();
    await expect(grid().getByTestId("grid-selection").innerText()).resolves.toMatch(/^.+ row \d+$/);
    await expect(grid().locator('tr[data-selected="true"]').count()).resolves.toBe(1);
    await expectNoSeriousAxeViolations();
    await shot("5-my-cases");

    await open("cases");
    await expect(pane().getByRole("combobox", { name: "Worker" }).inputValue()).resolves.toBe(chosen);
  });

  it("generates an agenda: the sheet appears in the grid, and regenerating warns it will be replaced", async () => {
    await open("agenda");
    await pane().getByRole("textbox", { name: "Surgery date (dd/mm/yyyy)", exact: true }).fill("24/11/2026");
    await pane()
      .getByRole("textbox", { name: /^Next surgery date/ })
      .fill("22/12/2026");
    await pane().getByRole("button", { name: "Generate the agenda" }).click();
    await pane()
      .getByText(/^Wrote the agenda with \d+ cases of \d+ workers/)
      .waitFor();
    await expect(grid().locator('button[data-sheet-tab="Agenda JTM 2026-11-24"]').count()).resolves.toBe(1);
    await pane().getByText("“Agenda JTM 2026-11-24” is already in the workbook", { exact: false }).waitFor();
    await pane().getByRole("button", { name: "Open “Agenda JTM 2026-11-24”" }).click();
    await expect(grid().getByTestId("grid-selection").innerText()).resolves.toMatch(
      /^Agenda JTM 2026-11-24!A1 = /,
    );
    await expectNoSeriousAxeViolations();
    await shot("6-agenda");

    // Every open case, not only those with something to discuss: more cases, the same sheet.
    const casesIn = async (pattern: RegExp): Promise<number> =>
      Number(((await pane().getByText(pattern).innerText()).match(/with (\d+) cases/) ?? [])[1]);
    const discussed = await casesIn(/^Wrote the agenda with \d+ cases/);
    await pane().getByRole("switch", { name: "List every open case" }).check();
    await pane().getByRole("button", { name: "Regenerate the agenda" }).click();
    await pane()
      .getByText(/^Replaced the agenda with \d+ cases/)
      .waitFor();
    expect(await casesIn(/^Replaced the agenda with \d+ cases/)).toBeGreaterThan(discussed);
    await shot("6b-agenda-every-open-case");
    await pane().getByRole("switch", { name: "List every open case" }).uncheck();

    // Narrowed to one worker, picked from the names the tracker holds: a sheet of its own.
    await pane().getByRole("radio", { name: "A worker" }).check();
    const workers = pane().getByRole("combobox", { name: "Worker" });
    const first = (await workers.locator("option").allInnerTexts()).find(
      (n) => !n.startsWith("Choose"),
    ) as string;
    await workers.selectOption(first);
    await pane().getByRole("button", { name: "Generate the agenda" }).click();
    const openLink = pane().getByRole("button", { name: /^Open “Agenda JTM 2026-11-24 .+”$/ });
    await openLink.waitFor();
    const sheet = ((await openLink.innerText()).match(/“(.+)”/) ?? [])[1] as string;
    expect(sheet.length).toBeLessThanOrEqual(31);
    await expect(grid().locator(`button[data-sheet-tab="${sheet}"]`).count()).resolves.toBe(1);
    await expect(grid().locator('button[data-sheet-tab="Agenda JTM 2026-11-24"]').count()).resolves.toBe(1);
  });

  it("generates a month's summary: its sheets appear in the grid", async () => {
    await open("summary");
    await pane().getByRole("combobox", { name: "Month" }).selectOption("2026-10");
    await pane().getByRole("button", { name: "Generate the summary" }).click();
    const links = pane().getByRole("button", { name: /^“.+”$/ });
    await links.first().waitFor();
    const written = (await links.allInnerTexts()).map((t) => t.replace(/^“|”$/g, ""));
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const name of written)
      await expect(grid().locator(`button[data-sheet-tab="${name}"]`).count()).resolves.toBe(1);
    await links.first().click();
    await expect(grid().getByTestId("grid-selection").innerText()).resolves.toMatch(
      new RegExp(`^${written[0]}!A1`),
    );
    await expectNoSeriousAxeViolations();
    await shot("7-summary");
  });

  it("shows the settings: as-of date, privacy, standards, holidays and the column mapping", async () => {
    await open("settings");
    await pane()
      .getByText(/national defaults|Standards sheet/)
      .first()
      .waitFor();
    await pane()
      .getByText(/^Joint Tracker: Read from “Joint Tracker”/)
      .click();
    const mapping = pane().getByRole("group", { name: "Column mapping of Joint Tracker" });
    await mapping.waitFor();
    await expectNoSeriousAxeViolations();
    await shot("8-settings");

    // A required column not read: the pane asks which header holds it (not saved).
    const became = mapping.getByRole("combobox", { name: "F “Date became LAC”" });
    await became.selectOption({ label: "Not read" });
    const required = mapping.getByRole("combobox", {
      name: "“Date became looked after” (required) is read from",
    });
    await required.waitFor();
    await shot("8b-settings-required-column");
    await required.selectOption({ label: "F “Date became LAC”" });
    await expect(became.inputValue()).resolves.toBe("becameLookedAfter");

    // A header read as another column, saved in the workbook's profile: the next read follows it.
    await mapping
      .getByRole("combobox", { name: "K “1st LAC review”" })
      .selectOption({ label: "2nd CLA review" });
    await expect(mapping.getByRole("combobox", { name: "L “2nd LAC review”" }).inputValue()).resolves.toBe(
      "",
    );
    await mapping.getByRole("button", { name: "Save mapping" }).click();
    await pane()
      .getByText(/^Saved how Joint Tracker is read/)
      .waitFor();
    // The pane reads the workbook again after saving: wait for the fresh mapping.
    const readAs = async (): Promise<string> => {
      for (let tries = 0; tries < 50; tries++) {
        const value = await pane().getByRole("combobox", { name: "K “1st LAC review”" }).inputValue();
        if (value === "secondReview") return value;
        await page.waitForTimeout(100);
      }
      return pane().getByRole("combobox", { name: "K “1st LAC review”" }).inputValue();
    };
    await expect(readAs()).resolves.toBe("secondReview");
    await expect(
      pane()
        .getByText(/^Saved how Joint Tracker is read/)
        .innerText(),
    ).resolves.toMatch(/every job reads it that way from now on\.$/);
    await shot("8c-settings-mapping-saved");

    // The jobs run so far recorded the tracker's overwritten dates in the hidden Tracker history:
    // the pane's link unhides it and goes to it.
    const history = grid().locator('button[data-sheet-tab="Tracker history"]');
    await expect(history.count()).resolves.toBe(0);
    await pane().getByRole("button", { name: "Show the Tracker history" }).click();
    await history.waitFor();
    await expect(grid().getByTestId("grid-selection").innerText()).resolves.toMatch(/^Tracker history!A1/);
    await shot("8d-settings-tracker-history");
  });

  it("fits Office's narrowest pane, 320 px, without sideways scrolling, and is keyboard reachable", async () => {
    await open("check");
    const width = await pane().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute("role") ?? document.activeElement?.tagName,
    );
    expect(focused).toBe("tab");
    // Arrow keys move between the jobs' tabs; Enter on a tab opens it.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await pane().getByRole("heading", { name: "My cases", level: 1 }).waitFor();
  });

  it("follows a dark Office theme", async () => {
    await page.goto(`${server.origin}/preview.html?job=check&today=${TODAY}&theme=dark`);
    await pane().getByRole("button", { name: "Run the checks" }).click();
    await pane()
      .getByText(/issues found/)
      .waitFor();
    const background = await pane()
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(3 * 80);
    await expectNoSeriousAxeViolations();
    await shot("9-dark-theme");
  });
});
