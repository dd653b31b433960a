/**
 * The Excels the manifest admits (ExcelApi 1.7 and later), as the fake plays them: which ExcelApi
 * requirement sets each supports and whether it runs in a browser, which changes what undo does.
 *
 * Sets by version, from "Excel JavaScript API requirement sets" (the table "Requirement set
 * availability", https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * volume-licensed Office 2019 stops at ExcelApi 1.7, Office 2021 at 1.14, Office 2024 at 1.17;
 * Microsoft 365 on Windows has 1.20 from Version 2509, and Excel on the web has every set (1.20
 * included). ExcelApi 1.20 "adds undo support for Excel JavaScript APIs" (`RunOptions.mergeUndoGroup`,
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set):
 * before it, an add-in's changes cannot be undone and clear the user's undo stack.
 */
export interface ExcelHostProfile {
  /** How the README's support table names it. */
  label: string;
  /** The highest ExcelApi 1.x it supports. */
  excelApi: number;
  /**
   * Excel on the web undoes a few worksheet changes (name, position, visibility) that Excel on
   * Windows and Mac cannot (Undo capabilities, "Unsupported APIs").
   */
  platform: "desktop" | "web";
}

export const EXCEL_HOSTS = {
  excel2019: { label: "Excel 2019 (volume licence)", excelApi: 7, platform: "desktop" },
  excel2021: { label: "Excel 2021 (volume licence)", excelApi: 14, platform: "desktop" },
  excel2024: { label: "Excel 2024 (volume licence)", excelApi: 17, platform: "desktop" },
  microsoft365: { label: "Microsoft 365 (Version 2509 or later)", excelApi: 20, platform: "desktop" },
  web: { label: "Excel on the web", excelApi: 20, platform: "web" },
} as const satisfies Record<string, ExcelHostProfile>;

export type ExcelHostName = keyof typeof EXCEL_HOSTS;

/** Every host the manifest admits, oldest first. */
export const EXCEL_HOST_NAMES = Object.keys(EXCEL_HOSTS) as ExcelHostName[];
