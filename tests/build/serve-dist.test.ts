// The local stand-in for a production host serves what Excel on the web needs: CORS and application/json for
// functions.json, CORS for the function script, revalidation for the stable names, and nothing outside its folder.
import { mkdtempSync, mkdirSync, writeFileSync } from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createDistServer } = require("../../scripts/serve-dist") as {
  createDistServer: (dir: string, origin?: string) => Server;
};

let server: Server;
let base = "";

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qualis-dist-"));
  writeFileSync(path.join(dir, "functions.json"), '{"functions":[]}');
  writeFileSync(path.join(dir, "functions.js"), "void 0;");
  writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html>");
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "assets", "icon-16.png"), "png");
  writeFileSync(path.join(os.tmpdir(), "outside.json"), "{}");
  server = createDistServer(dir, "https://excel.officeapps.live.com");
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server.close());

test("functions.json: JSON, CORS for the configured origin, revalidated", async () => {
  const res = await fetch(`${base}functions.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.get("access-control-allow-origin")).toBe("https://excel.officeapps.live.com");
  expect(res.headers.get("cache-control")).toBe("no-cache");
  expect(await res.text()).toBe('{"functions":[]}');
});

test("the function script: JavaScript with CORS; the page: revalidated, no CORS needed; icons cached a day", async () => {
  const js = await fetch(`${base}functions.js`);
  expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(js.headers.get("access-control-allow-origin")).toBe("https://excel.officeapps.live.com");
  const page = await fetch(base);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(page.headers.get("cache-control")).toBe("no-cache");
  expect(page.headers.get("access-control-allow-origin")).toBeNull();
  const icon = await fetch(`${base}assets/icon-16.png`);
  expect(icon.headers.get("cache-control")).toBe("public, max-age=86400");
});

test("a preflight is answered; a path outside dist/ is not served", async () => {
  const pre = await fetch(`${base}functions.json`, { method: "OPTIONS" });
  expect(pre.status).toBe(204);
  expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  expect((await fetch(`${base}..%2Foutside.json`)).status).toBe(404);
});
