import { describe, expect, it } from "vitest";
import { h, render } from "preact";
import { qrMatrix, QrCode } from "../../../widgets/qr/index";

// An independent reader written from ISO/IEC 18004: it checks the fixed patterns, decodes the
// format bits, verifies every Reed–Solomon block by its syndromes and parses the byte segment.
const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i++, x = x & 128 ? (x << 1) ^ 0x11d : x << 1) (EXP[i] = x), (LOG[x] = i);
const gmul = (a: number, b: number) => (a && b ? EXP[(LOG[a]! + LOG[b]!) % 255]! : 0);

// Level L per version: [total codewords, ecc per block, blocks], alignment centres (spec annex E).
const TABLE: Record<number, [number, number, number, number[]]> = {
  1: [26, 7, 1, []], 2: [44, 10, 1, [6, 18]], 3: [70, 15, 1, [6, 22]], 4: [100, 20, 1, [6, 26]],
  5: [134, 26, 1, [6, 30]], 6: [172, 18, 2, [6, 34]], 7: [196, 20, 2, [6, 22, 38]],
  8: [242, 24, 2, [6, 24, 42]], 9: [292, 30, 2, [6, 26, 46]], 10: [346, 18, 4, [6, 28, 50]],
};

function bch(data: number, poly: number, deg: number) {
  let r = data << deg;
  for (let i = 31; i >= deg; i--) if ((r >> i) & 1) r ^= poly << (i - deg);
  return (data << deg) | r;
}

function readFormat(m: number[][]) {
  const n = m.length;
  const bit = (x: number, y: number) => m[y]![x]!;
  let a = 0;
  let b = 0;
  const first: [number, number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
  first.forEach(([x, y], i) => (a |= bit(x, y) << i));
  for (let i = 0; i < 8; i++) b |= bit(n - 1 - i, 8) << i;
  for (let i = 8; i < 15; i++) b |= bit(8, n - 15 + i) << i;
  return [a, b];
}

function decode(m: number[][]) {
  const n = m.length;
  const v = (n - 17) / 4;
  const [total, ecc, blocks, align] = TABLE[v]!;
  const fn = m.map((row) => row.map(() => false));
  const mark = (x0: number, y0: number, w: number, hgt: number) => {
    for (let y = y0; y < y0 + hgt; y++) for (let x = x0; x < x0 + w; x++) if (fn[y]?.[x] !== undefined) fn[y]![x] = true;
  };
  mark(0, 0, 9, 9);
  mark(n - 8, 0, 8, 9);
  mark(0, n - 8, 9, 8);
  mark(6, 0, 1, n);
  mark(0, 6, n, 1);
  const last = align[align.length - 1];
  for (const x of align) for (const y of align) if (!(x === 6 && y === 6) && !(x === 6 && y === last) && !(x === last && y === 6)) mark(x - 2, y - 2, 5, 5);
  if (v >= 7) mark(n - 11, 0, 3, 6), mark(0, n - 11, 6, 3);
  const bits: number[] = [];
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < n; k++) {
      const y = ((right + 1) & 2) === 0 ? n - 1 - k : k;
      for (const x of [right, right - 1]) if (!fn[y]![x]) bits.push(m[y]![x]! ^ ((x + y) % 2 === 0 ? 1 : 0));
    }
  }
  const words: number[] = [];
  for (let i = 0; i + 8 <= total * 8; i += 8) words.push(parseInt(bits.slice(i, i + 8).join(""), 2));
  const shortLen = Math.floor(total / blocks);
  const longCount = total % blocks;
  const dataLens = Array.from({ length: blocks }, (_, i) => shortLen - ecc + (i >= blocks - longCount ? 1 : 0));
  const parts = dataLens.map(() => [] as number[]);
  let k = 0;
  for (let i = 0; i < Math.max(...dataLens); i++) for (let b = 0; b < blocks; b++) if (i < dataLens[b]!) parts[b]!.push(words[k++]!);
  const checks = dataLens.map(() => [] as number[]);
  for (let i = 0; i < ecc; i++) for (let b = 0; b < blocks; b++) checks[b]!.push(words[k++]!);
  parts.forEach((p, b) => {
    const cw = [...p, ...checks[b]!];
    for (let i = 0; i < ecc; i++) {
      let s = 0;
      for (const c of cw) s = gmul(s, EXP[i]!) ^ c;
      expect(s, `syndrome ${i} of block ${b}`).toBe(0);
    }
  });
  const data = parts.flat();
  const stream = data.map((d) => d.toString(2).padStart(8, "0")).join("");
  expect(stream.slice(0, 4)).toBe("0100");
  const countBits = v < 10 ? 8 : 16;
  const len = parseInt(stream.slice(4, 4 + countBits), 2);
  const bytes = new Uint8Array(len);
  for (let i = 0; i < len; i++) bytes[i] = parseInt(stream.slice(4 + countBits + i * 8, 12 + countBits + i * 8), 2);
  return new TextDecoder().decode(bytes);
}

