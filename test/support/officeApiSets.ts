import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/**
 * Which ExcelApi requirement set each Office.js member the port uses belongs to, proved from the
 * typings rather than remembered: `@types/office-js` annotates every member of the Excel namespace
 * with `[Api set: ExcelApi 1.x]` (the same annotations Microsoft's reference pages are built from),
 * and the port's narrow types in src/excel/OfficeApi.ts name the Excel class each stands for.
 *
 * `unguardedMembers` walks src/excel with the TypeScript checker and reports every use of a member
 * newer than the manifest's minimum that is not reached only through a guard for its set:
 * `this.supports(OPTIONAL_API.k)` (or a method returning it, or a const holding it) as the
 * condition of an `if`, a `?:` or an `&&` around it, or a `features.k` flag of `WriteFeatures`,
 * which `writeFeatures()` sets from `this.supports(OPTIONAL_API.k)`.
 */

export interface MemberSet {
  /** The ExcelApi 1.x minor version. */
  set: number;
  /** The Excel class of the member's type or return type (the element's, for an array). */
  type?: string;
}

/** Members every client object has from OfficeExtension.ClientObject, in ExcelApi 1.1. */
const CLIENT_OBJECT = new Set([
  "load",
  "isNullObject",
  "context",
  "toJSON",
  "track",
  "untrack",
  "set",
  "sync",
]);

/** The port's types (src/excel/OfficeApi.ts) and the Excel classes they stand for. */
export const PORT_TYPES: Readonly<Record<string, string>> = {
  ExcelContext: "RequestContext",
  ExcelWorkbookApi: "Workbook",
  ExcelWorksheetCollection: "WorksheetCollection",
  ExcelWorksheet: "Worksheet",
  ExcelTable: "Table",
  ExcelTableColumnCollection: "TableColumnCollection",
  ExcelTableColumn: "TableColumn",
  ExcelChart: "Chart",
  ExcelRange: "Range",
  ExcelConditionalFormatCollection: "ConditionalFormatCollection",
  ExcelConditionalFormat: "ConditionalFormat",
  ExcelRangeAreas: "RangeAreas",
  ExcelRangeFormat: "RangeFormat",
  ExcelCustomXmlPartCollection: "CustomXmlPartCollection",
  ExcelCustomXmlPartScopedCollection: "CustomXmlPartScopedCollection",
  ExcelCustomXmlPart: "CustomXmlPart",
  ExcelRunOptions: "RunOptions",
};

/**
 * The Excel namespace's classes and interfaces, member by member, from the typings: each member's
 * set (its own annotation, else its class's; the lowest over overloads) and its type.
 */
export function excelApiSets(dts: string): Map<string, Map<string, MemberSet>> {
  const known = parsedTypings.get(dts);
  if (known) return known;
  const parsed = parseApiSets(dts);
  parsedTypings.set(dts, parsed);
  return parsed;
}

/** The typings parsed once per process (they are 190,000 lines). */
const parsedTypings = new Map<string, Map<string, Map<string, MemberSet>>>();

