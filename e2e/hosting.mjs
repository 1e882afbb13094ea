// What the browser tests share to serve a build and open it: free ports, nginx's configuration
// around the build's own _nginx/ snippets, and Debian's Chromium.

import { existsSync } from "node:fs";
import net from "node:net";
import { chromium } from "playwright-core";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function waitForPort(port) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1", () => { socket.end(); resolve(); });
      socket.on("error", () => (Date.now() > deadline ? reject(new Error(`nothing on port ${port}`)) : setTimeout(attempt, 50)));
    };
    attempt();
  });
}

/**
 * The build's nginx snippet `name` (`http.conf`, `server.conf`) as an include, when the site
 * asks for them (`[hosting] nginx = true`, as the shipped site does).
 */
export function snippet(out, name) {
  const file = `${out}/_nginx/${name}`;
  return existsSync(file) ? `include ${file};` : "";
}

/**
 * nginx's configuration, its files in `dir`, for the build in `out`: the build's maps in the
 * http block, and `servers` (each of which includes the build's server.conf).
 */
export function nginxConfig(dir, out, servers) {
  return `
    ${process.getuid?.() === 0 ? "user root;" : ""}
    worker_processes 1;
    daemon off;
    pid ${dir}/nginx.pid;
    error_log ${dir}/error.log;
    events {}
    http {
      include /etc/nginx/mime.types;
      types { text/calendar ics; }
      default_type application/octet-stream;
      access_log off;
      client_body_temp_path ${dir}/body;
      proxy_temp_path ${dir}/proxy;
      fastcgi_temp_path ${dir}/fastcgi;
      uwsgi_temp_path ${dir}/uwsgi;
      scgi_temp_path ${dir}/scgi;
      ${snippet(out, "http.conf")}
      ${servers}
    }`;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
