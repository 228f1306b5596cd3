// A small, safe XML reader for feeds and OPML: a hand-written tokenizer (tags, attributes, text, CDATA,
// comments, processing instructions, DOCTYPE) that builds a light tree. It exists so that no general XML
// library, with its entity machinery, ever sees a feed body:
//  - no entity is ever declared or fetched: a DOCTYPE whose internal subset declares entities is refused
//    outright ("<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>", billion laughs), an external DTD
//    ("<!DOCTYPE rss SYSTEM 'http://…/rss.dtd'>") is skipped and never read, and a reference to an unknown
//    entity stays as written ("&foo;");
//  - nesting, element count and body size are bounded, so a hostile body costs at most one linear pass;
//  - real feeds are sloppy, so a bare "&" ("AT&T") or "<" followed by a space ("a < b") is kept as text,
//    and the HTML named references that feeds use without declaring them (&nbsp; &rsquo;) are decoded;
//  - structurally broken documents (unclosed or crossed tags, a second root element) are refused with
//    "malformed XML at line L: …".
// Namespaces are resolved from xmlns declarations so callers match elements by namespace URI and local
// name, whatever prefix the feed chose ("<a:feed xmlns:a='http://www.w3.org/2005/Atom'>" is Atom).

/** Largest body accepted, in UTF-8 bytes. Real feeds are well under 1 MB; 10 MB leaves room for full-text archives. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Deepest element nesting accepted. Feeds nest 4–6 levels; inline XHTML content adds a few more. */
export const MAX_DEPTH = 100;
/** Most elements accepted in one document, to bound memory: 5,000 items × 100 elements each. */
export const MAX_ELEMENTS = 500_000;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export type FeedErrorCode = 'TOO_LARGE' | 'NOT_A_FEED' | 'MALFORMED' | 'REFUSED';

/** Every refusal from this module: a one-line message naming the reason, plus a stable code. */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  constructor(code: FeedErrorCode, message: string) {
    super(message.replace(/\s+/g, ' ').trim());
    this.name = 'FeedError';
    this.code = code;
  }
}

export interface XmlAttr {
  /** Qualified name as written: "rdf:about". */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI; '' for an unprefixed attribute, null when the prefix was never declared. */
  readonly ns: string | null;
  readonly value: string;
}

export type XmlNode = XmlElement | string;

export interface XmlElement {
  /** Qualified name as written: "content:encoded". */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI; '' for no namespace, null when the prefix was never declared (sloppy "dc:creator"). */
  readonly ns: string | null;
  readonly attrs: readonly XmlAttr[];
  /** Elements and decoded text (CDATA included), in document order; adjacent text is merged. */
  readonly children: XmlNode[];
  /** Base URL for relative references: the caller's base resolved through every xml:base on the way down. */
  readonly base: string | null;
  /** Offset of the start tag in the (newline-normalized) body, for error messages. */
  readonly offset: number;
}

export interface XmlOptions {
  /** Base URL of the document itself (where it was fetched from). */
  baseUrl?: string | null;
  /** Names the document in refusals: "feed declares a DOCTYPE with entities; refused". */
  subject?: string;
}

// cp1252 for numeric references in 0x80–0x9F: feeds converted from Windows text write "&#146;" for "’".
// HTML maps them the same way; in XML they would be invisible C1 controls.
const CP1252: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

// The five XML entities plus the 252 of HTML 4, which feeds use freely without declaring them.
// Latin-1 names in code point order from 160 (&nbsp;) to 255 (&yuml;).
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute ' +
  'Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde ' +
  'auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ' +
  'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const OTHER_ENTITIES =
  'quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 ' +
  'circ:710 tilde:732 Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 ' +
  'Iota:921 Kappa:922 Lambda:923 Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 ' +
  'Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 alpha:945 beta:946 gamma:947 delta:948 epsilon:949 ' +
  'zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 mu:956 nu:957 xi:958 omicron:959 pi:960 ' +
  'rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 psi:968 omega:969 thetasym:977 ' +
  'upsih:978 piv:982 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 ' +
  'mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 ' +
  'Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 ' +
  'oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 larr:8592 ' +
  'uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 ' +
  'hArr:8660 forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 ' +
  'prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 ' +
  'cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ' +
  'ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 ' +
  'lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:9001 rang:9002 loz:9674 spades:9824 clubs:9827 ' +
  'hearts:9829 diams:9830';

const NAMED_ENTITIES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  LATIN1.split(' ').forEach((name, i) => {
    map.set(name, String.fromCodePoint(160 + i));
  });
  for (const pair of OTHER_ENTITIES.split(' ')) {
    const [name, code] = pair.split(':');
    if (name && code) map.set(name, String.fromCodePoint(Number(code)));
  }
  return map;
})();

