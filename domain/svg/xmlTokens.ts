/** One piece of an XML text: an element opening (maybe self-closing) or closing. Text, comments,
 * processing instructions and CDATA are skipped: nothing an SVG draws with them survives sanitising. */
export type XmlToken =
  | { kind: "open"; name: string; attrs: Map<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string };

export class XmlSyntaxError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /\s*/y;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new XmlSyntaxError(`Unknown entity ${whole}`);
    return named;
  });
}

function safeCodePoint(n: number): string {
  if (n <= 0 || n > 0x10ffff) throw new XmlSyntaxError("A character reference is out of range");
  return String.fromCodePoint(n);
}

function match(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/**
 * The elements of an XML text, in order. A deliberately small reader: no DTDs (an internal subset
 * could define entities, so any DOCTYPE with one is refused), no external anything.
 */
export function* xmlTokens(text: string): Generator<XmlToken> {
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    if (lt < 0) return;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlSyntaxError("A comment is not closed");
      at = end + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt);
      if (end < 0) throw new XmlSyntaxError("A CDATA section is not closed");
      at = end + 3;
    } else if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt);
      if (end < 0) throw new XmlSyntaxError("A processing instruction is not closed");
      at = end + 2;
    } else if (text.startsWith("<!", lt)) {
      const end = text.indexOf(">", lt);
      if (end < 0) throw new XmlSyntaxError("A declaration is not closed");
      if (text.slice(lt, end).includes("[")) throw new XmlSyntaxError("Document type definitions are not accepted");
      at = end + 1;
    } else if (text.startsWith("</", lt)) {
      const name = match(NAME, text, lt + 2);
      if (!name) throw new XmlSyntaxError("A closing tag has no name");
      const end = text.indexOf(">", lt);
      if (end < 0) throw new XmlSyntaxError("A closing tag is not closed");
      at = end + 1;
      yield { kind: "close", name };
    } else {
      const name = match(NAME, text, lt + 1);
      if (!name) throw new XmlSyntaxError("A tag has no name");
      at = lt + 1 + name.length;
      const attrs = new Map<string, string>();
      for (;;) {
        at += match(SPACE, text, at)!.length;
        if (text.startsWith("/>", at)) {
          at += 2;
          yield { kind: "open", name, attrs, selfClosing: true };
          break;
        }
        if (text[at] === ">") {
          at += 1;
          yield { kind: "open", name, attrs, selfClosing: false };
          break;
        }
        const attr = match(NAME, text, at);
        if (!attr) throw new XmlSyntaxError(`A <${name}> tag is malformed`);
        at += attr.length;
        at += match(SPACE, text, at)!.length;
        if (text[at] !== "=") throw new XmlSyntaxError(`Attribute ${attr} has no value`);
        at += 1;
        at += match(SPACE, text, at)!.length;
        const quote = text[at];
        if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`Attribute ${attr} is not quoted`);
        const end = text.indexOf(quote, at + 1);
        if (end < 0) throw new XmlSyntaxError(`Attribute ${attr} is not closed`);
        if (attrs.has(attr)) throw new XmlSyntaxError(`Attribute ${attr} is repeated`);
        attrs.set(attr, decodeEntities(text.slice(at + 1, end)));
        at = end + 1;
      }
    }
  }
}
