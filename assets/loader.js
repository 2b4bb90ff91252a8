// Starts Foothold. An external module rather than Trunk's inline loader, so the Content
// Security Policy need allow no inline script but the small boot script, by its hash.
// scripts/post-build.mjs fills in the hashed file names below and writes this file to
// dist/ under a hashed name of its own.
//
// It also: shows a plain-English message instead of a blank page when the app cannot
// load, registers the service worker, and offers a reload when a new version is waiting.

const GLUE = "__FOOTHOLD_GLUE__";
const WASM = "__FOOTHOLD_WASM__";
const here = new URL("./", import.meta.url);

performance.mark("foothold:loader-start");

// The Rust failure block's Reload button is plain markup: after a panic the wasm module
// has aborted, so the click must be handled here, in JavaScript.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-foothold-reload]")) {
    window.location.reload();
  }
});

function showFailure(headline, cause) {
  if (document.querySelector("[data-foothold-failure]")) return;
  const block = document.createElement("div");
  block.setAttribute("role", "alert");
  block.className = "fh-failure";
  block.setAttribute("data-foothold-failure", "");
  const heading = document.createElement("h1");
  heading.textContent = `${headline}.`;
  heading.tabIndex = -1;
  block.append(heading);
  if (cause) {
    const paragraph = document.createElement("p");
    paragraph.textContent = cause;
    block.append(paragraph);
  }
  const reassurance = document.createElement("p");
  reassurance.textContent = "Your saved plans are safe on this device. Reload the page to try again.";
  block.append(reassurance);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "fh-button";
  button.setAttribute("data-foothold-reload", "");
  button.textContent = "Reload";
  block.append(button);
  // The pre-rendered frame in index.html goes: it promised an app that is not coming.
  document.querySelector("[data-foothold-shell]")?.remove();
  // Beside the app, which is hidden rather than emptied, so a render still queued in the
  // app cannot land on top of the message.
  const mount = document.getElementById("app");
  if (mount) {
    mount.before(block);
    mount.hidden = true;
  } else {
    document.body.prepend(block);
  }
  heading.focus();
}

// A wasm trap that the Rust panic hook could not report (it should have) still ends
// in a visible message. So does a JavaScript error nothing caught: one thrown through
// the app (the hash router throws rather than panics) leaves it in an unknown state, so
// it gets the same message as a panic. Errors without an error object (a resize
// observer's notice, a script from elsewhere) are no sign of that and are left alone.
window.addEventListener("error", (event) => {
  if (event.error != null) showFailure("Sorry, Foothold stopped working");
});
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason instanceof Error) showFailure("Sorry, Foothold stopped working");
});

/**
 * Resolves in a later task of the event loop, once the browser could paint and handle
 * input. Not setTimeout, which waits at least 4 ms once timers nest a few deep.
 */
function nextTask() {
  if (typeof globalThis.scheduler?.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** How many bytes of wasm the browser's compiler takes in one task. */
const PIECE = 32 * 1024;

// The browser decodes a streamed wasm module on the page's main thread as its bytes
// arrive. From a fast connection or the offline cache they arrive all at once, which
// makes one long task that holds up taps; handed over in pieces, a task apart, it is
// several short ones.
function inSmallPieces(response) {
  if (!response.body || typeof ReadableStream !== "function") return response;
  const reader = response.body.getReader();
  const pieces = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      for (let offset = 0; offset < value.length; offset += PIECE) {
        controller.enqueue(value.subarray(offset, offset + PIECE));
        await nextTask();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(pieces, { status: response.status, headers: { "Content-Type": "application/wasm" } });
}

/** The app's wasm-bindgen glue once it has loaded (its exports reach into the app). */
let appGlue = null;

async function start() {
  try {
    const glue = await import(new URL(GLUE, here).href);
    appGlue = glue;
    const response = await fetch(new URL(WASM, here));
    if (!response.ok) throw new Error(`${WASM} answered ${response.status}`);
    await glue.default({ module_or_path: inSmallPieces(response) });
    performance.mark("foothold:app-started");
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      // The app itself stopped while starting; its panic hook has normally said so.
      showFailure("Sorry, Foothold stopped working");
      return;
    }
    console.error("Foothold could not load:", error);
    showFailure(
      "Sorry, Foothold could not start",
      "Part of the app did not load. This can happen on a poor connection or when a network blocks it.",
    );
  }
}

/**
 * Shows "A new version is available" with a Reload button. Reload always loads the newest
 * version: it asks a waiting worker to take over first, and when a newer worker already
 * controls the page (another tab accepted the update), it simply reloads.
 */
function showUpdateBanner(registration) {
  if (document.querySelector("[data-foothold-update]")) return;
  const banner = document.createElement("div");
  banner.className = "fh-update";
  banner.setAttribute("role", "status");
  banner.setAttribute("data-foothold-update", "");
  const text = document.createElement("p");
  text.className = "fh-update__text";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "fh-button fh-update__button";
  button.textContent = "Reload";
  button.addEventListener("click", () => {
    button.disabled = true;
    let reloading = false;
    const reload = () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    };
    const waiting = registration.waiting;
    if (!waiting) {
      reload();
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", reload);
    waiting.postMessage({ type: "SKIP_WAITING" });
    // Should the waiting worker never take over (another one replaced it meanwhile),
    // the reload still happens, and the newest active worker answers it.
    setTimeout(reload, 3000);
  });
  banner.append(text, button);
  document.body.prepend(banner);
  // Screen readers announce a status region's changes, not its first contents, so the
  // words go in once the region is in the page.
  setTimeout(() => {
    text.textContent = "A new version is available.";
  }, 100);
}

/** Resolves once the page has loaded everything it links, so nothing competes with it. */
function pageLoaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

// The service worker asks open tabs which version they run before it deletes an earlier
// version's files; this loader's own address names the version (its name is hashed).
function answerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "WHICH_LOADER" && event.ports[0]) {
      event.ports[0].postMessage({ loader: import.meta.url });
    }
  });
  navigator.serviceWorker.startMessages();
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  if (location.protocol !== "https:" && location.protocol !== "http:") return;
  try {
    // Relative to this file, so the app works from any folder of a host.
    const registration = await navigator.serviceWorker.register(new URL("sw.js", here).href);
    const offerWhenInstalled = (worker) => {
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) {
          showUpdateBanner(registration);
        }
      });
    };
    if (registration.waiting && navigator.serviceWorker.controller) {
      showUpdateBanner(registration);
    }
    if (registration.installing) offerWhenInstalled(registration.installing);
    registration.addEventListener("updatefound", () => {
      if (registration.installing) offerWhenInstalled(registration.installing);
    });
    // When another tab accepts a new version, this tab keeps running the one it started
    // with (its files stay cached), and offers the same reload. A first visit's worker
    // taking control of the page is not a new version.
    let controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (controlled) showUpdateBanner(registration);
      controlled = true;
    });
    // Long-lived tabs (a shift's worth) still learn about new versions.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
    // Earlier versions' files are kept while a tab runs them; now that this tab runs
    // the current one, the worker may drop what no tab needs any more.
    (await navigator.serviceWorker.ready).active?.postMessage({ type: "TIDY" });
  } catch (error) {
    // The app works without offline support; say why in the console only.
    console.warn("Foothold could not set up offline use:", error);
  }
}

