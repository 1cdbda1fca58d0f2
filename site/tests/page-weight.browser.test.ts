import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { siteDistDir } from "@ballot/local-stack/paths";
import { languageCodes, pathOf } from "@ballot/voter-text";
import { describe, expect, it } from "vitest";

const budgetBytes = 30 * 1024;

/** The bytes a browser transfers for one page from the built site: its HTML and every local CSS and JS file it loads. */
function lookupPageWeight(path: string): { files: { file: string; gzipBytes: number }[]; totalBytes: number } {
  const htmlFile = join(siteDistDir, path, "index.html");
  const html = readFileSync(htmlFile, "utf8");
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] ?? "",
  );
  // Modules that a script imports are fetched too.
  const seen = new Set<string>();
  const queue = [...assets];
  while (queue.length > 0) {
    const asset = queue.shift() ?? "";
    if (seen.has(asset)) continue;
    seen.add(asset);
    if (!asset.endsWith(".js")) continue;
    const code = readFileSync(join(siteDistDir, asset), "utf8");
    for (const match of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(new URL(match[1] ?? "", `http://site${asset}`).pathname);
    }
  }
  const files = [htmlFile, ...[...seen].map((asset) => join(siteDistDir, asset))].map((file) => ({
    file: file.slice(siteDistDir.length),
    gzipBytes: gzipSync(readFileSync(file)).length,
  }));
  return { files, totalBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

describe("page weight", () => {
  it.each(languageCodes)("the %s alerts page is at most 30 KB gzipped (HTML + CSS + JS)", (code) => {
    const { files, totalBytes } = lookupPageWeight(pathOf(code, "alerts"));
    console.log(
      `alerts page ${code}: ${totalBytes} bytes gzipped (${files.map((file) => `${file.file} ${file.gzipBytes}`).join(", ")})`,
    );
    expect(totalBytes).toBeLessThanOrEqual(budgetBytes);
  });

  it.each(languageCodes)("the %s lookup page is at most 30 KB gzipped (HTML + CSS + JS)", (code) => {
    const { files, totalBytes } = lookupPageWeight(pathOf(code, "lookup"));
    console.log(
      `lookup page ${code}: ${totalBytes} bytes gzipped (${files.map((file) => `${file.file} ${file.gzipBytes}`).join(", ")})`,
    );
    expect(files.some((file) => file.file.endsWith(".js"))).toBe(true);
    expect(totalBytes).toBeLessThanOrEqual(budgetBytes);
  });
});
