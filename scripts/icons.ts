// `npx tsx scripts/icons.ts`: draws the site's raster icons from public/icon.svg, the one
// drawing of the Lectern mark, so the three never disagree:
//   public/favicon.ico           16 and 32 px (what browsers ask for at /favicon.ico)
//   public/apple-touch-icon.png  180 px, opaque and square (iOS rounds the corners itself)
// Run it after editing icon.svg and commit the outputs. Chromium draws the SVG (the same one the
// browser tests use); the ICO holds PNG images, which every current browser reads.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumHelp, findChromium } from "./lib/chromium";
import { ROOT } from "./lib/run";

const PUBLIC = path.join(ROOT, "public");
const svg = readFileSync(path.join(PUBLIC, "icon.svg"), "utf8");
// The mark without its rounded tile, centred on a full square of the tile's colour, for iOS.
const fill = /<rect[^>]*fill="(#[0-9a-fA-F]{6})"/.exec(svg)?.[1] ?? "#1f5bc4";
const glyph = svg.replace(/<title>.*?<\/title>/, "").replace(/<rect[^>]*\/>/, "");
const touchSvg = glyph.replace(
  /viewBox="0 0 24 24">/,
  `viewBox="-6 -6 36 36"><rect x="-6" y="-6" width="36" height="36" fill="${fill}"/>`,
);

/** Packs PNG images into an ICO file (ICONDIR, one ICONDIRENTRY per image, then the images). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const found = await findChromium();
if (!found) {
  console.error(chromiumHelp());
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: found.path });
try {
  const page = await browser.newPage();
  const render = async (source: string, size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const images = [];
  for (const size of [16, 32]) images.push({ size, png: await render(svg, size) });
  writeFileSync(path.join(PUBLIC, "favicon.ico"), ico(images));
  writeFileSync(path.join(PUBLIC, "apple-touch-icon.png"), await render(touchSvg, 180));
  console.log(
    "✔ public/favicon.ico (16, 32 px) and public/apple-touch-icon.png (180 px) from public/icon.svg",
  );
} finally {
  await browser.close();
}
