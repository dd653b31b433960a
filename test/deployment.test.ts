import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/*
 * scripts/check-deployment.js on a dist/ made here as `npm run build` makes it (the manifest with its
 * development address replaced, the pages, a content-hashed bundle, the icons), without building.
 */

const ROOT = path.join(__dirname, "..");
const DEV_URL = "https://localhost:3000/";
const HOST = "https://addins.example.gov.uk/tracker/";

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deployment-test-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A dist/ built for `builtFor`, changed by `edit` (given the folder) before it is checked. */
function dist(name: string, builtFor: string, edit: (dir: string) => void = () => undefined): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  fs.writeFileSync(path.join(dir, "manifest.xml"), manifest.split(DEV_URL).join(builtFor));
  fs.writeFileSync(
    path.join(dir, "taskpane.html"),
    "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.0a1b2c3d.js></script>",
  );
  fs.writeFileSync(path.join(dir, "taskpane.0a1b2c3d.js"), "");
  for (const page of ["commands.html", "support.html"]) fs.writeFileSync(path.join(dir, page), "");
  edit(dir);
  return dir;
}

const check = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "check-deployment.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe("checking a build before it is deployed", () => {
  it("passes a dist/ built for the address it will be served from, whose version was raised", () => {
    const run = check(HOST, dist("good", HOST), "--previous", "0.0.9.0");
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`(manifest version 0.1.0.0) is ready to deploy at ${HOST}`);
    expect(run.status).toBe(0);
  });

  it("refuses a build still pointing at the development server or made for another address", () => {
    const local = check(HOST, dist("local", DEV_URL));
    expect(local.status).toBe(1);
    expect(local.stderr).toContain(`https://localhost:3000/taskpane.html is not under ${HOST}`);
    expect(local.stderr).toContain(`build with ADDIN_PROD_URL=${HOST}`);
    const other = check("https://intranet.example.gov.uk/addins/", dist("other", HOST));
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("is not under https://intranet.example.gov.uk/addins/");
  });

  it("refuses the build's placeholder address", () => {
    const placeholder = "https://www.contoso.com/permanence-tracker/";
    const run = check(placeholder, dist("placeholder", placeholder));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is the build's placeholder address, not yours");
  });

  it("names a page, icon or bundle the manifest or the pane needs that is not in dist/", () => {
    const run = check(
      HOST,
      dist("missing", HOST, (dir) => {
        fs.rmSync(path.join(dir, "support.html"));
        fs.rmSync(path.join(dir, "taskpane.0a1b2c3d.js"));
      }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${HOST}support.html is not in`);
    expect(run.stderr).toContain("loads taskpane.0a1b2c3d.js, which is not in");
  });

  it("refuses an update whose manifest version was not raised, as Office would ignore it", () => {
    const run = check(HOST, dist("same-version", HOST), "--previous", "0.1.0.0");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("<Version> 0.1.0.0 is not higher than the deployed 0.1.0.0");
  });

  it("says how to use it when called wrongly, and when there is no build", () => {
    expect(check().status).toBe(2);
    const none = check(HOST, path.join(scratch, "nothing-here"));
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("run npm run build first");
  });
});
