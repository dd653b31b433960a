/*
 * Preloaded with `node --require` by the no-network test: every way Node can reach the network
 * throws, and says so on stderr, so a command that tried would fail the test even if it caught the
 * error. Plain CommonJS because `--require` loads it before any TypeScript tooling.
 */
"use strict";
const blocked = (what) =>
  function blockedNetworkCall() {
    process.stderr.write(`NETWORK-ATTEMPT: ${what}\n`);
    throw new Error(`network access is blocked in this test (${what})`);
  };
const net = require("node:net");
const tls = require("node:tls");
const http = require("node:http");
const https = require("node:https");
const http2 = require("node:http2");
const dgram = require("node:dgram");
const dns = require("node:dns");

net.connect = net.createConnection = blocked("net.connect");
net.Socket.prototype.connect = blocked("net.Socket.connect");
tls.connect = blocked("tls.connect");
http.request = http.get = blocked("http.request");
https.request = https.get = blocked("https.request");
http2.connect = blocked("http2.connect");
dgram.createSocket = blocked("dgram.createSocket");
for (const name of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny"]) {
  dns[name] = blocked(`dns.${name}`);
  dns.promises[name] = blocked(`dns.promises.${name}`);
}
globalThis.fetch = blocked("fetch");
globalThis.WebSocket = blocked("WebSocket");
