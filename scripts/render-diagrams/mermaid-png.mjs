// What render.mjs (the curriculum's pictures, ahead of time) and serve.mjs (diagrams written at
// run time) share: one headless Chromium, Mermaid drawn at phone-friendly scale, and the shapes
// Telegram accepts as a photo.

import puppeteer from "puppeteer";
import { renderMermaid } from "@mermaid-js/mermaid-cli";

// deviceScaleFactor 2 keeps text sharp on a phone after Telegram recompresses the photo
export const VIEWPORT = { width: 800, height: 600, deviceScaleFactor: 2 };
// Telegram refuses photos whose sides add up past 10000 px or whose ratio exceeds 20
export const MAX_SIDE_SUM = 10000;
export const MAX_RATIO = 20;

/** A picture was drawn, but in a shape Telegram refuses. */
export class ShapeError extends Error {}

export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error("not a PNG");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function launchOptions(extraArgs = []) {
  return {
    headless: true,
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // --no-sandbox: this runs as root in containers; the background-networking flags keep
    // Chromium from calling home, which a closed network answers with refusals and delays
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  };
}

/** The browser; `pipe` talks to it over a pipe, so that it ends when this process ends, even killed. */
export function launchBrowser({ args = [], pipe = false } = {}) {
  return puppeteer.launch({ ...launchOptions(args), pipe });
}

/**
 * Draws one diagram as a PNG: { png, width, height }. Throws what Mermaid throws for a diagram
 * it cannot parse, and a ShapeError for a picture Telegram would refuse.
 */
export async function drawPng(browser, source, mermaidConfig) {
  const { data } = await renderMermaid(browser, source, "png", {
    viewport: VIEWPORT,
    backgroundColor: "white",
    mermaidConfig,
  });
  const png = Buffer.from(data);
  const { width, height } = pngSize(png);
  if (width + height > MAX_SIDE_SUM || Math.max(width, height) / Math.min(width, height) > MAX_RATIO) {
    throw new ShapeError(`${width}x${height} px is a shape Telegram refuses; split or reshape the diagram`);
  }
  return { png, width, height };
}
