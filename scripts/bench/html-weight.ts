// `npm run bench:html-weight -- [file.html] [--classes N]`: where a prerendered page's bytes
// go. Prints raw / gzip -9 / brotli sizes of the whole file and of its parts: text, markup, inline
// scripts (the RSC payload), class attributes (with the most expensive repeated class strings),
// and regions (landmarks, navigations, forms, code blocks). Defaults to Part 7 in the build.
// A measuring tool beside `npm run bench -- --pages` (which reports the file's sizes only).
import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { DIST_DIR } from "../lib/fingerprint";
import { ROOT } from "../lib/run";

const args = process.argv.slice(2);
const classesArg = args.indexOf("--classes");
const topClasses = classesArg >= 0 ? Number(args[classesArg + 1]) : 12;
const file =
  args.find((a) => a.endsWith(".html")) ??
  path.join(DIST_DIR, "server/app/courses/docker/multi-stage-builds.html");

const html = fs.readFileSync(file, "utf8");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (s: string) => gzipSync(s, { level: 9 }).length;
const br = (s: string) => brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (s: string) => `${kb(Buffer.byteLength(s)).padStart(9)} raw ${kb(gz(s)).padStart(8)} gzip`;

const tree = unified().use(rehypeParse).parse(html) as Root;
const source = (el: Element) => html.slice(el.position?.start.offset ?? 0, el.position?.end.offset ?? 0);

const text: string[] = [];
const scripts: { rsc: string[]; other: string[]; json: string[] } = { rsc: [], other: [], json: [] };
const styles: string[] = [];
const classes = new Map<string, number>();
let classAttrs = 0;
let classBytes = 0;
visit(tree, (node) => {
  if (node.type === "text") text.push(node.value);
  if (node.type !== "element") return;
  if (node.tagName === "script") {
    const body = source(node);
    const type = String(node.properties.type ?? "");
    if (body.includes("self.__next_f")) scripts.rsc.push(body);
    else if (type.includes("json")) scripts.json.push(body);
    else scripts.other.push(body);
    return SKIP;
  }
  if (node.tagName === "style") {
    styles.push(source(node));
    return SKIP;
  }
  const cls = node.properties.className;
  if (Array.isArray(cls)) {
    const value = cls.join(" ");
    classAttrs++;
    classBytes += ` class="${value}"`.length;
    classes.set(value, (classes.get(value) ?? 0) + 1);
  }
});

const allScripts = [...scripts.rsc, ...scripts.other, ...scripts.json].join("");
let markup = html;
for (const s of [...scripts.rsc, ...scripts.other, ...scripts.json, ...styles])
  markup = markup.replace(s, "");

console.log(`${path.relative(ROOT, file)}`);
console.log(`  whole file      ${sizes(html)} ${kb(br(html)).padStart(8)} brotli`);
console.log(`  text content    ${sizes(text.join(""))}`);
console.log(`  markup (tags + text, no scripts/styles) ${sizes(markup)}`);
console.log(`  inline RSC payload (${scripts.rsc.length} scripts) ${sizes(scripts.rsc.join(""))}`);
console.log(`  other inline/external script tags (${scripts.other.length}) ${sizes(scripts.other.join(""))}`);
console.log(`  JSON script tags (${scripts.json.length}) ${sizes(scripts.json.join(""))}`);
console.log(`  all scripts     ${sizes(allScripts)}`);
console.log(`  class attributes: ${classAttrs}, ${kb(classBytes)} raw`);

/** Regions: what a reader would name (landmarks, navs by name, forms, code blocks, islands). */
const regions = new Map<string, { count: number; bytes: number; all: string[] }>();
const islandProps: string[] = [];
const add = (name: string, el: Element) => {
  const r = regions.get(name) ?? { count: 0, bytes: 0, all: [] };
  const s = source(el);
  r.count++;
  r.bytes += Buffer.byteLength(s);
  r.all.push(s);
  regions.set(name, r);
};
visit(tree, "element", (el: Element) => {
  const p = el.properties;
  const label = p.ariaLabel ? ` "${p.ariaLabel}"` : "";
  if (["header", "footer", "main", "aside", "nav", "form", "pre", "details", "dialog"].includes(el.tagName))
    add(`<${el.tagName}>${label}`, el);
  if (p.dataLessonBody !== undefined) add("[data-lesson-body]", el);
  if (typeof p.dataIsland === "string") add(`island ${p.dataIsland}`, el);
  // Its props as they stand in the HTML: the JSON script an island carries (components/islands).
  if (el.tagName === "script" && p.dataIslandProps !== undefined) islandProps.push(source(el));
});
console.log(`  island props scripts (${islandProps.length}) ${sizes(islandProps.join(""))}`);
console.log("\n  regions (outer HTML; nested regions count in each)");
for (const [name, r] of [...regions].sort((a, b) => b[1].bytes - a[1].bytes))
  console.log(`  ${`${name} ×${r.count}`.padEnd(52)} ${sizes(r.all.join(""))}`);

/** What a class string costs on the page: ` class="…"` in each element that carries it. */
const cost = ([value, count]: [string, number]) => count * (value.length + 9);
console.log(`\n  most expensive repeated class strings (count × length)`);
for (const [value, count] of [...classes].sort((a, b) => cost(b) - cost(a)).slice(0, topClasses))
  console.log(`  ${kb(cost([value, count])).padStart(8)} ×${String(count).padEnd(4)} ${value.slice(0, 110)}`);

/** The RSC payload's rows by size: which components and props travel in it. */
const payload = scripts.rsc
  .map((s) => {
    const m = s.match(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/);
    return m ? (JSON.parse(m[1] as string) as string) : "";
  })
  .join("");
const rows = payload.split(/\n(?=[0-9a-f]+:)/);
console.log(`\n  RSC payload decoded: ${kb(Buffer.byteLength(payload))}, ${rows.length} rows; largest:`);
for (const row of [...rows].sort((a, b) => b.length - a.length).slice(0, 8))
  console.log(`  ${kb(Buffer.byteLength(row)).padStart(8)}  ${row.slice(0, 120).replace(/\n/g, " ")}`);
