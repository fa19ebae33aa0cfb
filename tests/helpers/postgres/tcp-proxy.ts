import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /**
   * The cable pulled out: nothing passes either way and nobody is told — no reset, no close, as when
   * a switch loses power. New connections are taken and left hanging.
   */
  cut(): void;
  /** The cable back in: what was held goes through, and ends that happened meanwhile are passed on. */
  mend(): void;
  close(): Promise<void>;
}

interface Pair {
  near: Socket;
  far: Socket | null;
}

/** A TCP relay on 127.0.0.1 to `target`, whose cable a test can pull out and plug back in. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let cut = false;

  function link(pair: Pair) {
    const far = connect(target.port, target.host);
    pair.far = far;
    const { near } = pair;
    near.on('data', (d) => far.write(d));
    far.on('data', (d) => near.write(d));
    const end = () => {
      if (cut) return; // nothing crosses a cut cable, not even a close
      near.destroy();
      far.destroy();
      pairs.delete(pair);
    };
    near.on('close', end);
    far.on('close', end);
    near.on('error', () => undefined);
    far.on('error', () => undefined);
    near.resume();
  }

  const server: Server = createServer({ pauseOnConnect: true }, (near) => {
    const pair: Pair = { near, far: null };
    pairs.add(pair);
    if (!cut) link(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    cut() {
      cut = true;
      for (const { near, far } of pairs) {
        near.pause();
        far?.pause();
      }
    },
    mend() {
      cut = false;
      for (const pair of [...pairs]) {
        if (!pair.far) {
          if (pair.near.destroyed) pairs.delete(pair);
          else link(pair);
          continue;
        }
        if (pair.near.destroyed || pair.far.destroyed) {
          pair.near.destroy();
          pair.far.destroy();
          pairs.delete(pair);
          continue;
        }
        pair.near.resume();
        pair.far.resume();
      }
    },
    async close() {
      for (const { near, far } of pairs) {
        near.destroy();
        far?.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
