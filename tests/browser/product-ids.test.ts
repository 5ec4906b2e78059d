import { describe, expect, it } from "vitest";
import { useBrowser } from "./harness";

const h = useBrowser();
const PAGE = "/tests/browser/pages/product-ids.html";

describe("a product the markup and the dataLayer name by different ids", () => {
  for (const [when, query] of [["before Shopkeeper starts", ""], ["after Shopkeeper started", "?late"]] as const) {
    it(`counts one product view per page view (view_item pushed ${when})`, async () => {
      const page = await h.page();
      for (const visit of [1, 2]) {
        await page.goto(h.url + PAGE + query);
        await page.waitForFunction(() => (window as any).__sk && (window as any).__pushed);
        // Both sources were read: the markup's product (by its sku) and the dataLayer's event.
        await page.waitForFunction(() => {
          const sk = (window as any).__sk;
          return (window as any).__views.length > 0 && sk.pageProducts().some((p: any) => p.id == "RTR-129" || p.sku == "RTR-129");
        });
        const p = await page.evaluate(async () => {
          const sk = (window as any).__sk;
          await sk.ready;
          await new Promise((ok) => setTimeout(ok));
          await sk.export();
          return sk.profile();
        });
        expect([p.pageViews, p.productViews, p.session.productViews]).toEqual([visit, visit, visit]);
        expect(p.viewed.map((v: any) => [v.title, v.views])).toEqual([["Ridge Trail Runner", visit]]);
      }
      expect(page.errors).toEqual([]);
    });
  }
});
