// Small configs, one per shipped file. The script tag is one minified IIFE with everything
// bundled; the npm entries are ESM with declarations and preact left to the app.
import typescript from "@rollup/plugin-typescript";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";

const ts = (options = {}) =>
  typescript({ tsconfig: "./tsconfig.json", noEmit: false, declaration: false, include: ["src/**/*", "widgets/**/*", "scripts/lab.ts"], ...options });

// Declarations keep the sources' extensionless imports, which TypeScript's node16/nodenext
// resolution refuses: point each one at the file it means (`./x.js` or `./x/index.js`).
const explicitDeclarationImports = () => ({
  name: "explicit-declaration-imports",
  writeBundle() {
    const visit = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (path.endsWith(".d.ts")) {
          const code = readFileSync(path, "utf8").replace(/(from |import\()"(\.\.?\/[^"]+?)"/g, (all, head, spec) => {
            if (/\.js$/.test(spec)) return all;
            const base = resolvePath(dirname(path), spec);
            const target = existsSync(base + ".d.ts") ? spec + ".js" : existsSync(join(base, "index.d.ts")) ? spec + "/index.js" : spec;
            return `${head}"${target}"`;
          });
          writeFileSync(path, code);
        }
      }
    };
    for (const dir of ["dist/src", "dist/widgets"]) if (existsSync(dir)) visit(dir);
  },
});

const minify = () =>
  terser({
    ecma: 2020,
    // Measured on the gzip size: inline: 1 keeps single-use helpers as functions instead of
    // pasting them in as called function expressions, hoist_vars merges preact's `var`s, and
    // keep_fargs: false drops unused trailing parameters (nothing here reads a function's length).
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true, inline: 1, hoist_vars: true, keep_fargs: false },
    // Properties starting with `_` are private to the bundle: their names can go.
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false, ascii_only: true },
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
    plugins: [ts({ declaration: true, declarationDir: "dist", outDir: "dist", include: ["src/**/*", "widgets/**/*"] }), explicitDeclarationImports()],
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
