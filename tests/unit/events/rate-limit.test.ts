import { beforeEach, describe, expect, it, vi } from "vitest";
import { createRateLimit } from "../../../src/events/rate-limit";
import { _resetWarnings } from "../../../src/log";

beforeEach(() => {
  _resetWarnings();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

describe("rate limit", () => {
  it("lets a burst of 100 through, then 10 a second", () => {
    let now = 0;
    const limit = createRateLimit({ now: () => now });
    let passed = 0;
    for (let i = 0; i < 150; i++) passed += limit.take() ? 1 : 0;
    expect(passed).toBe(100);
    now = 1000;
    passed = 0;
    for (let i = 0; i < 20; i++) passed += limit.take() ? 1 : 0;
    expect(passed).toBe(10);
  });

  it("bounds a flood of 100,000 calls and reports the count once it ends", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let now = 0;
    const limit = createRateLimit({ now: () => now });
    let passed = 0;
    for (let i = 0; i < 100_000; i++) passed += limit.take() ? 1 : 0;
    expect(passed).toBe(100);
    expect(warn).not.toHaveBeenCalled();
    now = 5000;
    expect(limit.take()).toBe(true);
    for (let i = 0; i < 1000; i++) limit.take();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/99900 events were dropped/);
  });

  it("adds no tokens when the clock jumps back", () => {
    let now = 10_000;
    const limit = createRateLimit({ rate: 1, burst: 1, now: () => now });
    expect(limit.take()).toBe(true);
    now = 0;
    expect(limit.take()).toBe(false);
    now = 1000;
    expect(limit.take()).toBe(true);
  });
});
