import net from 'node:net';

/**
 * A real TCP proxy for tests of a cut network (issue 14): listens on 127.0.0.1 and pipes every connection
 * to the target, bytes untouched (TLS passes through end to end). stop() is the cut: the listener closes
 * (a new connection is refused, ECONNREFUSED) and every open connection is reset on both sides, so a
 * request in flight fails as it would when the network goes; start() listens again on the same port.
 */
export interface TcpProxy {
  /** The port clients connect to; the same after stop() and start(). */
  readonly port: number;
  /** Whether connections are passed on (listening). */
  readonly running: boolean;
  /** Connections accepted and passed on so far. */
  readonly connections: number;
  /** Open connections being passed on now. */
  readonly open: number;
  /** Closes the listener and resets every open connection; resolves once nothing is listening. */
  stop(): Promise<void>;
  /** Listens again on the same port (a no-op when running). */
  start(): Promise<void>;
  /** stop() for good. */
  close(): Promise<void>;
  /**
   * From now until start(): new connections pass their TLS handshake, but what the server sends after the
   * client's request is held back. The server does the work; a stop() then loses its answer (a cut after
   * the server acted, before the client heard: the outbox's resend case, issue 14).
   */
  holdResponses(): void;
}

/** How often start() tries again when the port is briefly taken (another socket closing on it). */
const LISTEN_ATTEMPTS = 20;
const LISTEN_RETRY_MS = 50;

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let closed = false;
  let holding = false;
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', cut).on('close', cut);
    upstream.on('error', cut).on('close', cut);
    client.pipe(upstream);
    if (!holding) {
      upstream.pipe(client);
      return;
    }
    // TLS: the client's first write is its hello, its second its finished (with or before the request); the server's answer comes after.
    let clientWrites = 0;
    client.on('data', () => clientWrites++);
    upstream.on('data', (chunk: Buffer) => {
      if (clientWrites < 2) client.write(chunk);
    });
  });
  // A failed listen is reported by listen(); nothing else on the server may end the test process.
  server.on('error', () => undefined);

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      server.once('error', failed);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', failed);
        resolve();
      });
    });

  await listen(0);
  const { port } = server.address() as net.AddressInfo;

  const stop = async () => {
    if (!server.listening) return;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) {
      // An RST, not a FIN: the peer learns of the cut as of a broken network (ECONNRESET), not of a polite close.
      if (socket.destroyed) continue;
      if (socket.connecting) socket.destroy();
      else socket.resetAndDestroy();
    }
    sockets.clear();
    await stopped;
  };

  return {
    port,
    get running() {
      return server.listening;
    },
    get connections() {
      return connections;
    },
    get open() {
      return sockets.size / 2;
    },
    stop,
    async start() {
      if (closed) throw new Error('The proxy is closed');
      holding = false;
      if (server.listening) return;
      for (let attempt = 1; ; attempt++) {
        try {
          await listen(port);
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= LISTEN_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, LISTEN_RETRY_MS));
        }
      }
    },
    async close() {
      closed = true;
      await stop();
    },
    holdResponses() {
      holding = true;
    },
  };
}
