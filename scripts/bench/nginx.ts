import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../lib/run";

const NGINX = process.env.LECTERN_NGINX ?? "/usr/sbin/nginx";

export type RunningNginx = { stop: () => Promise<void> };

/**
 * The repository's deploy/nginx.conf as the bench runs it: the same server, cache and proxy rules,
 * with only the upstream servers, the listen address and the cache folder replaced.
 */
export function benchSiteConfig(appPort: number, listenPort: number, cacheDir: string): string {
  const site = fs.readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
  const replaced = site
    .replace(/(upstream lectern \{)[\s\S]*?(keepalive)/, `$1\n    server 127.0.0.1:${appPort};\n    $2`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`)
    .replace("/var/cache/nginx/lectern", cacheDir);
  for (const [what, ok] of [
    ["upstream", replaced.includes(`127.0.0.1:${appPort}`)],
    ["listen", replaced.includes(`listen 127.0.0.1:${listenPort}`)],
    ["cache folder", replaced.includes(cacheDir)],
  ] as const)
    if (!ok) throw new Error(`deploy/nginx.conf changed shape: its ${what} could not be set for the bench`);
  return replaced;
}

/**
 * Starts Debian's nginx as this user with a temporary prefix, on loopback: `diskPort` serves
 * `staticRoot` from disk (a page's .gz beside it, gzip_static), `proxyPort` is the repository's
 * config in front of the app on `appPort`. Both in one nginx, one worker per core.
 */
export async function startNginx({
  dir,
  staticRoot,
  diskPort,
  proxyPort,
  appPort,
}: {
  dir: string;
  staticRoot: string;
  diskPort: number;
  proxyPort: number;
  appPort: number;
}): Promise<RunningNginx> {
  for (const sub of ["logs", "temp", "cache"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const temp = path.join(dir, "temp");
  // Started as root, nginx's workers would become "nobody" and could not use this user's folders.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : "";
  const config = `${user}
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  # The anchor: the same prerendered page, precompressed, straight from disk.
  server {
    listen 127.0.0.1:${diskPort};
    root ${staticRoot};
    gzip_static on;
    location / { try_files $uri $uri.html =404; default_type text/html; }
  }
${benchSiteConfig(appPort, proxyPort, path.join(dir, "cache"))}
}
`;
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, config);
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", file, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (d) => {
    errors += d;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    try {
      if ((await fetch(`http://127.0.0.1:${proxyPort}/nginx-health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      child.kill("SIGQUIT");
      await exited;
    },
  };
}
