import { sanitizeSvg, SvgRefusedError, type SanitizedSvg } from "@/domain/svg/sanitizeSvg";
import {
  ELEMENT_SOURCES,
  elementId,
  elementSrc,
  licenseOf,
  parseElementId,
  type ElementLicense,
  type ElementSource,
} from "@/domain/elements/elementSource";
import { readArt, readArtIndex, readArtSync, type ArtEntry, type ArtIndex } from "./elementArt";
import { readEmojiNames, type EmojiNames, type NameLocale } from "./emojiNames";
import { buildSearchIndex, searchEmoji, type SearchIndex } from "./emojiSearch";

export type Element = { id: string; name: string; source: ElementSource; license: ElementLicense; url: string; width: number; height: number };

export type SearchInput = { query: string; locale?: NameLocale; limit?: number; source?: ElementSource };

type Library = { index: SearchIndex; byCodepoints: Map<string, EmojiNames>; art: ArtIndex };

/** What an empty search shows: everyday motifs people put on goods. */
const POPULAR = [
  "2764", "1f496", "2b50", "1f31f", "2728", "1f525", "1f308", "2600", "1f319", "2601", "1f338", "1f33b", "1f340", "1f332",
  "1f600", "1f60d", "1f60e", "1f602", "1f44d", "1f44b", "1f389", "1f388", "1f381", "1f451", "1f48e", "1f680", "1f3b5",
  "1f431", "1f436", "1f43b", "1f984", "1f47b", "1f355", "2615", "1f369", "1f353", "1f30a", "1f4af", "1f1f0-1f1f7",
];

let library: Library | null = null;

/**
 * The library, read once on first use from the installed packages (no network): emojibase's names
 * and keywords (1.6 MB of JSON of emojibase's 49 MB) and where each source's artwork lies: a few
 * hundred milliseconds, once, so no generated index is kept in the repository.
 */
function getLibrary(): Library {
  if (library) return library;
  const emoji = readEmojiNames();
  library = { index: buildSearchIndex(emoji), byCodepoints: new Map(emoji.map((e) => [e.codepoints, e])), art: readArtIndex() };
  return library;
}

/** Whether each artwork asked about survives sanitising (a few ship what we do not draw: one flag's `<switch>`). */
const usable = new Map<string, boolean>();

function survivesSanitising(id: string, art: ArtEntry): boolean {
  let ok = usable.get(id);
  if (ok === undefined) {
    try {
      sanitizeSvg(readArtSync(art));
      ok = true;
    } catch (e) {
      if (!(e instanceof SvgRefusedError)) throw e;
      ok = false;
    }
    usable.set(id, ok);
  }
  return ok;
}

/** The emoji and its artwork an element id names, or null when the library has no such element. */
function lookUp(id: string): { names: EmojiNames; art: ArtEntry; source: ElementSource } | null {
  const ref = parseElementId(id);
  if (!ref) return null;
  const lib = getLibrary();
  const names = lib.byCodepoints.get(ref.codepoints);
  const art = lib.art[ref.source].get(ref.codepoints);
  return names && art && survivesSanitising(id, art) ? { names, art, source: ref.source } : null;
}

/**
 * Whether `id` is an element of the library (what the collaboration server lets a document show).
 * Synchronous for the server's write filter: the first ask about an id reads and checks its few kB.
 */
export function hasElement(id: string): boolean {
  return lookUp(id) !== null;
}

function elementOf(names: EmojiNames, source: ElementSource, art: ArtEntry, locale: NameLocale): Element {
  const id = elementId(source, names.codepoints);
  return { id, name: names.label[locale], source, license: licenseOf({ source, codepoints: names.codepoints }), url: elementSrc(id), width: art.width, height: art.height };
}

/** One element per source that draws the emoji, Noto first. */
function elementsOf(names: EmojiNames, locale: NameLocale, only?: ElementSource): Element[] {
  const art = getLibrary().art;
  return ELEMENT_SOURCES.filter((s) => !only || s === only).flatMap((s) => {
    const entry = art[s].get(names.codepoints);
    return entry && survivesSanitising(elementId(s, names.codepoints), entry) ? [elementOf(names, s, entry, locale)] : [];
  });
}

/** Elements matching the query in English or Korean, named in `locale`; an empty query gives a popular set. */
export function searchElements(input: SearchInput): Element[] {
  const lib = getLibrary();
  const locale = input.locale ?? "en";
  const limit = input.limit ?? 60;
  const matches = input.query.trim() ? searchEmoji(lib.index, input.query) : POPULAR.flatMap((c) => lib.byCodepoints.get(c) ?? []);
  const out: Element[] = [];
  for (const names of matches) {
    for (const element of elementsOf(names, locale, input.source)) {
      if (out.length >= limit) return out;
      out.push(element);
    }
  }
  return out;
}

/** One element's description in `locale`, or null when there is no such element. */
export function getElement(id: string, locale: NameLocale = "en"): Element | null {
  const found = lookUp(id);
  return found && elementOf(found.names, found.source, found.art, locale);
}

const MAX_CACHED = 256;
const cache = new Map<string, SanitizedSvg | null>();

/**
 * An element's artwork, sanitised like any SVG we serve or render, or null when there is no such
 * element or its artwork does not survive sanitising. Recently used ones are kept (an LRU of a few
 * hundred: each is a few kB).
 */
export async function readElementSvg(id: string): Promise<SanitizedSvg | null> {
  if (cache.has(id)) {
    const hit = cache.get(id)!;
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const found = lookUp(id);
  if (!found) return null;
  let svg: SanitizedSvg | null;
  try {
    svg = sanitizeSvg(await readArt(found.art));
  } catch (e) {
    if (!(e instanceof SvgRefusedError)) throw e;
    svg = null;
  }
  cache.set(id, svg);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return svg;
}