// A reference must end with ";" to count: "AT&T" and "&copy2020" stay as written.
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

function fromCodePoint(code: number): string {
  const mapped = CP1252[code] ?? code;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(mapped);
}

/**
 * Decodes character references: "&amp;" → "&", "&#8217;" and "&#x2019;" → "’", "&rsquo;" → "’".
 * Unknown names stay as written ("&foo;" → "&foo;"): no entity is ever looked up anywhere else.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined && NAMED_ENTITIES.get(name)) || whole;
  });
}

/** Escapes text for XML/HTML element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Size of a body in UTF-8 bytes, refusing anything above MAX_BODY_BYTES before any parsing. */
export function checkBodySize(body: string, subject: string): void {
  // A UTF-16 code unit is at least one UTF-8 byte, so only bodies near the limit need the exact count.
  const bytes = body.length * 3 <= MAX_BODY_BYTES ? body.length : Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new FeedError(
      'TOO_LARGE',
      `${subject} is larger than ${mb(MAX_BODY_BYTES)} (${mb(bytes)}); refused`,
    );
  }
}

function isNameStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    code === 0x5f || // _
    code === 0x3a || // :
    code >= 0xc0
  );
}

function isNameChar(code: number): boolean {
  return (
    isNameStart(code) ||
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0xb7
  );
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon > 0
    ? { prefix: name.slice(0, colon), local: name.slice(colon + 1) }
    : { prefix: '', local: name };
}

function resolveBase(ref: string, base: string | null): string | null {
  try {
    return base ? new URL(ref.trim(), base).href : new URL(ref.trim()).href;
  } catch {
    return base;
  }
}

const EMPTY_ATTRS: readonly XmlAttr[] = [];

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly parent: Scope | null;
}

/**
 * Parses a whole XML document into its root element. Throws FeedError: MALFORMED ("malformed XML at line
 * L: …"), REFUSED (entity declarations, nesting or element limits) or TOO_LARGE.
 */
