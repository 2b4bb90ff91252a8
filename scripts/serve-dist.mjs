// A small static file server for the built app, with no dependencies: used by
// `scripts/serve.sh`, the Playwright tests and the benchmarks. It behaves like a plain
// static host: serves precompressed .br/.gz copies when the browser accepts them, sends
// the right content types, and sends the headers the build's `_headers` file asks for
// (deploy/_headers: security headers for every response, and a year's caching for files
// with a content hash in their name). Every other file is revalidated (no-cache), so a
// new sw.js is always seen and service-worker updates are never held back by an HTTP
// cache. Like Netlify, it never serves the `_headers` file itself.
//
//   node scripts/serve-dist.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--prefix /some/folder/]
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** deploy/_headers in this repository: used when the served folder has no `_headers`. */
const REPO_HEADERS = fileURLToPath(new URL("../deploy/_headers", import.meta.url));

/**
 * Reads a `_headers` file (the Netlify and Cloudflare Pages format): a path pattern
 * starting with "/" on a line of its own, where "*" matches anything, then indented
 * "Name: value" lines. Returns [{ pattern: RegExp, headers: [[name, value]] }].
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      if (!line.startsWith("/")) throw new Error(`_headers: a path must start with "/": ${line}`);
      const source = line.trim().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      rules.push({ path: line.trim(), pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const match = line.trim().match(/^([A-Za-z0-9-]+):\s*(.+)$/);
    if (!match || rules.length === 0) throw new Error(`_headers: cannot read the line ${line.trim()}`);
    rules.at(-1).headers.push([match[1], match[2]]);
  }
  return rules;
}

/** The headers `rules` give the file at `relative` (a path inside the served folder). */
export function headersFor(rules, relative) {
  const headers = {};
  for (const rule of rules) {
    if (rule.pattern.test(`/${relative}`)) for (const [name, value] of rule.headers) headers[name] = value;
  }
  return headers;
}

/** Normalises a sub-path prefix to start and end with "/" ("/" for none). */
function normalisePrefix(prefix) {
  const trimmed = (prefix || "/").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

async function fileAt(root, relative) {
  const full = path.join(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(full);
    return info.isFile() ? { full, info } : null;
  } catch {
    return null;
  }
}

/**
 * Starts serving `root` and resolves to `{ server, url, close }` once listening.
 * `url` is the app's address including the prefix, for example http://127.0.0.1:8080/.
 * `headers: false` leaves out the `_headers` rules (tests use it as a control).
 * `onResponse`, if given, is called after each response with
 * `{ path, status, encoding, bytes }`, where `bytes` counts everything written to the
 * connection for it, status line and headers included.
 */
export async function startServer({
  root = "dist",
  port = 8080,
  host = "127.0.0.1",
  prefix = "/",
  quiet = true,
  headers: useHeaders = true,
  onResponse = null,
} = {}) {
  const rootDir = path.resolve(root);
  const base = normalisePrefix(prefix);
  let rules = [];
  if (useHeaders) {
    const own = await readFile(path.join(rootDir, "_headers"), "utf8").catch(() => null);
    rules = parseHeadersFile(own ?? (await readFile(REPO_HEADERS, "utf8")));
  }
  const server = createServer(async (request, response) => {
    const started = Date.now();
    const socket = request.socket;
    const bytesBefore = socket.bytesWritten;
    let pathname = null;
    let encoding = null;
    response.once("finish", () => {
      onResponse?.({ path: pathname, status: response.statusCode, encoding, bytes: socket.bytesWritten - bytesBefore });
    });
    const finish = (status) => {
      if (!quiet) console.log(`${status} ${request.method} ${request.url} ${Date.now() - started}ms`);
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return finish(405);
    }
    try {
      pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return finish(400);
    }
    if (base !== "/" && pathname === base.slice(0, -1)) {
      response.writeHead(301, { Location: base }).end();
      return finish(301);
    }
    const notFound = (relative) => {
      response.writeHead(404, { ...headersFor(rules, relative), "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return finish(404);
    };
    if (!pathname.startsWith(base)) return notFound("");
    let relative = pathname.slice(base.length);
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    // The host's own rules are not part of the site.
    const file = relative === "_headers" ? null : await fileAt(rootDir, relative);
    if (!file) return notFound(relative);
    const accepts = String(request.headers["accept-encoding"] || "");
    let chosen = file;
    for (const [token, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!new RegExp(`\\b${token}\\b`).test(accepts)) continue;
      const compressed = await fileAt(rootDir, relative + suffix);
      if (compressed) {
        chosen = compressed;
        encoding = token;
        break;
      }
    }
    const etag = `"${chosen.info.size.toString(16)}-${Math.floor(chosen.info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ""}"`;
    const ruled = { "Cache-Control": "no-cache", ...headersFor(rules, relative) };
    const headers = {
      ...ruled,
      "Content-Type": TYPES[path.extname(relative)] || "application/octet-stream",
      "Content-Length": chosen.info.size,
      ETag: etag,
      Vary: "Accept-Encoding",
    };
    if (encoding) headers["Content-Encoding"] = encoding;
    if (request.headers["if-none-match"] === etag) {
      // A 304 updates only what the browser stored about caching; the other headers stand.
      response.writeHead(304, { "Cache-Control": ruled["Cache-Control"], ETag: etag, Vary: "Accept-Encoding" }).end();
      return finish(304);
    }
    response.writeHead(200, headers);
    if (request.method === "HEAD") {
      response.end();
      return finish(200);
    }
    createReadStream(chosen.full).pipe(response);
    finish(200);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host}:${address.port}${base}`;
  return {
    server,
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseArgs(argv) {
  const options = { root: "dist", port: 8080, host: "127.0.0.1", prefix: "/", quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--quiet") {
      options.quiet = true;
      continue;
    }
    if (!["--root", "--port", "--host", "--prefix"].includes(flag) || value === undefined) {
      throw new Error(`unknown or incomplete option ${flag}\nusage: node scripts/serve-dist.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--prefix /some/folder/] [--quiet]`);
    }
    options[flag.slice(2)] = flag === "--port" ? Number(value) : value;
    i += 1;
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href || fileURLToPath(import.meta.url) === path.resolve(process.argv[1] || "")) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const index = await fileAt(path.resolve(options.root), "index.html");
    if (!index) throw new Error(`${options.root}/index.html does not exist; build the app first (trunk build --release --offline)`);
    const { url } = await startServer(options);
    console.log(`Serving ${options.root} at ${url} (Ctrl+C to stop)`);
  } catch (error) {
    console.error(`serve-dist: ${error.message}`);
    process.exit(1);
  }
}
