// server.ts and the engine are server code already; see scripts/build-server.mjs.