export function parseXml(input: string, options: XmlOptions = {}): XmlElement {
  const subject = options.subject ?? 'document';
  checkBodySize(input, subject);
  // XML end-of-line handling: "\r\n" and lone "\r" are read as "\n", in text and CDATA alike.
  const src = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  const n = src.length;

  const lineAt = (offset: number): number => {
    let line = 1;
    for (let i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) line++;
    return line;
  };
  const malformed = (offset: number, reason: string): FeedError =>
    new FeedError('MALFORMED', `malformed XML at line ${lineAt(offset)}: ${reason}`);

  const stack: XmlElement[] = [];
  // One namespace scope per open element, chained to its parent's, so a lookup walks at most MAX_DEPTH
  // small maps and no declaration is ever copied (copying would make many xmlns attributes quadratic).
  // An element without xmlns declarations shares its parent's scope.
  const scopes: Scope[] = [{ prefixes: new Map([['xml', XML_NS]]), parent: null }];
  let root: XmlElement | null = null;
  let rootClosed = false;
  let elements = 0;
  let i = 0;

  const appendText = (text: string, offset: number): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (text.trim() === '') return;
      // Trailing junk after the root (a server's debug line) is common and harmless; leading text is not XML.
      if (rootClosed) return;
      throw malformed(offset, 'text before the root element');
    }
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') parent.children[last] = previous + text;
    else parent.children.push(text);
  };

  // Skips "<!DOCTYPE …>" with its optional internal subset, refusing any entity declaration in it.
  const skipDoctype = (start: number): number => {
    let j = start + 9;
    while (j < n) {
      const ch = src[j];
      if (ch === '"' || ch === "'") {
        const close = src.indexOf(ch, j + 1);
        if (close < 0) break;
        j = close + 1;
      } else if (ch === '[') {
        const subsetStart = j + 1;
        j = subsetStart;
        while (j < n && src[j] !== ']') {
          const c = src[j];
          if (c === '"' || c === "'") {
            const close = src.indexOf(c, j + 1);
            j = close < 0 ? n : close + 1;
          } else if (src.startsWith('<!--', j)) {
            const close = src.indexOf('-->', j + 4);
            j = close < 0 ? n : close + 3;
          } else if (src.startsWith('<?', j)) {
            const close = src.indexOf('?>', j + 2);
            j = close < 0 ? n : close + 2;
          } else j++;
        }
        if (j >= n) break;
        if (/<!ENTITY/i.test(src.slice(subsetStart, j))) {
          throw new FeedError('REFUSED', `${subject} declares a DOCTYPE with entities; refused`);
        }
        j++;
      } else if (ch === '>') {
        return j + 1;
      } else j++;
    }
    throw malformed(start, 'unterminated DOCTYPE');
  };

  const openElement = (start: number): number => {
    let j = start + 1;
    while (j < n && isNameChar(src.charCodeAt(j))) j++;
    const name = src.slice(start + 1, j);
    const raw: { name: string; value: string }[] = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      if (j >= n) throw malformed(start, `unterminated start tag <${name}>`);
      const code = src.charCodeAt(j);
      if (code === 0x3e /* > */) {
        j++;
        break;
      }
      if (code === 0x2f /* / */ && src.charCodeAt(j + 1) === 0x3e) {
        j += 2;
        selfClosing = true;
        break;
      }
      if (!isNameStart(code))
        throw malformed(j, `unexpected character ${JSON.stringify(src[j])} in <${name}>`);
      const nameStart = j;
      while (j < n && isNameChar(src.charCodeAt(j))) j++;
      const attrName = src.slice(nameStart, j);
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      let value = '';
      if (src[j] === '=') {
        j++;
        while (j < n && isSpace(src.charCodeAt(j))) j++;
        const quote = src[j];
        if (quote === '"' || quote === "'") {
          const close = src.indexOf(quote, j + 1);
          if (close < 0) throw malformed(j, `unterminated value of attribute ${attrName} in <${name}>`);
          // Attribute-value normalization: literal tabs and newlines are spaces, references are kept.
          value = decodeEntities(src.slice(j + 1, close).replace(/[\n\t]/g, ' '));
          j = close + 1;
        } else {
          // Sloppy HTML-style unquoted value: up to whitespace or the end of the tag.
          const valueStart = j;
          while (j < n && !isSpace(src.charCodeAt(j)) && src[j] !== '>' && !src.startsWith('/>', j)) j++;
          value = decodeEntities(src.slice(valueStart, j));
        }
      }
      // A repeated attribute keeps its first value.
      if (!seen.has(attrName)) {
        seen.add(attrName);
        raw.push({ name: attrName, value });
      }
    }

    if (stack.length === 0 && root) throw malformed(start, `second root element <${name}>`);
    if (stack.length >= MAX_DEPTH) {
      throw new FeedError('REFUSED', `${subject} nests elements deeper than ${MAX_DEPTH} levels; refused`);
    }
    if (++elements > MAX_ELEMENTS) {
      throw new FeedError('REFUSED', `${subject} has more than ${MAX_ELEMENTS} elements; refused`);
    }

    const parentScope = scopes[scopes.length - 1] ?? null;
    let declared: Map<string, string> | null = null;
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        declared ??= new Map();
        declared.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value.trim());
      }
    }
    const scope: Scope | null = declared ? { prefixes: declared, parent: parentScope } : parentScope;
    const lookup = (prefix: string): string | undefined => {
      for (let s: Scope | null = scope; s; s = s.parent) {
        const uri = s.prefixes.get(prefix);
        if (uri !== undefined) return uri;
      }
      return undefined;
    };
    const resolve = (prefix: string, isAttribute: boolean): string | null => {
      if (prefix === 'xmlns') return XMLNS_NS;
      if (prefix === '') return isAttribute ? '' : (lookup('') ?? '');
      return lookup(prefix) ?? null;
    };
    const attrs: readonly XmlAttr[] =
      raw.length === 0
        ? EMPTY_ATTRS
        : raw.map((a) => {
            const parts = splitName(a.name);
            return {
              name: a.name,
              ...parts,
              ns: a.name === 'xmlns' ? XMLNS_NS : resolve(parts.prefix, true),
              value: a.value,
            };
          });
    const parent = stack[stack.length - 1];
    const xmlBase = attrs.find((a) => a.local === 'base' && a.ns === XML_NS);
    const inherited = parent ? parent.base : (options.baseUrl ?? null);
    const parts = splitName(name);
    const element: XmlElement = {
      name,
      ...parts,
      ns: resolve(parts.prefix, false),
      attrs,
      children: [],
      base: xmlBase ? resolveBase(xmlBase.value, inherited) : inherited,
      offset: start,
    };
    if (parent) parent.children.push(element);
    else root = element;
    if (selfClosing) {
      if (!parent) rootClosed = true;
    } else {
      stack.push(element);
      scopes.push(scope ?? { prefixes: new Map(), parent: null });
    }
    return j;
  };

  const closeElement = (start: number): number => {
    let j = start + 2;
    while (j < n && isNameChar(src.charCodeAt(j))) j++;
    const name = src.slice(start + 2, j);
    while (j < n && isSpace(src.charCodeAt(j))) j++;
    if (name === '' || src[j] !== '>') throw malformed(start, `malformed end tag </${name}`);
    const open = stack.pop();
    scopes.pop();
    if (!open) throw malformed(start, `end tag </${name}> without a start tag`);
    // Case is forgiven ("<Title>…</title>"): the structure is what matters.
    if (open.name !== name && open.name.toLowerCase() !== name.toLowerCase()) {
      throw malformed(
        start,
        `end tag </${name}> does not match <${open.name}> opened at line ${lineAt(open.offset)}`,
      );
    }
    if (stack.length === 0) rootClosed = true;
    return j + 1;
  };

  // Text runs from i to the next "<" that starts markup; a "<" that cannot start a tag ("a < b" in sloppy
  // text) is a character and the search goes on past it without splitting the text.
  let searchFrom = 0;
  while (i < n) {
    const lt = src.indexOf('<', searchFrom);
    const next = lt < 0 ? -1 : src.charCodeAt(lt + 1);
    const markup = next === 0x21 || next === 0x3f || next === 0x2f || isNameStart(next);
    if (lt >= 0 && !markup) {
      searchFrom = lt + 1;
      continue;
    }
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) appendText(decodeEntities(src.slice(i, textEnd)), i);
    if (lt < 0) break;
    if (next === 0x21 /* ! */) {
      if (src.startsWith('<!--', lt)) {
        const close = src.indexOf('-->', lt + 4);
        if (close < 0) throw malformed(lt, 'unterminated comment');
        i = close + 3;
      } else if (src.startsWith('<![CDATA[', lt)) {
        const close = src.indexOf(']]>', lt + 9);
        if (close < 0) throw malformed(lt, 'unterminated CDATA section');
        if (stack.length === 0) throw malformed(lt, 'CDATA section outside the root element');
        appendText(src.slice(lt + 9, close), lt);
        i = close + 3;
      } else if (/^<!DOCTYPE/i.test(src.slice(lt, lt + 9))) {
        if (root) throw malformed(lt, 'DOCTYPE after the root element started');
        i = skipDoctype(lt);
      } else {
        throw malformed(lt, `unexpected markup ${JSON.stringify(src.slice(lt, lt + 12))}`);
      }
    } else if (next === 0x3f /* ? */) {
      const close = src.indexOf('?>', lt + 2);
      if (close < 0) throw malformed(lt, 'unterminated processing instruction');
      i = close + 2;
    } else if (next === 0x2f /* / */) {
      i = closeElement(lt);
    } else {
      i = openElement(lt);
    }
    searchFrom = i;
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    throw malformed(
      unclosed.offset,
      `<${unclosed.name}> is never closed (the document ends at line ${lineAt(n)})`,
    );
  }
  if (!root) throw malformed(n, 'no root element');
  return root;
}

