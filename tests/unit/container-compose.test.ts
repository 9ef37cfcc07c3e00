import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../..");
const text = readFileSync(path.join(ROOT, "compose.yaml"), "utf8");
// Compose resolves YAML merge keys (<<: *anchor), so the test does too.
const compose = parse(text, { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  version?: unknown;
};
type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
};
const services = compose.services;
const apps = ["lectern-1", "lectern-2"];
const nginx = readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
/** The Dockerfile's HEALTHCHECK CMD, as an argv. */
const imageHealthcheck: string[] = JSON.parse(
  /^\s+CMD (\[.*\])$/m.exec(
    readFileSync(path.join(ROOT, "Dockerfile"), "utf8").split("HEALTHCHECK")[1] ?? "",
  )?.[1] ?? "[]",
);

describe("compose.yaml: two Lectern replicas on PostgreSQL behind nginx", () => {
  it("is a Compose v2 file with the expected services", () => {
    expect(compose.version).toBeUndefined();
    expect(Object.keys(services).sort()).toEqual(["lectern-1", "lectern-2", "migrate", "postgres", "proxy"]);
  });

  it("runs PostgreSQL 16 on a named volume with a pg_isready health check", () => {
    const pg = services.postgres!;
    expect(pg.image).toBe("postgres:16-alpine");
    expect(pg.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect(compose.volumes).toHaveProperty("pgdata");
    expect(pg.healthcheck?.test?.join(" ")).toMatch(/pg_isready/);
    expect(pg.ports).toBeUndefined(); // not published: only the apps reach it
  });

  it("builds the app image once per tag and configures every replica the same way", () => {
    for (const name of [...apps, "migrate"]) {
      const app = services[name]!;
      expect(app.build, name).toBe(".");
      expect(app.image, name).toBe("lectern:local");
      expect(app.environment?.DATABASE_URL).toMatch(
        /^postgresql:\/\/lectern:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/lectern$/,
      );
      expect(app.environment?.LECTERN_SECRET).toMatch(/^\$\{LECTERN_SECRET:\?[^}]+\}$/);
      expect(app.environment?.SITE_URL).toMatch(/^\$\{SITE_URL:-http:\/\/localhost:8080\}$/);
      // nginx's X-Forwarded-For is trusted, and only from the Compose network.
      expect(app.environment?.LECTERN_TRUSTED_PROXIES).toBe("private");
      expect(app.ports, `${name} is reached through the proxy only`).toBeUndefined();
    }
  });

  it("checks the replicas with the image's own health check command", () => {
    expect(imageHealthcheck.slice(0, 2)).toEqual(["node", "-e"]);
    expect(imageHealthcheck[2]).toContain("/api/health");
  });

  it("migrates once, then starts the replicas, health-checked, after PostgreSQL is healthy", () => {
    expect(services.migrate!.command).toEqual(["node", "start.mjs", "--prepare-only"]);
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const name of apps) {
      const app = services[name]!;
      expect(app.depends_on).toEqual({
        postgres: { condition: "service_healthy" },
        migrate: { condition: "service_completed_successfully" },
      });
      expect(app.command).toBeUndefined(); // the image's CMD: node start.mjs
      expect(app.healthcheck?.test).toEqual(["CMD", ...imageHealthcheck]);
    }
  });

  it("publishes only the proxy, which waits for both replicas to be healthy", () => {
    const proxy = services.proxy!;
    expect(proxy.image).toBe("nginx:1.27-alpine");
    expect(proxy.ports).toEqual(["8080:80"]);
    expect(proxy.volumes).toContain("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    expect(proxy.depends_on).toEqual(
      Object.fromEntries(apps.map((a) => [a, { condition: "service_healthy" }])),
    );
    const published = Object.entries(services).filter(([, s]) => s.ports);
    expect(published.map(([name]) => name)).toEqual(["proxy"]);
  });

  it("nginx balances over exactly the two replicas and sets the headers the app relies on", () => {
    const upstream = /upstream lectern \{([\s\S]*?)\}/.exec(nginx)?.[1] ?? "";
    const servers = [...upstream.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(servers).toEqual(apps.map((a) => `${a}:3000`));
    expect(nginx).toMatch(/proxy_pass http:\/\/lectern;/);
    expect(nginx).toMatch(/proxy_set_header Host \$http_host;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(nginx).toMatch(/listen 80;/);
  });
});
