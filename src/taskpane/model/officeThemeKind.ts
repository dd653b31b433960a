/**
 * Light or dark, from the Office theme's body background ("#1F1F1F") where the host exposes it
 * (`Office.context.officeTheme`; not every host does): dark when the colour's relative luminance is
 * under a half. Light when there is no colour or it cannot be read.
 */
export function officeThemeKind(background: string | undefined): "light" | "dark" {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background?.trim() ?? "");
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
