// `npm start` with its port taken (a second `npm start`, or anything else listening): it says which process holds
// the port, exits 1 before building anything, and leaves the running server's pid file alone. The whole start, a
// second start and `npm stop` are run against the real dev server by scripts/smoke-start.js in CI.
import { spawnSync } from "child_process";
import { existsSync, readFileSync, statSync } from "fs";
import net from "net";
import path from "path";

const root = path.resolve(__dirname, "../..");
const pidFile = path.join(root, ".qualis-dev", "dev-server.pid");

test("a taken port is refused, naming the process that holds it, and the pid file is left alone", async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0 }, resolve));
  const port = (server.address() as net.AddressInfo).port;
  const before = existsSync(pidFile) ? statSync(pidFile).mtimeMs : null;
  try {
    // The listening socket only has to stay open (nothing connects to it), so a synchronous child is fine.
    const r = spawnSync(process.execPath, [path.join(root, "scripts", "start.js")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, npm_package_config_dev_server_port: String(port) },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const first = r.stderr.split("\n")[0]!;
    expect(first).toMatch(
      new RegExp(
        `^npm start: port ${port} is taken by pid ${process.pid} \\(.*\\), so the add-in cannot be served on https://localhost:${port}/\\.$`,
      ),
    );
    expect(r.stderr).toContain("Stop that process, or free the port, and run `npm start` again.");
    expect(r.stdout).not.toMatch(/served|answer 200|Building/);
    expect(existsSync(pidFile) ? statSync(pidFile).mtimeMs : null).toBe(before);
    if (before !== null) expect(readFileSync(pidFile, "utf8")).toMatch(/^\d+$/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
