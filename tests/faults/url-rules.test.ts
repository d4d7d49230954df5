// The snapshot URL rule: https only; plain http to this machine only in development builds. The production rule is
// tested twice: checkSnapshotUrl with allowLocalhostHttp = false, and the runtime module itself loaded as a
// production build (NODE_ENV=production, as webpack compiles it) refusing http://127.0.0.1 before any request is
// made. tests/e2e/security.e2e.ts proves the same of the built bundle in a browser.
import { checkSnapshotUrl, fetchSnapshotText } from "../../src/data/snapshot-fetch";
import { serve, startSnapshotServer, type SnapshotServer } from "./snapshot-server";

const HTTPS_ONLY = "Only https:// addresses are allowed for snapshot data";

describe("checkSnapshotUrl", () => {
  test.each([
    ["https://data.firm.example/snapshot.json", true, true],
    ["HTTPS://DATA.FIRM.EXAMPLE/s.json", true, true],
    ["  https://data.firm.example/s.json  ", true, true],
    ["https://localhost:8443/s.json", true, true],
    ["http://localhost:3000/s.json", false, true],
    ["http://127.0.0.1:3000/s.json", false, true],
    ["http://[::1]:3000/s.json", false, true],
    ["http://0x7f000001/s.json", false, true], // the URL parser reads it as 127.0.0.1
    ["http://data.firm.example/s.json", false, false],
    ["http://localhost.evil.example/s.json", false, false],
    ["http://127.0.0.2/s.json", false, false],
    ["http://10.0.0.5/s.json", false, false],
    ["ftp://data.firm.example/s.json", false, false],
    ["file:///C:/snapshots/s.json", false, false],
    // eslint-disable-next-line no-script-url -- a URL the rule must refuse, not one the code follows
    ["javascript:alert(1)", false, false],
    ["data:application/json,{}", false, false],
    ["//data.firm.example/s.json", false, false],
    ["data.firm.example/s.json", false, false],
    ["", false, false],
  ])("%s: production %p, development %p", (url, production, development) => {
    expect(checkSnapshotUrl(url, false).ok).toBe(production);
    expect(checkSnapshotUrl(url, true).ok).toBe(development);
  });

  test("the refusal says why in plain words", () => {
    expect(checkSnapshotUrl("http://localhost:3000/s.json", false)).toEqual({
      ok: false,
      message: `${HTTPS_ONLY} (got http://localhost:3000).`,
    });
    expect(checkSnapshotUrl("nonsense", false)).toEqual({
      ok: false,
      message: "'nonsense' is not a web address. Enter a full https:// URL.",
    });
  });
});

describe("a production build refuses http://127.0.0.1 and never asks it", () => {
  let server: SnapshotServer;
  beforeAll(async () => {
    server = await startSnapshotServer();
    server.behave(serve('{"schemaVersion":1}'));
  });
  afterAll(() => server.close());

  test("fetchSnapshotText without the development allowance", async () => {
    await expect(fetchSnapshotText(`${server.base}/s.json`)).rejects.toThrow(
      `${HTTPS_ONLY} (got http:${server.base.slice(5)}).`,
    );
    expect(server.requests).toEqual([]);
  });

  test("the runtime's store, compiled as production (IS_DEV_BUILD false)", async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    let runtime!: typeof import("../../src/runtime/shared-store");
    let flags!: typeof import("../../src/data/build-flags");
    try {
      await jest.isolateModulesAsync(async () => {
        flags = await import("../../src/data/build-flags");
        runtime = await import("../../src/runtime/shared-store");
      });
    } finally {
      process.env.NODE_ENV = saved;
    }
    expect(flags.IS_DEV_BUILD).toBe(false);
    // office.js answers onReady at once (the store waits for it before choosing storage and loading); no storage
    // globals here, so the store keeps memory.
    const g = globalThis as { Office?: unknown };
    g.Office = { onReady: (cb: () => void) => cb() };
    let store!: ReturnType<typeof runtime.getStore>;
    try {
      store = runtime.getStore(); // the browser store: chosen storage, fetchSnapshotText with the build's flag
      await store.ready();
    } finally {
      delete g.Office;
    }
    const out = await store.load({ kind: "url", url: `${server.base}/snapshot.json` });
    expect(out.ok).toBe(false);
    expect(store.lastFailure?.message).toBe(`${HTTPS_ONLY} (got http:${server.base.slice(5)}).`);
    expect(server.requests).toEqual([]);
  });
});
