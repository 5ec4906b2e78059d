import { defineConfig } from "vitest/config";

// Benchmarks print figures; they assert nothing about wall-clock time.
export default defineConfig({
  test: {
    environment: "happy-dom",
    include: ["tests/bench/**/*.bench.ts"],
    setupFiles: ["tests/unit/setup.ts"],
    testTimeout: 600_000,
  },
});
