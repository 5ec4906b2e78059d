import type { RawItem } from "./normalize-product";

/**
 * The items of a Google Merchant Center RSS 2.0 (or Atom) feed, one `<item>`/`<entry>` at a
 * time, when parsing one. A small tolerant tag scanner rather than `DOMParser`: it runs where
 * there is no DOM (workers, node), never builds a document for a 20 MB feed, and yields item by
 * item so the caller can pause between chunks. Attribute names lose their `g:` prefix
 * (`g:title` and `title` are both `title`; the first one in the item wins), CDATA is unwrapped,
 * and entities are left for the normaliser, which decodes double-escaped text too. An Atom entry's
 * link is an empty element (`<link href="…"/>`): its `href` is the link unless `g:link` gives one.
 * @example [...fromMerchantXml('<rss><channel><item><g:id>1</g:id></item></channel></rss>')] // [{ id: "1" }]
 */
export function* fromMerchantXml(xml: string): Generator<RawItem> {
  for (const [, , body] of xml.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const item: RawItem = Object.create(null);
    for (const [, tag, value] of body!.matchAll(/<([\w:.-]+)[^>]*>([\s\S]*?)<\/\1>/g)) {
      const key = tag!.replace(/^g:/, "");
      if (!(key in item)) item[key] = value!.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, "$1");
    }
    // rel="alternate" is Atom's default; `self`, `edit` or `enclosure` links are not the page.
    const atomLink = /<link\b(?![^>]*\brel=(?!["']?alternate\b))[^>]*\bhref=["']([^"']*)/.exec(body!);
    if (!("link" in item) && atomLink) item.link = atomLink[1];
    yield item;
  }
}
