import { defineConfig } from "vitest/config";

// Real-browser tests (playwright-core + Debian's Chromium against the built dist/ files) and the
// size budgets of the built files. Files run one after another: Chromium is heavy on 2 cores.
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/browser/**/*.test.ts", "tests/build/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
