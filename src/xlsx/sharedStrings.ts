import { parseXml } from "./xmlStream";
import { unescapeCellText } from "./xmlText";

/**
 * The workbook's shared strings (xl/sharedStrings.xml): the text of every `t="s"` cell, by index.
 * A rich text string is its runs' text joined; phonetic guides (<rPh>, furigana over Japanese text)
 * are not part of the text, as exceljs reads it.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let parts: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await parseXml(chunks, {
    open(name) {
      if (name === "si") parts = [];
      else if (name === "rPh") phonetic += 1;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si") {
        strings.push(unescapeCellText(parts?.join("") ?? ""));
        parts = undefined;
      } else if (name === "rPh") phonetic -= 1;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText) parts?.push(text);
    },
  });
  return strings;
}
