// Draws Mermaid diagrams written at run time (by the tutor's LLM voice) as PNG, in one long-lived
// headless Chromium, for the bot's MermaidRenderer (src/main/java/dev/socratic/render).
//
//   node serve.mjs
//
// Protocol, one JSON object per line. Once the browser is up it prints {"ready":true}; then for
// each request {"id":1,"source":"graph LR\n A-->B"} on standard input it prints, in order, one of
//   {"id":1,"png":"<base64>"}                  the picture
//   {"id":1,"invalid":"<one-line reason>"}     Mermaid cannot draw it, or Telegram could not show it
//   {"id":1,"error":"<one line>"}              trouble in the renderer itself: no verdict on the source
// Standard output carries nothing else (Chromium's and the page's chatter go to standard error).
// It exits when standard input closes.

import { createInterface } from "node:readline";
import { drawPng, launchBrowser, ShapeError } from "./mermaid-png.mjs";

// The source is untrusted (an LLM wrote it): "strict" makes Mermaid sanitise labels and ignore
// click callbacks, and directives may not override the configuration.
const MERMAID_CONFIG = { theme: "default", securityLevel: "strict" };
// A label may still hold an <img src=...> that strict mode lets through: a proxy that does not
// exist makes every http(s) request of the page fail, loopback included, so a diagram cannot make
// this host call anything. Mermaid's own files are answered by mermaid-cli before any network.
const OFFLINE = ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"];
const MAX_REASON = 300;

/** Why an untrusted source is refused before Mermaid sees it, or null. */
export function refusal(source) {
  if (/%%\s*\{\s*init/i.test(source)) return "%%{init} directives are not allowed";
  if (/^\s*click\b/im.test(source)) return "click lines are not allowed";
  // front matter (YAML between "---" lines) may set the configuration just as %%{init} does,
  // in block or flow style: refuse any that mentions config
  const frontMatter = /^\s*-{3}\s*[\n\r]([\s\S]*?)[\n\r]\s*-{3}/.exec(source);
  if (frontMatter && /config/i.test(frontMatter[1])) return "a config block in front matter is not allowed";
  return null;
}

/** Mermaid's message on one line: no stack frames, no "----^" pointer under the excerpt. */
export function oneLine(message) {
  const lines = String(message)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^-*\^$/.test(line) && !/\((https?|file):\/\/[^)]*\)$/.test(line) && !/^at /.test(line));
  const text = lines.join(" ").replace(/\s+/g, " ");
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

function reply(object) {
  process.stdout.write(JSON.stringify(object) + "\n");
}

async function answer(browser, request) {
  const { id, source } = request;
  if (typeof source !== "string") return { id, error: "the request has no source" };
  const refused = refusal(source);
  if (refused) return { id, invalid: refused };
  try {
    const { png } = await drawPng(browser, source, MERMAID_CONFIG);
    return { id, png: png.toString("base64") };
  } catch (e) {
    if (!browser.connected) return { id, error: `the browser is gone: ${oneLine(e?.message ?? e)}` };
    if (e instanceof ShapeError) return { id, invalid: e.message };
    // puppeteer's own failures (protocol, timeouts, closed targets) say nothing about the diagram
    const name = e?.name ?? "";
    if (/ProtocolError|TimeoutError|TargetCloseError/.test(name)) return { id, error: oneLine(`${name}: ${e.message}`) };
    return { id, invalid: oneLine(e?.message ?? e) || "Mermaid could not draw it" };
  }
}

async function main() {
  // over a pipe, Chromium ends with this process even when the bot has to kill it
  const browser = await launchBrowser({ args: OFFLINE, pipe: true });
  // a browser that dies leaves this process useless: exit, and the bot starts a fresh one
  browser.on("disconnected", () => {
    console.error("serve: the browser disconnected");
    process.exit(3);
  });
  reply({ ready: true });
  let queue = Promise.resolve();
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (line.trim() === "") return;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      reply({ id: null, error: "the request is not JSON" });
      return;
    }
    // one diagram at a time: one page in the browser, answers in the order of the requests
    queue = queue.then(async () => reply(await answer(browser, request ?? {})));
  });
  input.on("close", async () => {
    await queue;
    browser.removeAllListeners("disconnected");
    await browser.close();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(`serve: ${e?.message ?? e}`);
  process.exit(2);
});