function parseApiSets(dts: string): Map<string, Map<string, MemberSet>> {
  const classes = new Map<string, Map<string, MemberSet>>();
  const lines = dts.split("\n");
  const start = lines.indexOf("declare namespace Excel {");
  let members: Map<string, MemberSet> | undefined;
  let classSet: number | undefined;
  let pending: number | undefined;
  for (let i = start + 1; i < lines.length && lines[i] !== "}"; i++) {
    const line = lines[i] ?? "";
    const annotation = /\[Api set: ExcelApi 1\.(\d+)/.exec(line);
    if (annotation) pending = Number(annotation[1]);
    const declared = /^ {4}(?:export )?(?:class|interface) (\w+)/.exec(line);
    if (declared) {
      members = new Map();
      classes.set(declared[1] ?? "", members);
      classSet = pending;
      pending = undefined;
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??(\(|:)/.exec(line);
    if (member && members) {
      const name = member[1] ?? "";
      // A member with no annotation, in a class with none (RequestContext.workbook), is of the first set.
      const set = pending ?? classSet ?? 1;
      const type =
        member[2] === "("
          ? /\): (?:Excel\.)?([A-Z]\w*)(?:\[\])?;$/.exec(line)?.[1]
          : /: (?:Excel\.)?([A-Z]\w*)(?:\[\])?;$/.exec(line)?.[1];
      const known = members.get(name);
      if (!known || set < known.set) members.set(name, { set, ...(type ? { type } : {}) });
      pending = undefined;
    }
  }
  return classes;
}

export interface Violation {
  file: string;
  line: number;
  member: string;
  set: number;
  /** The set the surrounding guard covers (0: none). */
  guarded: number;
  /** Why the member may not be used at all, whatever the set. */
  forbidden?: string;
}

/**
 * Members the port must not use on any Excel. "Adds rows to tables using TableRowCollection.add (risk
 * of merge conflicts)" (Coauthoring in Excel add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins): trackers are
 * shared, so rows are written into ranges instead.
 */
export const FORBIDDEN_MEMBERS: Readonly<Record<string, string>> = {
  "TableRowCollection.add": "adding table rows makes merge conflicts between co-authors",
};

export interface CheckOptions {
  /** The manifest's minimum ExcelApi minor version (7). */
  minimum: number;
  /** OPTIONAL_API: guard keys and their "1.x" versions. */
  optional: Readonly<Record<string, string>>;
  /** Extra or replaced files (absolute path → text), for planting a call in a test. */
  overrides?: ReadonlyMap<string, string>;
}

/** Programs already built in this process, by their files: a program of the port takes seconds. */
const programs = new Map<string, ts.Program>();

/** A type-checked program of `files` (and the planted `overrides`), without loading @types. */
function programOf(files: readonly string[], overrides: ReadonlyMap<string, string>): ts.Program {
  const key = JSON.stringify([files, [...overrides]]);
  const built = programs.get(key) ?? buildProgram(files, overrides);
  programs.set(key, built);
  return built;
}

function buildProgram(files: readonly string[], overrides: ReadonlyMap<string, string>): ts.Program {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    types: [],
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(compilerOptions);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => overrides.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => overrides.has(path.resolve(name)) || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => {
    const text = overrides.get(path.resolve(name));
    return text !== undefined
      ? ts.createSourceFile(name, text, version, true)
      : getSourceFile(name, version, onError, create);
  };
  return ts.createProgram([...files, ...overrides.keys()], compilerOptions, host);
}

/** The source files of `files` and `overrides` in `program`. */
function checkedSources(
  program: ts.Program,
  files: readonly string[],
  overrides: ReadonlyMap<string, string>,
): ts.SourceFile[] {
  const wanted = new Set([...files.map((f) => path.resolve(f)), ...overrides.keys()]);
  return program.getSourceFiles().filter((s) => wanted.has(path.resolve(s.fileName)));
}

const minorOf = (version: string): number => Number(version.split(".")[1] ?? "0");

/** Every use in `files` of an Excel member above the minimum that no guard for its set covers. */
export function unguardedMembers(
  files: readonly string[],
  dtsPath: string,
  options: CheckOptions,
): Violation[] {
  const sets = excelApiSets(fs.readFileSync(dtsPath, "utf8"));
  const overrides = options.overrides ?? new Map<string, string>();
  const program = programOf(files, overrides);
  const checker = program.getTypeChecker();

  /** The Excel class a port type's member belongs to: by the map, or through its parent member. */
  const classOf = (declaration: ts.Node): string | undefined => {
    const parent = declaration.parent;
    if (ts.isInterfaceDeclaration(parent)) return PORT_TYPES[parent.name.text];
    if (!ts.isTypeLiteralNode(parent)) return undefined;
    const owner = parent.parent;
    if ((ts.isPropertySignature(owner) || ts.isMethodSignature(owner)) && ts.isIdentifier(owner.name)) {
      const ownerClass = classOf(owner);
      return ownerClass ? sets.get(ownerClass)?.get(owner.name.text)?.type : undefined;
    }
    return undefined;
  };

  /** The name of a port interface that PORT_TYPES does not map (OfficeHost is Office's, not Excel's). */
  const unmappedInterface = (declaration: ts.Node): string | undefined => {
    const parent = declaration.parent;
    if (!ts.isInterfaceDeclaration(parent)) return undefined;
    const name = parent.name.text;
    return name in PORT_TYPES || name === "OfficeHost" ? undefined : name;
  };

  /** The ExcelApi minor a guard expression proves, 0 when it is no guard. */
  const guardOf = (expression: ts.Expression, depth = 0): number => {
    if (depth > 5) return 0;
    if (ts.isParenthesizedExpression(expression)) return guardOf(expression.expression, depth + 1);
    if (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      return Math.max(guardOf(expression.left, depth + 1), guardOf(expression.right, depth + 1));
    }
    if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
      const name = expression.expression.name.text;
      const argument = expression.arguments[0];
      if (name === "supports" && argument && ts.isPropertyAccessExpression(argument)) {
        const version = options.optional[argument.name.text];
        return version ? minorOf(version) : 0;
      }
      // A method whose body is `return <guard>`.
      const declaration = checker.getSymbolAtLocation(expression.expression.name)?.declarations?.[0];
      if (declaration && ts.isMethodDeclaration(declaration) && declaration.body) {
        const [only] = declaration.body.statements;
        if (only && ts.isReturnStatement(only) && only.expression) return guardOf(only.expression, depth + 1);
      }
      return 0;
    }
    if (ts.isIdentifier(expression)) {
      const declaration = checker.getSymbolAtLocation(expression)?.declarations?.[0];
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
        return guardOf(declaration.initializer, depth + 1);
      }
      return 0;
    }
    if (ts.isPropertyAccessExpression(expression)) {
      const declaration = checker.getSymbolAtLocation(expression.name)?.declarations?.[0];
      const owner = declaration?.parent;
      if (owner && ts.isInterfaceDeclaration(owner) && owner.name.text === "WriteFeatures") {
        const version = options.optional[expression.name.text];
        return version ? minorOf(version) : 0;
      }
    }
    return 0;
  };

  /**
   * A receiver that only holds an object when a guard held: `const merged = canMerges ? ... :
   * undefined`. Strict null checks make every use of `merged.x` or `merged?.x` pass through it.
   */
  const receiverGuard = (node: ts.Node): number => {
    let root: ts.Node = node;
    while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return 0;
    const declaration = checker.getSymbolAtLocation(root)?.declarations?.[0];
    const initializer =
      declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    if (!initializer || !ts.isConditionalExpression(initializer)) return 0;
    const otherwise = initializer.whenFalse;
    return ts.isIdentifier(otherwise) && otherwise.text === "undefined" ? guardOf(initializer.condition) : 0;
  };

  /** The highest set the guards around `node` prove (`receiver`: the object the member is used on). */
  const guardedAt = (node: ts.Node, receiver?: ts.Node): number => {
    let best = receiver ? receiverGuard(receiver) : 0;
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isConditionalExpression(parent) && parent.whenTrue === child)
        best = Math.max(best, guardOf(parent.condition));
      if (ts.isIfStatement(parent) && parent.thenStatement === child)
        best = Math.max(best, guardOf(parent.expression));
      if (
        ts.isBinaryExpression(parent) &&
        parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        parent.right === child
      ) {
        best = Math.max(best, guardOf(parent.left));
      }
    }
    return best;
  };

  const violations: Violation[] = [];
  const report = (
    node: ts.Node,
    className: string,
    member: string,
    source: ts.SourceFile,
    receiver?: ts.Node,
  ): MemberSet | undefined => {
    if (CLIENT_OBJECT.has(member)) return { set: 1 };
    const info = sets.get(className)?.get(member);
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    const at = {
      file: path.relative(process.cwd(), source.fileName),
      line: line + 1,
      member: `${className}.${member}`,
    };
    const forbidden = FORBIDDEN_MEMBERS[at.member];
    if (forbidden) violations.push({ ...at, set: info?.set ?? 0, guarded: 0, forbidden });
    if (!info) {
      // Not in the typings at all: as bad as an unguarded member, and said as such.
      violations.push({ ...at, set: Number.POSITIVE_INFINITY, guarded: 0 });
      return undefined;
    }
    if (info.set > options.minimum) {
      const guarded = guardedAt(node, receiver);
      if (guarded < info.set) violations.push({ ...at, set: info.set, guarded });
    }
    return info;
  };

  /** `load("items/name,protection/protected")`: each step of each path, from the receiver's class. */
  const checkLoad = (call: ts.CallExpression, className: string, source: ts.SourceFile): void => {
    const [argument] = call.arguments;
    if (!argument || !ts.isStringLiteralLike(argument)) return;
    const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
    for (const loadPath of argument.text.split(",")) {
      let current: string | undefined = className;
      for (const step of loadPath.trim().split("/")) {
        if (!current) break;
        current = report(argument, current, step, source, receiver)?.type;
      }
    }
  };

  /**
   * A `WriteFeatures` flag given a value: `features.k` counts as a guard for set k, so every value a
   * flag is given (in `writeFeatures()` or any other object literal of that type) must itself be a
   * guard for that set, else a literal `{ autoFilter: true }` would reach 1.9 members unguarded.
   */
  const checkFeatureFlag = (
    node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment,
    source: ts.SourceFile,
  ): void => {
    const literal = node.parent;
    if (!ts.isObjectLiteralExpression(literal)) return;
    const owner = checker.getContextualType(literal)?.getSymbol()?.declarations?.[0];
    if (!owner || !ts.isInterfaceDeclaration(owner) || owner.name.text !== "WriteFeatures") return;
    const version = options.optional[node.name.getText(source)];
    if (!version || minorOf(version) <= options.minimum) return;
    const value = ts.isPropertyAssignment(node) ? node.initializer : node.name;
    if (value.kind === ts.SyntaxKind.FalseKeyword) return; // a feature left off needs no guard
    const guarded = guardOf(value);
    if (guarded >= minorOf(version)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    violations.push({
      file: path.relative(process.cwd(), source.fileName),
      line: line + 1,
      member: `WriteFeatures.${node.name.getText(source)}`,
      set: minorOf(version),
      guarded,
    });
  };

  for (const source of checkedSources(program, files, overrides)) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        checkFeatureFlag(node, source);
      }
      if (ts.isPropertyAccessExpression(node) || ts.isPropertyAssignment(node)) {
        const symbol = ts.isPropertyAccessExpression(node)
          ? checker.getSymbolAtLocation(node.name)
          : checker
              .getContextualType(node.parent as ts.ObjectLiteralExpression)
              ?.getProperty(node.name.getText(source));
        const declaration = symbol?.declarations?.[0];
        if (declaration && path.basename(declaration.getSourceFile().fileName) === "OfficeApi.ts") {
          const className = classOf(declaration);
          const member = symbol?.name ?? "";
          const unmapped = unmappedInterface(declaration);
          if (unmapped) {
            // A port type the map does not name: its members would go unchecked, so it is a finding.
            const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
            violations.push({
              file: path.relative(process.cwd(), source.fileName),
              line: line + 1,
              member: `${unmapped}.${symbol?.name ?? ""}`,
              set: Number.POSITIVE_INFINITY,
              guarded: 0,
            });
          }
          if (className) {
            report(
              node,
              className,
              member,
              source,
              ts.isPropertyAccessExpression(node) ? node.expression : undefined,
            );
            if (
              member === "load" &&
              ts.isPropertyAccessExpression(node) &&
              ts.isCallExpression(node.parent)
            ) {
              checkLoad(node.parent, className, source);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

/**
 * The static half of eslint-plugin-office-addins' load and sync rules, which cannot load under
 * ESLint 10 (see the README's "Why each dependency is there"): a `load()` of nothing
 * (no-empty-load), a load path ending in an object rather than a property (no-navigational-load:
 * Office loads every scalar of it, far more than needed), and a port object compared with null
 * where Office.js hands back a null object whose `isNullObject` must be tested instead
 * (test-for-null-using-isNullObject). The dynamic half (loading and syncing before reading) is the
 * fake's: reading a property not loaded and synced throws in every test that drives the port.
 */
export function loadRuleViolations(
  files: readonly string[],
  dtsPath: string,
  overrides: ReadonlyMap<string, string> = new Map(),
): string[] {
  const sets = excelApiSets(fs.readFileSync(dtsPath, "utf8"));
  const program = programOf(files, overrides);
  const checker = program.getTypeChecker();
  const fromPort = (node: ts.Node): ts.Declaration | undefined => {
    const declaration = checker.getNonNullableType(checker.getTypeAtLocation(node)).getSymbol()
      ?.declarations?.[0];
    return declaration && path.basename(declaration.getSourceFile().fileName) === "OfficeApi.ts"
      ? declaration
      : undefined;
  };
  const found: string[] = [];
  for (const source of checkedSources(program, files, overrides)) {
    const where = (node: ts.Node): string =>
      `${path.basename(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === "load" &&
        fromPort(node.expression.expression)
      ) {
        const [argument] = node.arguments;
        if (!argument || (ts.isStringLiteralLike(argument) && argument.text.trim() === "")) {
          found.push(`${where(node)} no-empty-load`);
        } else if (ts.isStringLiteralLike(argument)) {
          const declaration = fromPort(node.expression.expression);
          const parent = declaration?.parent;
          const owner =
            declaration && ts.isInterfaceDeclaration(declaration)
              ? PORT_TYPES[declaration.name.text]
              : parent && ts.isInterfaceDeclaration(parent)
                ? PORT_TYPES[parent.name.text]
                : undefined;
          for (const loadPath of argument.text.split(",")) {
            let current = owner;
            let last: MemberSet | undefined;
            for (const step of loadPath.trim().split("/")) {
              last = current ? sets.get(current)?.get(step) : undefined;
              current = last?.type;
            }
            if (last?.type && sets.has(last.type))
              found.push(`${where(argument)} no-navigational-load ${loadPath.trim()}`);
          }
        }
      }
      if (
        ts.isBinaryExpression(node) &&
        [
          ts.SyntaxKind.EqualsEqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsEqualsToken,
          ts.SyntaxKind.EqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsToken,
        ].includes(node.operatorToken.kind)
      ) {
        const other =
          node.right.kind === ts.SyntaxKind.NullKeyword
            ? node.left
            : node.left.kind === ts.SyntaxKind.NullKeyword
              ? node.right
              : undefined;
        if (other && fromPort(other)) found.push(`${where(node)} test-for-null-using-isNullObject`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
