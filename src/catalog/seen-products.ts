import type { Product, ViewedProduct } from "../types";

/**
 * Products the visitor looked at, as a catalog: the zero-config install recommends from these
 * when the shop gives no feed. Entries without a title or a link cannot make a card and are left out.
 */
export function viewedToProducts(viewed: ViewedProduct[]): Product[] {
  const products: Product[] = [];
  for (const { id, title, url, image, price, currency, category, brand, availability, views } of viewed) {
    if (!title || !url) continue;
    const product: Product = { id, title, url, popularity: views };
    if (image) product.image = image;
    if (price != null) product.price = price;
    if (currency) product.currency = currency;
    if (category) product.category = category;
    if (brand) product.brand = brand;
    if (availability) product.availability = availability;
    products.push(product);
  }
  return products;
}
