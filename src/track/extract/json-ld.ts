import { json } from "./draft";

/** Parses every `<script type="application/ld+json">` in the document; an invalid block gives undefined. */
export const readJsonLd = (doc: Document): unknown[] => [...doc.querySelectorAll('script[type="application/ld+json" i]')].map((s) => json(s.textContent));
