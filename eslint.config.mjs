import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/*
 * The layers (README, "Project layout"): the engine is pure and imports nothing above it; jobs work
 * over the WorkbookPort and never import an adapter (Office, .xlsx, the pane, the CLI); nothing
 * imports in a circle. Paths are resolved, so "../excel/x" and "../../excel/x" are the same folder.
 */
const ADAPTERS = ["./src/excel", "./src/xlsx", "./src/taskpane", "./src/cli"];
const ABOVE_ENGINE = ["./src/jobs", ...ADAPTERS, "./src/preview", "./src/commands"];

export default tseslint.config(
  { ignores: ["node_modules", "dist", "lib", "coverage", "test-results", "demo", "manifest-schemas"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      // Followed for no-cycle: TypeScript files, parsed as TypeScript.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/engine",
              from: ABOVE_ENGINE,
              message: "The engine is pure: it imports nothing from the jobs, the adapters or the pane.",
            },
          ],
        },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // A job's tests may read a real .xlsx file through its adapter; the job itself may not.
    files: ["src/jobs/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/jobs",
              from: ADAPTERS,
              message: "Jobs work over the WorkbookPort: they never import an adapter.",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no Office, no DOM, no clock, no I/O.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "fetch"],
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "node:*", "exceljs", "react", "*/excel/*", "*/xlsx/*", "*/taskpane/*"] },
      ],
    },
  },
);
