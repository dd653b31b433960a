import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV_URL = "https://localhost:3000/";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const runNode = (args: string[]): Run => {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

const validate = (manifestPath: string): Run =>
  runNode([path.join(ROOT, "scripts", "validate-manifest.js"), manifestPath]);

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A copy of the manifest, changed by `edit`, with the icons beside it as in the repository and in dist/. */
const variant = (name: string, edit: (xml: string) => string): string => {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  const edited = edit(MANIFEST);
  if (edited === MANIFEST) throw new Error(`the edit for ${name} changed nothing`);
  fs.writeFileSync(path.join(dir, "manifest.xml"), edited);
  return path.join(dir, "manifest.xml");
};

const pngSize = (file: string): { width: number; height: number } => {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe("the add-in manifest", () => {
  it("passes the offline schema validation and the reference checks", () => {
    const run = validate(path.join(ROOT, "manifest.xml"));
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/manifest\.xml is a valid add-in manifest/);
    expect(run.status).toBe(0);
  });

  it("loads every page and icon from https://localhost:3000 and names no other domain", () => {
    const urls = [...MANIFEST.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map(
      (m) => m[1] as string,
    );
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith(DEV_URL))).toEqual([]);
    expect(MANIFEST).not.toMatch(/<AppDomain>/);
  });

  it("names only icons that exist in assets/ at the pixel size it declares", () => {
    const images = new Map(
      [...MANIFEST.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    const uses = [...MANIFEST.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m) => ({
      size: Number(m[1]),
      url: images.get(m[2] as string),
    }));
    const top = (tag: string, size: number) => ({
      size,
      url: new RegExp(`<${tag} DefaultValue="([^"]+)"`).exec(MANIFEST)?.[1],
    });
    const all = [...uses, top("IconUrl", 32), top("HighResolutionIconUrl", 64)];
    expect(all.length).toBeGreaterThan(15);
    for (const { size, url } of all) {
      expect(url).toMatch(/^https:\/\/localhost:3000\/assets\/[a-z]+-\d+\.png$/);
      const file = path.join(ROOT, (url as string).slice(DEV_URL.length));
      expect({ file, ...pngSize(file) }).toEqual({ file, width: size, height: size });
    }
    // The ribbon needs 16, 32 and 80 px for every button and the group.
    expect(new Set(uses.map((u) => u.size))).toEqual(new Set([16, 32, 80]));
  });

  it("opens the pane on each job from its own ribbon button", () => {
    for (const job of ["check", "cases", "agenda", "summary", "deadline"]) {
      expect(MANIFEST).toContain(`DefaultValue="${DEV_URL}taskpane.html?job=${job}"`);
    }
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
  });

  it("still validates once its URLs are rewritten to a production folder, as the build does", () => {
    const file = variant("production", (xml) =>
      xml.split(DEV_URL).join("https://addins.example.gov.uk/tracker/"),
    );
    const run = validate(file);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("the manifest validator", () => {
  const expectOneProblem = (file: string, pattern: RegExp): void => {
    const run = validate(file);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines[lines.length - 1]).toMatch(/is not valid: \d+ problem\(s\)$/);
    expect(lines.slice(0, -1)).toEqual([expect.stringMatching(pattern)]);
  };

  it("rejects a manifest without an Id, naming the element the schema expected", () => {
    const file = variant("no-id", (xml) => xml.replace(/\s*<Id>[^<]*<\/Id>/, ""));
    expectOneProblem(
      file,
      /manifest\.xml:\d+: .*Element '\{[^}]+\}Version': This element is not expected\. Expected is \( \{[^}]+\}Id \)/,
    );
  });

  it("rejects a misspelt element", () => {
    const file = variant("bad-element", (xml) => xml.replace(/<DisplayName /, "<DisplayNam "));
    expectOneProblem(file, /Element '\{[^}]+\}DisplayNam': This element is not expected/);
  });

  it("rejects a misspelt element inside VersionOverrides, which the schema checks strictly", () => {
    const file = variant("bad-supertip", (xml) =>
      xml.replace("<Supertip>", "<SuperTip>").replace("</Supertip>", "</SuperTip>"),
    );
    expectOneProblem(file, /Element '\{[^}]+\}SuperTip': This element is not expected/);
  });

  it("rejects elements newer than the 2019 schemas, such as a shared runtime", () => {
    const file = variant("runtimes", (xml) =>
      xml.replace(
        '<Host xsi:type="Workbook">',
        '<Host xsi:type="Workbook"><Runtimes><Runtime resid="Commands.Url" lifetime="long"/></Runtimes>',
      ),
    );
    expectOneProblem(file, /Element '\{[^}]+\}Runtimes': This element is not expected/);
  });

  it("rejects a SourceLocation that is not https", () => {
    const file = variant("http", (xml) =>
      xml.replace(
        '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
      ),
    );
    expectOneProblem(
      file,
      /manifest\.xml:\d+: <SourceLocation> "http:\/\/localhost:3000\/taskpane\.html" is not https/,
    );
  });

  it("rejects a resource served from another origin", () => {
    const file = variant("other-origin", (xml) =>
      xml.replace(
        'DefaultValue="https://localhost:3000/commands.html"',
        'DefaultValue="https://cdn.example.com/commands.html"',
      ),
    );
    expectOneProblem(
      file,
      /<Url> "https:\/\/cdn\.example\.com\/commands\.html" is not on the add-in's origin https:\/\/localhost:3000/,
    );
  });

  it("rejects an AppDomain beyond the add-in's own origin", () => {
    const file = variant("app-domain", (xml) =>
      xml.replace(
        "  <Hosts>\n    <Host Name",
        "  <AppDomains><AppDomain>https://example.com</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name",
      ),
    );
    expectOneProblem(file, /<AppDomain> "https:\/\/example\.com" is another origin/);
  });

  it("rejects a resid that names no resource", () => {
    const file = variant("resid", (xml) =>
      xml.replace('<Label resid="Agenda.Label"/>', '<Label resid="Agenda.Lable"/>'),
    );
    expectOneProblem(file, /resid "Agenda\.Lable" on <Label> names no bt:Image, bt:Url or bt:String/);
  });

  it("rejects an icon whose pixels do not match the size the manifest declares", () => {
    const file = variant("icon-size", (xml) =>
      xml.replace(
        'id="CheckIcon.32" DefaultValue="https://localhost:3000/assets/check-32.png"',
        'id="CheckIcon.32" DefaultValue="https://localhost:3000/assets/check-16.png"',
      ),
    );
    expectOneProblem(file, /icon assets\/check-16\.png is 16×16 pixels; the manifest needs 32×32/);
  });

  it("rejects an icon that is missing", () => {
    const file = variant("icon-missing", (xml) =>
      xml.split("assets/summary-80.png").join("assets/summary-81.png"),
    );
    expectOneProblem(file, /icon https:\/\/localhost:3000\/assets\/summary-81\.png does not exist/);
  });

  it("says how to call it when given no manifest, and exits 2", () => {
    const run = runNode([path.join(ROOT, "scripts", "validate-manifest.js")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("usage: node scripts/validate-manifest.js <manifest.xml>\n");
  });
});

describe("the icon generator", () => {
  it("regenerates the committed icons byte for byte", () => {
    const run = runNode([path.join(ROOT, "scripts", "make-icons.js"), "--check"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