/**
 * Gets the other screens' code and the role pack ready once someone starts planning (moves
 * into the start screen's form, marked `data-foothold-warm-up`), so "Find routes" does not
 * wait for them. Only while the service worker serves the app's files from the device: on
 * a first visit that is once its precache is complete, so nothing is downloaded twice.
 */
function warmUpWhenPlanning() {
  if (!("serviceWorker" in navigator)) return;
  let wanted = false;
  const warm = () => {
    if (!wanted || !navigator.serviceWorker.controller) return;
    if (typeof appGlue?.warm_up_screens !== "function") return;
    wanted = false;
    appGlue.warm_up_screens();
  };
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-foothold-warm-up]")) {
      wanted = true;
      warm();
    }
  });
  navigator.serviceWorker.addEventListener("controllerchange", warm);
}

// The frame pre-rendered in index.html holds the start screen's two role fields, so a
// first visit can type before the app arrives. When the app takes the frame's place
// (src/ui/static_shell.rs removes it), what was typed moves to the app's fields, as if
// typed there: each gets an "input" event, so the app reads it the way it reads typing
// (choosing the role when it is a whole title). A field the cursor was not in is left
// again at once, so its list of matches stays closed; the cursor goes back where it was.
function handOverFrameTyping() {
  const shell = document.querySelector("[data-foothold-shell]");
  const fields = shell ? [...shell.querySelectorAll("input[data-foothold-hand-over]")] : [];
  if (!shell || fields.length === 0) return;
  let focused = null;
  for (const field of fields) {
    field.addEventListener("focus", () => (focused = field));
    // Leaving the field, but not because the frame is going away: the browser may send
    // "blur" just before it removes a focused field, so look once the removal is done.
    field.addEventListener("blur", () => {
      queueMicrotask(() => {
        if (shell.isConnected && focused === field) focused = null;
      });
    });
  }
  if (fields.includes(document.activeElement)) focused = document.activeElement;
  const observer = new MutationObserver(() => {
    if (shell.isConnected) return;
    observer.disconnect();
    let cursor = null;
    for (const field of fields) {
      const app = document.getElementById(field.dataset.footholdHandOver);
      if (!(app instanceof HTMLInputElement)) continue;
      const text = field.value.trimStart();
      // The app's own value (restored from an earlier visit) is never overwritten.
      if (text && !app.value) {
        app.focus();
        app.value = text;
        app.dispatchEvent(new Event("input", { bubbles: true }));
        if (field !== focused) app.blur();
      }
      if (field === focused) cursor = app;
    }
    if (cursor) {
      cursor.focus();
      cursor.setSelectionRange(cursor.value.length, cursor.value.length);
    }
  });
  observer.observe(shell.parentNode, { childList: true });
}

handOverFrameTyping();
answerServiceWorker();
warmUpWhenPlanning();
// The service worker is registered once the app has started (or failed to) and the page
// has loaded: its precache then finds the page's files in the browser's HTTP cache
// instead of downloading them a second time, and never competes with the first load.
start()
  .then(pageLoaded)
  .then(registerServiceWorker);
