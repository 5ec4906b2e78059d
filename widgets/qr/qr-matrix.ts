/**
 * A compact QR Code encoder (ISO/IEC 18004): byte mode, error correction level L, versions
 * 1–10 (up to 271 bytes), mask pattern 0. Enough for a `wa.me` link with a short message.
 */

/**
 * Encodes `text` (as UTF-8) and returns the module rows, dark = 1, without the quiet zone;
 * undefined when it does not fit in version 10.
 * @example qrMatrix("https://wa.me/923001234567")?.length // 25 (version 2)
 */
export const qrMatrix = (text: string): number[][] | undefined => {
  const bytes = new TextEncoder().encode(text);
  // Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11d), bit by bit.
  const mul = (a: number, b: number) => {
    let r = 0;
    for (let i = 7; i >= 0; i--) r = (r << 1) ^ ((r >> 7) * 285) ^ (((b >> i) & 1) * a);
    return r;
  };
  for (let v = 1; v < 11; v++) {
    // Codewords in the data area (ISO 18004 table 1).
    const raw = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346][v - 1]!;
    // Error correction codewords per block and block count at level L (ISO 18004 table 9).
    const ecc = [7, 10, 15, 20, 26, 18, 20, 24, 30, 18][v - 1]!;
    const nb = v > 9 ? 4 : v > 5 ? 2 : 1;
    const cap = raw - ecc * nb;
    const wide = v > 9 ? 16 : 8;
    if (4 + wide + bytes.length * 8 > cap * 8) continue;
    const bin = (val: number, len: number) => val.toString(2).padStart(len, "0");
    // Byte mode (0100), the length, the bytes and a terminator (0000): a whole number of bytes.
    const bits = "0100" + bin(bytes.length, wide) + [...bytes].map((b) => bin(b, 8)).join("") + "0000";
    const data = bits.match(/.{8}/g)!.map((b) => parseInt(b, 2));
    for (let p = 236; data.length < cap; p ^= 253) data.push(p);
    // Reed–Solomon divisor: the product of (x - 2^i) for i < ecc, its leading 1 implied.
    const div = Array<number>(ecc).fill(0);
    div[ecc - 1] = 1;
    for (let i = 0, root = 1; i < ecc; i++, root = mul(root, 2))
      for (let j = 0; j < ecc; j++) div[j] = mul(div[j]!, root) ^ (div[j + 1] ?? 0);
    const short = nb - (raw % nb);
    const len = ((raw / nb) | 0) - ecc;
    const blocks: number[][][] = [];
    for (let i = 0, k = 0; i < nb; i++) {
      const block = data.slice(k, (k += len + +(i >= short)));
      let rem = Array<number>(ecc).fill(0);
      for (const b of block) {
        const f = b ^ rem.shift()!;
        rem = [...rem, 0].map((r, j) => r ^ mul(div[j]!, f));
      }
      blocks.push([block, rem]);
    }
    // Interleave: data codewords block by block, then the error correction codewords.
    const words: number[] = [];
    for (const p of [0, 1]) for (let i = 0; i <= len + ecc; i++) for (const b of blocks) if (i < b[p]!.length) words.push(b[p]![i]!);

    const n = v * 4 + 17;
    // Function modules are set first; `undefined` marks the ones left for data.
    const m = Array.from({ length: n }, () => Array<number | undefined>(n));
    const set = (x: number, y: number, dark: unknown) => {
      if (m[y] && x >= 0 && x < n) m[y]![x] = dark ? 1 : 0;
    };
    // `light` lists the squared ring radii drawn light.
    const square = (cx: number, cy: number, r: number, light: number[]) => {
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) set(cx + dx, cy + dy, !light.includes(Math.max(dx * dx, dy * dy)));
    };
    square(3, 3, 4, [4, 16]);
    square(n - 4, 3, 4, [4, 16]);
    square(3, n - 4, 4, [4, 16]);
    const at = v < 2 ? [] : v < 7 ? [6, n - 7] : [6, (n - 1) / 2, n - 7];
    for (const x of at) for (const y of at) if (m[y]![x] == null) square(x, y, 2, [1]);
    // Timing after alignment: where they cross, both agree (alignment centres are even).
    for (let i = 8; i < n - 8; i++) set(6, i, !(i & 1)), set(i, 6, !(i & 1));
    // Format: level L, mask 0, BCH-coded and XORed with 0x5412; then the always-dark module.
    for (let i = 0; i < 15; i++) {
      const bit = (0x77c4 >> i) & 1;
      set(8, i < 6 ? i : i < 8 ? i + 1 : n - 15 + i, bit);
      set(i < 8 ? n - 1 - i : i < 9 ? 7 : 14 - i, 8, bit);
    }
    set(8, n - 8, 1);
    // Version information, BCH-coded, from version 7 on.
    for (let i = 0, info = [0x7c94, 0x85bc, 0x9a99, 0xa4d3][v - 7] ?? 0; info && i < 18; i++) {
      const bit = (info >> i) & 1;
      set(n - 11 + (i % 3), (i / 3) | 0, bit);
      set((i / 3) | 0, n - 11 + (i % 3), bit);
    }
    // Data in two-column zigzags from the bottom right, mask 0 ((x + y) even) applied on the way.
    let i = 0;
    for (let right = n - 1; right > 0; right -= 2) {
      if (right == 6) right = 5;
      for (let k = 0; k < n; k++)
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const y = (right + 1) & 2 ? k : n - 1 - k;
          if (m[y]![x] == null) m[y]![x] = ((words[i >> 3]! >> (7 - (i++ & 7))) & 1) ^ +!((x + y) & 1);
        }
    }
    return m as number[][];
  }
  return undefined;
};
