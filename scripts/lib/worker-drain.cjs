// Loaded into each `next start` worker of scripts/lib/supervisor.ts (node --require).
// On SIGTERM Next closes its server: it stops accepting and waits for open connections, but
// Node's server.close() first drops every idle keep-alive connection at once, and a client that
// is just sending its next request on one gets ECONNRESET. While draining, this answers each
// request on an open connection with `Connection: close` instead (the client reconnects, to the
// new worker) and leaves idle connections to the keep-alive timeout (5 s), so none is cut mid-send.
const http = require("node:http");

const servers = new Set();
let draining = false;

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (!servers.has(this)) {
    servers.add(this);
    this.prependListener("request", (_req, res) => {
      if (draining) res.setHeader("Connection", "close");
    });
  }
  return listen.apply(this, args);
};

// Registered before Next's own SIGTERM handler, so it runs first.
process.prependListener("SIGTERM", () => {
  draining = true;
  for (const server of servers) server.closeIdleConnections = () => {};
});
