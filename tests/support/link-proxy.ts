/**
 * A bad commune link between a counter and the hub, as a TCP proxy on 127.0.0.1: it can cut every
 * connection after given numbers of bytes sent upstream (a dropped ADSL line), limit the upstream
 * rate (8 Mbit/s is a commune's ADSL) and add a one-way delay. The sender is held back while more
 * than WINDOW bytes wait on the "line", as a modem's buffer does, so a cut loses what a real cut
 * would: the bytes in flight, not the rest of the file.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LinkOptions {
  /** Cumulative upstream byte counts at which every open connection is cut. */
  cutAfterBytes?: number[];
  /** Upstream rate in bytes per second; unlimited when absent. */
  bytesPerSecond?: number;
  /** One-way delay, both directions, in ms. */
  latencyMs?: number;
}

export interface LinkProxy {
  url: string;
  port: number;
  /** Bytes forwarded upstream (what reached the hub), all connections together. */
  readonly bytesUp: number;
  readonly cuts: number;
  /** Cuts every connection after each of these many more bytes upstream (counted from now). */
  cutAfter(offsets: number[]): void;
  /** Flips one bit of the upstream byte this many bytes from now (a line that damages data). */
  corruptAfter(offset: number): void;
  /** Changes the upstream rate from now on (null: unlimited), as a line that slows down. */
  setBytesPerSecond(rate: number | null): void;
  close(): Promise<void>;
}

const WINDOW = 64 * 1024;

export async function startLinkProxy(target: { host: string; port: number }, options: LinkOptions = {}): Promise<LinkProxy> {
  const cutPoints = [...(options.cutAfterBytes ?? [])].sort((a, b) => a - b);
  const corruptPoints: number[] = [];
  const latency = options.latencyMs ?? 0;
  let rate = options.bytesPerSecond ?? null;
  const open = new Set<net.Socket>();
  let bytesUp = 0;
  let cuts = 0;
  let lineFreeAt = 0;

  const cutAll = () => {
    cuts += 1;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    let queued = 0;
    let closed = false;
    const close = () => {
      closed = true;
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);

    client.on('data', (received: Buffer) => {
      let chunk = received;
      const now = performance.now();
      const sendAt = Math.max(now, lineFreeAt);
      const done = rate === null ? sendAt : sendAt + (chunk.length / rate) * 1000;
      lineFreeAt = done;
      queued += chunk.length;
      if (queued > WINDOW) client.pause();
      setTimeout(() => {
        queued -= chunk.length;
        if (queued <= WINDOW && !closed) client.resume();
        if (closed) return;
        const nextCorrupt = corruptPoints[0];
        if (nextCorrupt !== undefined && bytesUp + chunk.length > nextCorrupt) {
          corruptPoints.shift();
          chunk = Buffer.from(chunk);
          chunk[nextCorrupt - bytesUp]! ^= 0x01;
        }
        const nextCut = cutPoints[0];
        if (nextCut !== undefined && bytesUp + chunk.length >= nextCut) {
          const take = nextCut - bytesUp;
          cutPoints.shift();
          bytesUp += take;
          upstream.write(chunk.subarray(0, take), () => cutAll());
          return;
        }
        bytesUp += chunk.length;
        upstream.write(chunk);
      }, done - now + latency);
    });
    upstream.on('data', (chunk: Buffer) => {
      setTimeout(() => {
        if (!closed) client.write(chunk);
      }, latency);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get bytesUp() {
      return bytesUp;
    },
    get cuts() {
      return cuts;
    },
    cutAfter(offsets) {
      cutPoints.push(...offsets.map((o) => bytesUp + o));
      cutPoints.sort((a, b) => a - b);
    },
    corruptAfter(offset) {
      corruptPoints.push(bytesUp + offset);
      corruptPoints.sort((a, b) => a - b);
    },
    setBytesPerSecond(next) {
      rate = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
