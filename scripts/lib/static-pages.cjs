// Loaded into each `next start` worker of scripts/lib/supervisor.ts (node --require).
// Answers a browser's GET of a prerendered page with the brotli or gzip copy the build wrote
// (scripts/lib/precompress.ts) instead of letting Next compress the same bytes on every request.
// The headers are Next's own: the first request for a page goes to Next, which answers it as
// usual, and its headers are kept for the page's later answers. Anything else goes to Next:
// other methods and paths, RSC requests (navigation, prefetch), clients that accept neither
// encoding, and pages of a build without precompressed copies.
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const distDir = path.resolve(process.env.LECTERN_DIST_DIR || ".next");
/** Headers that describe one response's bytes or connection, never copied from Next's. */
const OWN = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
]);

/** URL path → { file, headers: Next's headers once seen, copies: { br, gzip } read lazily }. */
const pages = new Map();
try {
  const index = JSON.parse(fs.readFileSync(path.join(distDir, "lectern-precompressed.json"), "utf8"));
  for (const [route, file] of Object.entries(index))
    pages.set(route, { file: path.join(distDir, file), headers: null, copies: {} });
} catch {
  // No index: a build from before precompression, or none yet. Next answers everything.
}

/** The encoding to answer with: brotli, else gzip, else null (q=0 refuses one). */
function encodingFor(accept) {
  if (!accept) return null;
  const accepted = new Set();
  for (const part of accept.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p))) accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}

function copy(page, encoding) {
  if (!page.copies[encoding]) {
    try {
      page.copies[encoding] = fs.readFileSync(`${page.file}.${encoding === "br" ? "br" : "gz"}`);
    } catch {
      page.copies[encoding] = false;
    }
  }
  return page.copies[encoding];
}

/** Keeps the headers of Next's 200 answer for `page`, for the next requests. */
function recordHeaders(page, res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((r) => r && typeof r === "object") ?? {};
    const all = {
      ...res.getHeaders(),
      ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    };
    if (status === 200 && !all["set-cookie"] && String(all["content-type"] ?? "").startsWith("text/html")) {
      page.headers = Object.fromEntries(Object.entries(all).filter(([name]) => !OWN.has(name)));
    }
    return writeHead.call(this, status, ...rest);
  };
}

function handled(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-router-state-tree"])
    return false;
  const url = new URL(req.url ?? "/", "http://x");
  if (url.searchParams.has("_rsc")) return false;
  const page = pages.get(url.pathname);
  if (!page) return false;
  if (!page.headers) {
    recordHeaders(page, res);
    return false;
  }
  const encoding = encodingFor(req.headers["accept-encoding"]);
  const body = encoding && copy(page, encoding);
  if (!body) return false;
  const vary = String(page.headers.vary ?? "");
  res.writeHead(200, {
    ...page.headers,
    vary: /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : "Accept-Encoding",
    "content-encoding": encoding,
    "content-length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (pages.size > 0 && !this.__lecternStaticPages) {
    this.__lecternStaticPages = true;
    const next = this.listeners("request");
    this.removeAllListeners("request");
    this.on("request", (req, res) => {
      if (handled(req, res)) return;
      for (const listener of next) listener.call(this, req, res);
    });
  }
  return listen.apply(this, args);
};
