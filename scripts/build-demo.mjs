// Writes the demo shop's static pages from demo/catalog.json, the way a real storefront renders
// them server-side: each product page carries schema.org JSON-LD, a breadcrumb and OpenGraph tags.
// Run by hand after editing the catalog: `node scripts/build-demo.mjs`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const { products } = JSON.parse(readFileSync("demo/catalog.json", "utf8"));
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const money = (n) => `$${n.toFixed(2)}`;
const colors = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0e7490"];

mkdirSync("demo/products", { recursive: true });
mkdirSync("demo/img", { recursive: true });

const head = (title, extra = "") => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Trailhead Outfitters</title>
<link rel="stylesheet" href="/demo/shop.css">
${extra}
<script>window.shopkeeper=window.shopkeeper||function(){(shopkeeper.q=shopkeeper.q||[]).push(arguments)}</script>
<script async src="/dist/shopkeeper.js" data-catalog="/demo/catalog.json" data-locale="en"></script>
<script type="application/json" id="shopkeeper-config">${readFileSync("demo/config.json", "utf8").trim()}</script>
</head>`;

const nav = `<header class="top"><a class="brand" href="/demo/">Trailhead Outfitters</a>
<nav aria-label="Shop"><a href="/demo/category.html?c=Running">Running</a> <a href="/demo/category.html?c=Hiking">Hiking</a> <a href="/demo/category.html?c=Camping">Camping</a> <a href="/demo/category.html?c=Apparel">Apparel</a> <a href="/demo/cart.html">Cart</a> <a href="/demo/ur/">اردو</a></nav></header>`;

const footer = `<section class="panel"><div data-shopkeeper="preferences"></div></section>
<section class="panel"><div data-shopkeeper="channels"></div></section>
<aside class="live" aria-label="Live profile (demo only)"><h2>Live profile</h2><p id="live-segments"></p><pre id="live-profile"></pre></aside>
<script src="/demo/demo.js"></script>
</body></html>`;

products.forEach((p, i) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="${colors[i % colors.length]}"/><text x="200" y="160" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${esc(p.title)}</text></svg>`;
  writeFileSync(`demo/img/${p.id}.svg`, svg);
  const [top, leaf] = p.category;
  const offer = { "@type": "Offer", price: p.price.toFixed(2), priceCurrency: "USD", availability: `https://schema.org/${p.availability === "out_of_stock" ? "OutOfStock" : "InStock"}`, url: p.url };
  const jsonLd = [
    { "@context": "https://schema.org", "@type": "BreadcrumbList", itemListElement: [
      { "@type": "ListItem", position: 1, name: "Home", item: "/demo/" },
      { "@type": "ListItem", position: 2, name: top, item: `/demo/category.html?c=${top}` },
      { "@type": "ListItem", position: 3, name: leaf, item: `/demo/category.html?c=${top}` },
      { "@type": "ListItem", position: 4, name: p.title } ] },
    { "@context": "https://schema.org", "@type": "Product", sku: p.id, name: p.title, image: p.image, brand: { "@type": "Brand", name: p.brand }, category: p.category.join(" > "), offers: offer },
  ];
  const sale = p.compareAtPrice ? `<p class="price"><s>${money(p.compareAtPrice)}</s> <strong>${money(p.price)}</strong> <span class="badge">Sale</span></p>` : `<p class="price"><strong>${money(p.price)}</strong></p>`;
  writeFileSync(`demo/products/${p.id}.html`, `${head(p.title, `<meta property="og:type" content="product">
<meta property="og:title" content="${esc(p.title)}">
<meta property="product:price:amount" content="${p.price.toFixed(2)}">
<meta property="product:price:currency" content="USD">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`)}
<body>
${nav}
<main>
<p class="crumbs"><a href="/demo/">Home</a> › <a href="/demo/category.html?c=${esc(top)}">${esc(top)}</a> › ${esc(leaf)}</p>
<article class="product">
<img src="${esc(p.image)}" alt="" width="400" height="300">
<div>
<h1>${esc(p.title)}</h1>
<p class="brand-name">${esc(p.brand)}</p>
${sale}
<p>${p.availability === "out_of_stock" ? "Out of stock" : "In stock"}</p>
<button class="add" data-id="${p.id}" data-title="${esc(p.title)}" data-price="${p.price}" data-category="${esc(p.category.join(" > "))}" data-brand="${esc(p.brand)}">Add to cart</button>
</div>
</article>
<section><div data-shopkeeper="recommendations" data-strategy="bought-together" data-product="${p.id}" data-limit="4" data-title="Goes well with"></div></section>
<section><div data-shopkeeper="recommendations" data-strategy="similar" data-product="${p.id}" data-limit="4" data-title="Similar products"></div></section>
</main>
${footer}`);
});
console.log(`wrote ${products.length} product pages`);
