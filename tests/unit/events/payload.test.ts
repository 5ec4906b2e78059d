import { describe, expect, it } from "vitest";
import { toOutgoing } from "../../../src/events/payload";
import type { EmittedEvent, EventMap, EventName } from "../../../src/types";

const emitted = <N extends EventName>(name: N, props: EventMap[N]): EmittedEvent => ({ name, props, time: 1700000000000, group: "control" }) as EmittedEvent;
const out = (event: EmittedEvent, sendFreeText = false) => toOutgoing(event, { sendFreeText });

describe("outgoing payload", () => {
  it("names events shopkeeper_<name> with the holdout group and time", () => {
    expect(out(emitted("channel_select", { channel: "whatsapp", preferred: true }))).toEqual({
      event: "shopkeeper_channel_select",
      group: "control",
      time: 1700000000000,
      channel: "whatsapp",
      preferred: true,
    });
  });

  it("keeps every name GA4-safe: snake_case letters, digits and underscores, 40 characters at most", () => {
    const payload = out(emitted("survey_response", { surveyId: "exit-nps", answers: { "Q-1 très long question id that goes on and on": 9 }, completed: true }));
    for (const key of Object.keys(payload)) expect(key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(payload.survey_id).toBe("exit-nps");
    expect(payload.event).toMatch(/^shopkeeper_[a-z_]+$/);
  });

  it("leaves a page's title out (it can carry a search) but keeps product titles", () => {
    expect(out(emitted("page_view", { path: "/search", pageType: "search", title: 'Search: 3 results for "jane@x.example"' }))).not.toHaveProperty("title");
    expect(out(emitted("view_item", { items: [{ id: "a", title: "Tent" }] })).items).toEqual([{ id: "a", title: "Tent" }]);
  });

  it("flattens nested objects into parent_child params, without doubling a prefix the child already has", () => {
    // page_view's utm holds the parameters as the URL names them.
    const payload = out(emitted("page_view", { path: "/", pageType: "home", utm: { utm_source: "news", utm_medium: "email" } }));
    expect(payload).toEqual({ event: "shopkeeper_page_view", group: "control", time: 1700000000000, path: "/", page_type: "home", utm_source: "news", utm_medium: "email" });
    expect(out(emitted("survey_response", { surveyId: "s", answers: { nps: 9 }, completed: true }))).toMatchObject({ answers_nps: 9 });
  });

  it("never sends query strings or fragments in paths and urls", () => {
    const payload = out(
      emitted("page_view", { path: "/search?q=secret&email=a@b.c", referrer: "https://mail.example/inbox?token=x#m", pageType: "search" }),
    );
    expect(payload).toMatchObject({ path: "/search", referrer: "https://mail.example/inbox" });
    const items = out(emitted("view_item", { items: [{ id: "p1", url: "https://shop.example/p1?session=abc", image: "https://cdn/x.jpg", category: ["Shoes", "Trail"] }] })).items;
    expect(items).toEqual([{ id: "p1", url: "https://shop.example/p1", category: "Shoes > Trail" }]);
  });

  it("never sends a query string in an id or product id that is a URL", () => {
    const id = "https://shop.example/products/tee?email=jane%40x.com&fbclid=abc";
    expect(out(emitted("view_item", { items: [{ id, title: "Tee" }] })).items).toEqual([{ id: "https://shop.example/products/tee", title: "Tee" }]);
    expect(out(emitted("dwell", { path: "/products/tee", seconds: 5, productId: id }))).toMatchObject({ product_id: "https://shop.example/products/tee" });
  });

  it("leaves free-text answers out unless the shop opts in", () => {
    const response = emitted("survey_response", { surveyId: "s", answers: { nps: 3, why: ["price", "stock"] }, text: { comment: "call me on 555" }, completed: true });
    expect(out(response)).toEqual({ event: "shopkeeper_survey_response", group: "control", time: 1700000000000, survey_id: "s", answers_nps: 3, answers_why: "price,stock", completed: true });
    expect(out(response, true)).toMatchObject({ text_comment: "call me on 555" });
  });

  it("carries no visitor id and skips prototype keys", () => {
    const hostile = emitted("not_interested", JSON.parse('{"productId":"p1","__proto__":{"polluted":1},"constructor":"x"}'));
    const payload = out(hostile);
    expect(payload).toEqual({ event: "shopkeeper_not_interested", group: "control", time: 1700000000000, product_id: "p1" });
    expect(JSON.stringify(payload)).not.toMatch(/visitor|polluted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
