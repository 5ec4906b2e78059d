// Prints the min+gzip bytes an entry adds to a bundle: `node scripts/size-of.mjs src/x.ts [export ...]`.
// Transpiles without type checking so it works while other files are being edited.
import { rollup } from "rollup";
import resolve from "@rollup/plugin-node-resolve";
import { minify } from "terser";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";

const [entry, ...names] = process.argv.slice(2);
if (!entry) throw new Error("usage: node scripts/size-of.mjs <entry.ts|entry.tsx> [export ...]");
const abs = resolvePath(entry);
const imports = names.length ? `import { ${names.join(", ")} } from ${JSON.stringify(abs)}; console.log(${names.join(", ")});` : `export * from ${JSON.stringify(abs)};`;

const transpile = {
  name: "transpile",
  resolveId(id, importer) {
    if (id === "\0entry") return id;
    if (importer && id.startsWith(".") && !/\.[cm]?[jt]sx?$/.test(id)) {
      for (const ext of [".ts", ".tsx", "/index.ts", "/index.tsx"]) {
        const candidate = resolvePath(importer, "..", id + ext);
        try { readFileSync(candidate); return candidate; } catch {}
      }
    }
    return null;
  },
  load(id) { return id === "\0entry" ? imports : null; },
  transform(code, id) {
    if (!/\.tsx?$/.test(id)) return null;
    const out = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: "preact", verbatimModuleSyntax: true }, fileName: id });
    return { code: out.outputText, map: null };
  },
};

const bundle = await rollup({ input: "\0entry", plugins: [transpile, resolve({ extensions: [".ts", ".tsx", ".js", ".mjs"] })], onwarn() {} });
const { output } = await bundle.generate({ format: "es" });
const min = await minify(output[0].code, { ecma: 2020, module: true, compress: { passes: 3 }, mangle: { properties: { regex: /^_/ } } });
console.log(`${entry}${names.length ? ` {${names.join(", ")}}` : ""}: ${min.code.length} B min, ${gzipSync(min.code, { level: 9 }).length} B min+gzip`);
