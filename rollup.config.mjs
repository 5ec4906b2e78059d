// Small configs, one per shipped file. The script tag is one minified IIFE with everything
// bundled; the npm entries are ESM with declarations and preact left to the app.
import typescript from "@rollup/plugin-typescript";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";

const ts = (options = {}) =>
  typescript({ tsconfig: "./tsconfig.json", noEmit: false, declaration: false, include: ["src/**/*", "widgets/**/*", "scripts/lab.ts"], ...options });

const minify = () =>
  terser({
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    // Properties starting with `_` are private to the bundle: their names can go.
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false },
  });

const scriptTag = (input, file) => ({
  input,
  output: { file, format: "iife", sourcemap: false, generatedCode: "es2015" },
  plugins: [resolve(), ts(), minify()],
  treeshake: { moduleSideEffects: (id) => id.endsWith("script-tag.ts") },
});

export default [
  {
    input: { index: "src/index.ts", "widgets/index": "widgets/index.ts" },
    output: { dir: "dist", format: "es", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    external: [/^preact/, "idb-keyval"],
    plugins: [ts({ declaration: true, declarationDir: "dist", outDir: "dist", include: ["src/**/*", "widgets/**/*"] })],
  },
  scriptTag("widgets/script-tag.ts", "dist/shopkeeper.js"),
  scriptTag("src/script-tag.ts", "dist/shopkeeper.core.js"),
  {
    input: "src/cli/index.ts",
    output: { file: "dist/cli.js", format: "es" },
    external: [/^node:/],
    plugins: [ts({ include: ["src/**/*"] })],
  },
  {
    input: "scripts/lab.ts",
    output: { file: "dist/lab.mjs", format: "es" },
    plugins: [resolve(), ts()],
  },
];
