// Demo-only page code: lists products, sends cart events the way a GA4 shop does (dataLayer),
// and shows the live profile. None of this is needed on a real shop.
(function () {
  var dl = (window.dataLayer = window.dataLayer || []);
  var CART_KEY = "demo-cart";
  function cart() { try { return JSON.parse(sessionStorage.getItem(CART_KEY) || "[]"); } catch (e) { return []; } }
  function saveCart(lines) { sessionStorage.setItem(CART_KEY, JSON.stringify(lines)); }
  function text(tag, value, cls) { var el = document.createElement(tag); el.textContent = value; if (cls) el.className = cls; return el; }
  function card(p) {
    var li = document.createElement("li"), a = document.createElement("a"), img = document.createElement("img");
    a.href = p.url; img.src = p.image; img.alt = ""; img.width = 200; img.height = 150; img.loading = "lazy";
    a.append(img, text("span", p.title), text("span", "$" + p.price.toFixed(2), "price"));
    a.addEventListener("click", function () {
      dl.push({ ecommerce: null });
      dl.push({ event: "select_item", ecommerce: { items: [{ item_id: p.id, item_name: p.title, price: p.price, item_category: p.category[0], item_category2: p.category[1], item_brand: p.brand }] } });
    });
    li.append(a);
    return li;
  }
  function item(p) { return { item_id: p.id, item_name: p.title, price: p.price, item_brand: p.brand, item_category: p.category[0], item_category2: p.category[1], quantity: 1 }; }

  fetch("/demo/catalog.json").then(function (r) { return r.json(); }).then(function (feed) {
    var products = feed.products;
    var all = document.getElementById("all-products");
    if (all) products.forEach(function (p) { all.append(card(p)); });
    var list = document.getElementById("category-products");
    if (list) {
      var c = new URLSearchParams(location.search).get("c") || "Running";
      document.getElementById("category-title").textContent = c;
      var shown = products.filter(function (p) { return p.category[0] === c; });
      shown.forEach(function (p) { list.append(card(p)); });
      dl.push({ ecommerce: null });
      dl.push({ event: "view_item_list", ecommerce: { item_list_name: c, items: shown.map(item) } });
    }
    var lines = document.getElementById("cart-lines");
    if (lines) {
      var inCart = cart(), checkout = document.getElementById("checkout");
      if (!inCart.length) lines.append(text("li", "Your cart is empty."));
      inCart.forEach(function (p) { lines.append(text("li", p.item_name + " · $" + Number(p.price).toFixed(2))); });
      dl.push({ event: "view_cart", ecommerce: { currency: "USD", items: inCart } });
      // One order per cart: an empty cart, or a second click, orders nothing.
      checkout.disabled = !inCart.length;
      checkout.addEventListener("click", function () {
        if (!inCart.length) return;
        var value = inCart.reduce(function (s, p) { return s + Number(p.price); }, 0);
        dl.push({ ecommerce: null });
        dl.push({ event: "purchase", ecommerce: { transaction_id: "T" + Date.now(), currency: "USD", value: value, items: inCart } });
        inCart = [];
        saveCart(inCart);
        checkout.disabled = true;
        lines.replaceChildren(text("li", "Thank you for your order!"));
      });
    }
  });

  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.add[data-id]");
    if (!button) return;
    var line = { item_id: button.dataset.id, item_name: button.dataset.title, price: Number(button.dataset.price), item_brand: button.dataset.brand, quantity: 1 };
    button.dataset.category.split(" > ").forEach(function (c, i) { line[i ? "item_category" + (i + 1) : "item_category"] = c; });
    saveCart(cart().concat([line]));
    dl.push({ ecommerce: null });
    dl.push({ event: "add_to_cart", ecommerce: { currency: "USD", value: line.price, items: [line] } });
    button.textContent = "Added ✓";
  });

  // The live view uses the public API exactly as page code would.
  shopkeeper(function (sk) {
    var pre = document.getElementById("live-profile"), seg = document.getElementById("live-segments");
    function show() {
      var p = sk.profile();
      seg.textContent = "Segments: " + (sk.segments().join(", ") || "none") + " · group: " + sk.group + " · storage: " + sk.storage();
      pre.textContent = JSON.stringify({ sessions: p.sessions, pageViews: p.pageViews, productViews: p.productViews, engagedSeconds: p.engagedSeconds, cart: p.cart, orders: p.orders, affinity: p.affinity, viewed: p.viewed.slice(0, 5) }, null, 1);
    }
    show();
    // profile_change: another tab's change, "Erase everything", consent granted or denied.
    ["page_view", "view_item", "dwell", "add_to_cart", "purchase", "interest_add", "interest_remove", "personalization", "profile_change"].forEach(function (name) { sk.on(name, show); });
    // Clicks elsewhere (a product hidden, a channel picked) may change it through events not listed above.
    document.addEventListener("click", function () { setTimeout(show, 300); });
  });
})();
