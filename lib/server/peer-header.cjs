// Preloaded into `next start` by scripts/start.ts (`node --require`). Next.js gives route handlers
// no socket address, and it keeps a client-sent X-Forwarded-For as it is, so without this the
// client address would be whatever the client claims. Every request gets `x-limitdesk-peer` set
// to the TCP peer's address, overwriting any value a client sent (see lib/client-address.ts).
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require`
const http = require("node:http");

const createServer = http.createServer;
http.createServer = function patchedCreateServer(...args) {
  const server = createServer.apply(this, args);
  server.prependListener("request", (req) => {
    req.headers["x-limitdesk-peer"] = req.socket.remoteAddress ?? "";
  });
  return server;
};
