import { randomUUID } from "node:crypto";
import { SaxesParser } from "saxes";
import { CONTENT_TYPES, XlsxPackage, resolveTarget } from "./XlsxPackage";

/**
 * Custom XML parts as Excel stores them in a package: `customXml/itemN.xml` holding the XML, related
 * from the workbook part, with its properties part `customXml/itemPropsN.xml` (ECMA-376 part 1,
 * 15.2.5 and 22.5). Office.js's `workbook.customXmlParts.getByNamespace` finds a part by its root
 * element's namespace, so a part written here is the one the add-in finds in Excel, and the other way
 * round.
 */
const CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";

/** The path of the custom XML part related from the workbook whose root is in `namespace`, if any. */
export function findCustomXmlPart(
  pkg: XlsxPackage,
  workbookPath: string,
  namespace: string,
): string | undefined {
  for (const rel of pkg.relationships(workbookPath)) {
    if (rel.type !== CUSTOM_XML || rel.external) continue;
    const path = resolveTarget(workbookPath, rel.target);
    const xml = pkg.text(path);
    if (xml !== undefined && rootNamespaceOf(xml) === namespace) return path;
  }
  return undefined;
}

/** Replaces the XML of the workbook's part in `namespace`, adding the part when there is none. */
export function writeCustomXmlPart(
  pkg: XlsxPackage,
  workbookPath: string,
  namespace: string,
  xml: string,
): void {
  const existing = findCustomXmlPart(pkg, workbookPath, namespace);
  const text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
  if (existing !== undefined) {
    pkg.write(existing, text);
    return;
  }
  const item = pkg.freshPartName("customXml/item1.xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.write(item, text);
  pkg.write(
    props,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="${DATASTORE}"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  pkg.setContentType(props, CUSTOM_XML_PROPS_TYPE);
  if (pkg.contentTypeOf(item) === undefined) pkg.setDefaultContentType("xml", CONTENT_TYPES.xml);
  pkg.addRelationship(item, CUSTOM_XML_PROPS, props);
  pkg.addRelationship(workbookPath, CUSTOM_XML, item);
}

/** The namespace of a document's root element, read by a parser (prefixes, comments and all). */
function rootNamespaceOf(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let namespace: string | undefined;
  let done = false;
  parser.on("opentag", (tag) => {
    if (!done) namespace = tag.uri;
    done = true;
  });
  try {
    parser.write(xml).close();
  } catch {
    // A damaged part is nobody's: its namespace is whatever was read before the damage.
  }
  return namespace;
}