const finder = (m: number[][], x0: number, y0: number) =>
  Array.from({ length: 7 }, (_, y) => Array.from({ length: 7 }, (_, x) => m[y0 + y]![x0 + x]).join("")).join("/");
const FINDER = "1111111/1000001/1011101/1011101/1011101/1000001/1111111";

describe("qrMatrix", () => {
  const url = "https://wa.me/923001234567?text=Hi%2C%20I%20have%20a%20question%20about%20Trail%20Runner";

  it("picks the smallest version that holds the text", () => {
    expect(qrMatrix("HELLO WORLD")!.length).toBe(21);
    expect(qrMatrix("https://wa.me/923001234567")!.length).toBe(25);
    expect(qrMatrix(url)!.length).toBe(37);
  });

  it("draws the three finder patterns and the timing patterns", () => {
    const m = qrMatrix(url)!;
    const n = m.length;
    expect(finder(m, 0, 0)).toBe(FINDER);
    expect(finder(m, n - 7, 0)).toBe(FINDER);
    expect(finder(m, 0, n - 7)).toBe(FINDER);
    for (let i = 8; i < n - 8; i++) {
      expect(m[6]![i]).toBe(i % 2 ? 0 : 1);
      expect(m[i]![6]).toBe(i % 2 ? 0 : 1);
    }
    expect(m[n - 8]![8]).toBe(1);
  });

  it("writes both copies of valid format bits for level L, mask 0", () => {
    const [a, b] = readFormat(qrMatrix(url)!);
    expect(a).toBe(b);
    const raw = a! ^ 0x5412;
    expect(bch(raw >> 10, 0x537, 10)).toBe(raw);
    expect(raw >> 13).toBe(1);
    expect((raw >> 10) & 7).toBe(0);
  });

  it("writes valid version bits from version 7 on", () => {
    const m = qrMatrix("x".repeat(150))!;
    const n = m.length;
    const v = (n - 17) / 4;
    expect(v).toBe(7);
    let info = 0;
    for (let i = 0; i < 18; i++) info |= m[Math.floor(i / 3)]![n - 11 + (i % 3)]! << i;
    expect(info).toBe(bch(v, 0x1f25, 12));
  });

  it.each([
    ["HELLO WORLD"],
    ["https://wa.me/923001234567"],
    ["https://wa.me/923001234567?text=" + encodeURIComponent("سلام، جوتوں کے بارے میں سوال ہے")],
    ["a".repeat(60)],
    ["f".repeat(120)],
    ["b".repeat(150)],
    ["c".repeat(200)],
    ["d".repeat(271)],
  ])("round-trips %s through an independent reader", (text) => {
    expect(decode(qrMatrix(text)!)).toBe(text);
  });

  it("gives up past version 10", () => {
    expect(qrMatrix("e".repeat(272))).toBeUndefined();
  });
});

describe("QrCode", () => {
  it("renders a labelled svg with a quiet zone and no inline style", () => {
    const host = document.createElement("div");
    render(h(QrCode, { text: "HELLO WORLD", label: "Scan to chat on WhatsApp" }), host);
    const svg = host.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Scan to chat on WhatsApp");
    expect(svg.getAttribute("viewBox")).toBe("0 0 29 29");
    expect(svg.querySelector("path")!.getAttribute("d")).toMatch(/^M4 4h7v1h-7z/);
    expect(host.querySelector("[style]")).toBeNull();
  });
});
