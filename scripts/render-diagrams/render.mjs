// Renders every Mermaid diagram of a curriculum folder to PNG with real Mermaid, in one long-lived
// headless Chromium (about 1 s a diagram instead of 4-5 s for a browser per diagram with mmdc).
//
//   node render.mjs [--curriculum DIR] [--out DIR] [--force] [--check]
//
// Pictures go to <out>/topics/<topic-id>.png and <out>/concepts/<concept-id>.png, with
// <out>/manifest.json recording the SHA-256 of each diagram's source. The bot and its tests
// read that manifest, so they need no browser: a picture whose source hash no longer matches is
// stale. Up-to-date pictures are not rendered again; pictures of diagrams that are gone are
// removed. Run it through ../render-diagrams.sh, which installs what it needs first.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { drawPng, launchBrowser } from "./mermaid-png.mjs";

const MANIFEST_FORMAT = 1;
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function parseArgs(argv) {
  const args = { curriculum: "curriculum", out: null, force: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--curriculum") args.curriculum = argv[++i];
    else if (arg === "--out") args.out = argv[++i];
    else if (arg === "--force") args.force = true;
    else if (arg === "--check") args.check = true;
    else throw new Error(`unknown argument ${arg} (expected --curriculum DIR, --out DIR, --force, --check)`);
  }
  args.out ??= path.join(args.curriculum, "pictures");
  return args;
}

// The Java loader strips a diagram with String.strip(), which trims Character.isWhitespace
// characters; JavaScript's trim() also trims no-break spaces, so the hashes could differ.
const JAVA_WHITESPACE = "[\\t\\n\\u000B\\f\\r\\u001C-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";
const JAVA_STRIP = new RegExp(`^${JAVA_WHITESPACE}+|${JAVA_WHITESPACE}+$`, "g");

export function normalise(source) {
  return source.replace(JAVA_STRIP, "");
}

export function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}

async function yamlFiles(folder, skip) {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (path.resolve(full) !== path.resolve(skip) && entry.name !== "node_modules") {
        found.push(...(await yamlFiles(full, skip)));
      }
    } else if (/\.ya?ml$/.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

/** Every diagram of the curriculum as { key, file, source }, key being "topics/<id>" or "concepts/<id>". */
async function collectDiagrams(curriculum, out) {
  const diagrams = [];
  const problems = [];
  const add = (kind, id, diagram, file) => {
    if (typeof diagram !== "string" || normalise(diagram) === "") return;
    if (typeof id !== "string" || !SAFE_ID.test(id)) {
      problems.push(`${file}: ${kind} id ${JSON.stringify(id)} cannot name a picture file`);
      return;
    }
    diagrams.push({ key: `${kind}/${id}`, file, source: normalise(diagram) });
  };
  for (const file of await yamlFiles(curriculum, out)) {
    let topic;
    try {
      topic = parseYaml(await readFile(file, "utf8"));
    } catch (e) {
      problems.push(`${file}: not valid YAML: ${e.message}`);
      continue;
    }
    if (!topic || typeof topic !== "object") continue;
    add("topics", topic.id, topic.diagram, file);
    for (const concept of Array.isArray(topic.concepts) ? topic.concepts : []) {
      if (concept && typeof concept === "object") add("concepts", concept.id, concept.diagram, file);
    }
  }
  const seen = new Map();
  for (const d of diagrams) {
    if (seen.has(d.key)) problems.push(`${d.file}: ${d.key} is also defined in ${seen.get(d.key)}`);
    seen.set(d.key, d.file);
  }
  return { diagrams, problems };
}

async function readManifest(out) {
  const file = path.join(out, "manifest.json");
  if (!existsSync(file)) return {};
  const manifest = JSON.parse(await readFile(file, "utf8"));
  return manifest.pictures ?? {};
}

async function isCurrent(out, key, entry, source) {
  if (!entry || entry.source_sha256 !== sha256(source)) return false;
  const file = path.join(out, `${key}.png`);
  return existsSync(file) && sha256(await readFile(file)) === entry.png_sha256;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.curriculum)) throw new Error(`${args.curriculum}: no such folder`);
  const { diagrams, problems } = await collectDiagrams(args.curriculum, args.out);
  const old = await readManifest(args.out);
  const pictures = {};
  const todo = [];
  for (const d of diagrams) {
    if (!args.force && (await isCurrent(args.out, d.key, old[d.key], d.source))) {
      pictures[d.key] = old[d.key];
    } else {
      todo.push(d);
    }
  }
  const orphans = Object.keys(old).filter((key) => !diagrams.some((d) => d.key === key));

  if (args.check) {
    for (const d of todo) console.log(`stale or missing: ${d.key} (${d.file})`);
    for (const key of orphans) console.log(`no longer in the curriculum: ${key}`);
    for (const p of problems) console.error(p);
    console.log(`${diagrams.length - todo.length} of ${diagrams.length} pictures up to date`);
    process.exit(todo.length + orphans.length + problems.length === 0 ? 0 : 1);
  }

  const started = Date.now();
  const failures = [...problems];
  let rendered = 0;
  if (todo.length > 0) {
    const browser = await launchBrowser();
    try {
      for (const d of todo) {
        const t0 = Date.now();
        const file = path.join(args.out, `${d.key}.png`);
        try {
          const { png, width, height } = await drawPng(browser, d.source, { theme: "default" });
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, png);
          pictures[d.key] = {
            source_sha256: sha256(d.source),
            png_sha256: sha256(png),
            width,
            height,
            bytes: png.length,
          };
          rendered++;
          console.log(`rendered ${d.key} ${width}x${height} ${png.length} bytes in ${Date.now() - t0} ms`);
        } catch (e) {
          const message = String(e?.message ?? e).split("\n").slice(0, 6).join("\n  ");
          failures.push(`${d.file}: ${d.key}: ${message}`);
          // a stale picture left behind would look current to anyone listing the folder
          await rm(file, { force: true });
        }
      }
    } finally {
      await browser.close();
    }
  }
  for (const key of orphans) {
    await rm(path.join(args.out, `${key}.png`), { force: true });
    console.log(`removed ${key} (no longer in the curriculum)`);
  }
  const sorted = Object.fromEntries(Object.keys(pictures).sort().map((key) => [key, pictures[key]]));
  await mkdir(args.out, { recursive: true });
  await writeFile(
    path.join(args.out, "manifest.json"),
    JSON.stringify({ format: MANIFEST_FORMAT, pictures: sorted }, null, 2) + "\n",
  );
  const total = Object.values(sorted).reduce((sum, p) => sum + p.bytes, 0);
  console.log(
    `${diagrams.length} diagrams: ${rendered} rendered, ` +
      `${diagrams.length - todo.length} up to date, ${orphans.length} removed, ${failures.length} failed; ` +
      `${Object.keys(sorted).length} pictures, ${total} bytes; ${Date.now() - started} ms`,
  );
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAILED ${f}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`render-diagrams: ${e?.message ?? e}`);
  process.exit(2);
});
