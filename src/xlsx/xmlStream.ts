import { SaxesParser, type SaxesTagPlain } from "saxes";
import { StringDecoder } from "node:string_decoder";

/*
 * Parsing a part's XML as it is inflated, one piece at a time, with saxes (the SAX parser exceljs
 * itself reads with): a worksheet of 100,000 rows is never one string, and only what a handler keeps
 * stays in memory.
 */

export interface XmlHandlers {
  /** An element opens; `name` is its local name (no namespace prefix). */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  /** An element closes (also after an empty element's open). */
  close(name: string): void;
  /** Text or CDATA inside the current element, entities decoded. */
  text(text: string): void;
}

export async function parseXml(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  handlers: XmlHandlers,
): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (node: SaxesTagPlain) =>
    handlers.open(localName(node.name), node.attributes, node.isSelfClosing),
  );
  parser.on("closetag", (node: SaxesTagPlain) => handlers.close(localName(node.name)));
  parser.on("text", handlers.text);
  parser.on("cdata", handlers.text);
  const decoder = new StringDecoder("utf8");
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    // A byte order mark before the XML declaration is allowed in the file but not by the parser.
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    parser.write(text);
    if (failure) throw failure;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
