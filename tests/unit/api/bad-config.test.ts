import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper } from "../../../src/index";
import { startScriptTag } from "../../../src/loader";
import { _resetWarnings } from "../../../src/log";
import { autoMount } from "../../../widgets/auto-mount";
import { channels, floatingChannels } from "../../../widgets/channels/index";
import { getLocale } from "../../../widgets/i18n/index";
import { preferences } from "../../../widgets/preferences/preferences";
import { recommendations } from "../../../widgets/recommendations/recommendations";
import { startSurveys } from "../../../widgets/survey/index";

const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  (win.shopkeeper as ((command: string) => void) | undefined)?.("destroy");
  delete win.__shopkeeper_loaded;
  delete win.shopkeeper;
  _resetWarnings();
});

// What a shop owner may write into the JSON block: wrong types, typos, junk inside lists.
const PAGES: Record<string, unknown> = {
  "wrong types": { holdout: "0.1", theme: "Dark", consent: "yes", floatingChannels: "false", debug: 1, strings: { fr: { title: 5 } }, channelOrder: { loyal: "whatsapp" } },
  typos: { holdut: 0.1, datalayer: true, "data-catalog": "/x.json", catalog_format: "shopify" },
  "junk in lists": {
    channels: [{ type: "whatsap", value: "+92 300 1234567" }, { type: "phone", value: "+92 21 111 222 333", hours: "9-5" }, { type: "sms", value: "+92 300 1234567", hours: { tz: "Mars/Base", days: "mon", open: 9 } }, { type: "link", value: { href: "x" } }],
    surveys: [{ id: "s", trigger: "page-view", questions: [] }, "junk", null, { id: "t", trigger: { pageViews: 1 }, questions: [{ id: "q", type: "nps", text: "?", lowLabel: 5, optional: "yes" }] }],
    audiences: [{ id: "b", rule: { feild: "x" } }, 5],
    catalog: [{ id: 1 }, "junk", null],
  },
  "not an object": ["surveys"],
};

/** Starts the script tag with every widget, as dist/shopkeeper.js does, on a page with `json` and three slots. */
async function startPage(json: unknown) {
  const block = Object.assign(document.createElement("script"), { type: "application/json", id: "shopkeeper-config", textContent: JSON.stringify(json) });
  document.body.append(block);
  for (const name of ["recommendations", "channels", "preferences"]) {
    const slot = document.createElement("div");
    slot.dataset.shopkeeper = name;
    document.body.append(slot);
  }
  const widgets = { recommendations, preferences, channels };
  startScriptTag({ widgets, onStart: startSurveys, later: [getLocale, (sk) => (autoMount(sk, widgets), floatingChannels(sk))] });
  await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
  const shopkeeper = win.shopkeeper as (...args: unknown[]) => unknown;
  shopkeeper("show", "t");
  await new Promise((done) => shopkeeper((sk: { recommend(): Promise<unknown> }) => sk.recommend().then(done)));
  await new Promise((done) => setTimeout(done, 20));
}

describe("invalid options", () => {
  for (const [name, json] of Object.entries(PAGES))
    it(`never stop the script tag or reach the page, and are reported once: ${name}`, async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on("unhandledRejection", onRejection);
      try {
        await startPage(json);
      } finally {
        process.off("unhandledRejection", onRejection);
      }
      expect(rejections).toEqual([]);
      const messages = warn.mock.calls.map((call) => String(call[0]));
      // One warning per code (the code ends each message), and one about the options themselves.
      const codes = messages.map((m) => /\((\S+)\)$/.exec(m)?.[1]);
      expect(new Set(codes).size).toBe(codes.length);
      expect(messages.filter((m) => m.includes("ignored invalid options")).length).toBeLessThanOrEqual(1);
      expect(messages.length).toBeGreaterThan(0);
      // Degraded, not broken: no feature failed, and the widgets rendered.
      expect(messages.filter((m) => /internal error|failed|threw/.test(m))).toEqual([]);
      expect(document.querySelector('[data-shopkeeper="preferences"]')?.shadowRoot?.textContent).toContain("What this shop remembers about you");
    });

  it("never make createShopkeeper throw, whatever it is given", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const options of ["catalog.json", 5, [], { autoTrack: "no" }, { surveys: [null] }]) {
      const sk = createShopkeeper(options as never);
      expect(sk.consent()).toBe("granted");
      sk.destroy();
      _resetWarnings();
    }
    expect(warn).toHaveBeenCalledTimes(5);
  });
});
