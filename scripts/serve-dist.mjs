// A small static file server for the built app, with no dependencies: used by
// `scripts/serve.sh`, the Playwright tests and the benchmarks. It behaves like a plain
// static host: serves precompressed .br/.gz copies when the browser accepts them, sends
// the right content types, and lets browsers revalidate every file, so a new sw.js is
// always seen and service-worker updates are never held back by an HTTP cache.
//
//   node scripts/serve-dist.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--prefix /some/folder/]
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
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
 */
export async function startServer({ root = "dist", port = 8080, host = "127.0.0.1", prefix = "/", quiet = true } = {}) {
  const rootDir = path.resolve(root);
  const base = normalisePrefix(prefix);
  const server = createServer(async (request, response) => {
    const started = Date.now();
    const finish = (status) => {
      if (!quiet) console.log(`${status} ${request.method} ${request.url} ${Date.now() - started}ms`);
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return finish(405);
    }
    let pathname;
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
    if (!pathname.startsWith(base)) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return finish(404);
    }
    let relative = pathname.slice(base.length);
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const file = await fileAt(rootDir, relative);
    if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return finish(404);
    }
    const accepts = String(request.headers["accept-encoding"] || "");
    let chosen = file;
    let encoding = null;
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
    const headers = {
      "Content-Type": TYPES[path.extname(relative)] || "application/octet-stream",
      "Content-Length": chosen.info.size,
      "Cache-Control": "no-cache",
      ETag: etag,
      Vary: "Accept-Encoding",
      "X-Content-Type-Options": "nosniff",
    };
    if (encoding) headers["Content-Encoding"] = encoding;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { ETag: etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" }).end();
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