/**
 * Whether a body is an HTML page, judged from its first tag after any XML declaration and comments.
 * Checked before XML parsing because HTML is rarely well-formed XML (<br>, <meta>), and "not a feed: the
 * document is HTML" is the useful answer, not "malformed XML".
 */
export function looksLikeHtml(text: string): boolean {
  let i = 0;
  // Skip the XML declaration, processing instructions, comments and whitespace before the first tag
  // (a bounded number of them: past that, the XML parser gives its own answer).
  for (let skipped = 0; skipped < 1000; skipped++) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i);
      if (close < 0) return false;
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i);
      if (close < 0) return false;
      i = close + 3;
    } else break;
  }
  return /^<(?:!doctype\s+html\b|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(i, i + 20));
}

/** Text of an element and all its descendants, in document order. */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const child of element.children) out += typeof child === 'string' ? child : textContent(child);
  return out;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * The content of an element written back as HTML: text escaped, elements by local name without their
 * xmlns declarations. Used for Atom type="xhtml" content and for feeds that put unescaped XHTML inside
 * <description> or <content:encoded>.
 */
export function innerHtml(element: XmlElement): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      out += escapeXml(child);
      continue;
    }
    let attrs = '';
    for (const a of child.attrs) {
      if (a.ns === XMLNS_NS || a.name === 'xmlns') continue;
      attrs += ` ${a.local}="${escapeXml(a.value)}"`;
    }
    const tag = child.local.toLowerCase();
    if (child.children.length === 0 && VOID_ELEMENTS.has(tag)) out += `<${child.local}${attrs}>`;
    else out += `<${child.local}${attrs}>${innerHtml(child)}</${child.local}>`;
  }
  return out;
}
