import { describe, expect, it } from "vitest";
import { getPageType } from "../../../src/track/page-type";

const cases: [string, string][] = [
  ["https://shop.example/", "home"],
  ["https://shop.example/en-us/", "home"],
  ["https://shop.example/index.php", "home"],
  ["https://shop.example/products/trail-runner", "product"],
  ["https://shop.example/collections/shoes/products/trail-runner", "product"],
  ["https://shop.example/collections/shoes", "category"],
  ["https://shop.example/cart", "cart"],
  ["https://shop.example/checkouts/cn/abc123", "checkout"],
  ["https://shop.example/search?q=boots", "search"],
  ["https://wp.example/product/hoodie/", "product"],
  ["https://wp.example/product-category/clothing/", "category"],
  ["https://wp.example/cart/", "cart"],
  ["https://wp.example/checkout/", "checkout"],
  ["https://wp.example/?s=hoodie&post_type=product", "search"],
  ["https://m2.example/checkout/cart/", "cart"],
  ["https://m2.example/catalogsearch/result/?q=bag", "search"],
  ["https://m2.example/catalog/product/view/id/42", "product"],
  ["https://bc.example/cart.php", "cart"],
  ["https://bc.example/search.php?search_query=shirt", "search"],
  ["https://any.example/p/12345", "product"],
  ["https://any.example/c/shoes", "category"],
  ["https://any.example/about-us", "other"],
  // A query after the path: PrestaShop's cart, a discount link, a checkout step, BigCommerce's add.
  ["https://ps.example/cart?action=show", "cart"],
  ["https://shop.example/cart?discount=SPRING", "cart"],
  ["https://shop.example/checkout?step=2", "checkout"],
  ["https://bc.example/cart.php?action=add&product_id=1", "cart"],
  ["https://shop.example/search?", "search"],
  ["https://any.example/cartoon-socks", "other"],
  // A hash router's route is the page's path; an in-page anchor is not.
  ["https://spa.example/#/cart", "cart"],
  ["https://spa.example/shop/#/checkout", "checkout"],
  ["https://spa.example/#!/products/trail-runner", "product"],
  ["https://spa.example/#/search?q=boots", "search"],
  ["https://spa.example/#/collections/shoes", "category"],
  ["https://spa.example/#/", "home"],
  ["https://spa.example/#/about", "other"],
  ["https://spa.example/#reviews", "home"],
  ["https://spa.example/#//[", "other"],
  ["https://shop.example/products/trail-runner#reviews", "product"],
];

describe("getPageType", () => {
  it.each(cases)("reads %s as %s", (url, type) => {
    expect(getPageType(new URL(url), false, false)).toBe(type);
  });

  it("lets markup with a main product win over the URL", () => {
    expect(getPageType(new URL("https://any.example/about-us"), true, false)).toBe("product");
    expect(getPageType(new URL("https://shop.example/collections/shoes"), true, true)).toBe("product");
  });

  it("calls an unknown page with a product list a category", () => {
    expect(getPageType(new URL("https://any.example/sale-2024"), false, true)).toBe("category");
  });

  it("keeps the home page a home page despite its featured products", () => {
    expect(getPageType(new URL("https://shop.example/"), false, true)).toBe("home");
  });
});
