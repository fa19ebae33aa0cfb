/**
 * Lets calls run side by side until something needs the store to itself (a restore swapping the
 * data folder): then new calls wait, the running ones finish, the exclusive work runs, and the
 * waiting calls go on — on whatever store is open afterwards.
 */
export class CallGate {
  private active = 0;
  private closed: Promise<void> | null = null;
  private drained: (() => void)[] = [];

  async run<T>(call: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.active += 1;
    try {
      return await call();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let reopen!: () => void;
    this.closed = new Promise<void>((resolve) => (reopen = resolve));
    try {
      if (this.active > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
      return await work();
    } finally {
      this.closed = null;
      reopen();
    }
  }
}
