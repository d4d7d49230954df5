// Whether a TCP port on this machine is free, and if not, which process listens on it: `npm start` says so rather
// than serve nothing (docs/user-guide.md#sideloading). Linux: the listening socket's inode in /proc/net/tcp{,6},
// then the process whose /proc/PID/fd holds it (processes of other users may not be readable: then only "a process").
// Elsewhere: `lsof` where it exists.
const { spawnSync } = require("child_process");
const fs = require("fs");
const net = require("net");

/** Resolves to true when nothing listens on the port (on any address). */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

function listeningInodes(port) {
  const inodes = new Set();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEXADDR:HEXPORT; state 0A is LISTEN; the inode is the tenth field.
      if (f.length > 9 && f[3] === "0A" && parseInt(f[1].split(":")[1], 16) === port) inodes.add(f[9]);
    }
  }
  return inodes;
}

function commandOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

function procHolder(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link;
      try {
        link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m && inodes.has(m[1])) return { pid: Number(pid), command: commandOf(pid) };
    }
  }
  return { pid: null, command: "" };
}

function lsofHolder(port) {
  const r = spawnSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"], { encoding: "utf8" });
  if (r.status !== 0 || !r.stdout) return null;
  const pid = /^p(\d+)$/m.exec(r.stdout)?.[1];
  const command = /^c(.*)$/m.exec(r.stdout)?.[1] ?? "";
  return pid ? { pid: Number(pid), command } : { pid: null, command: "" };
}

/** The process listening on `port`: { pid, command }, pid null when it cannot be seen; null when none is found. */
function portHolder(port) {
  if (process.platform === "linux" && fs.existsSync("/proc/net/tcp")) return procHolder(port);
  return lsofHolder(port);
}

/** One sentence: who holds the port. */
function describeHolder(port, holder) {
  if (!holder || holder.pid === null) return `port ${port} is taken by another process (not one this user can see)`;
  const command = holder.command.replace(/\s+/g, " ").trim();
  const cmd = command.length > 160 ? `${command.slice(0, 157)}…` : command;
  return `port ${port} is taken by pid ${holder.pid}${cmd ? ` (${cmd})` : ""}`;
}

module.exports = { portIsFree, portHolder, describeHolder };
