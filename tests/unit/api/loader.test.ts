import { afterEach, describe, expect, it, vi } from "vitest";
import { startScriptTag } from "../../../src/loader";
import { _resetWarnings } from "../../../src/log";

const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete win.__shopkeeper_loaded;
  delete win.shopkeeper;
  _resetWarnings();
});

describe("the script-tag start", () => {
  it("says so when window.shopkeeper held another script's value, then takes the name", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    win.shopkeeper = { version: "another library" };
    startScriptTag({});
    await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(["[shopkeeper] window.shopkeeper held something else; it is replaced (global)"]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("takes its own queue stub without a word", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const stub = Object.assign(() => undefined, { q: [["consent", "granted"]] });
    win.shopkeeper = stub;
    startScriptTag({});
    await vi.waitFor(() => expect(win.shopkeeper).not.toBe(stub));
    expect(warn).not.toHaveBeenCalled();
    (win.shopkeeper as (c: string) => void)("destroy");
  });
});
