import { asChangeEvent, type ChangeEvent } from '@shared/live-changes';

export interface EventStream {
  status: number;
  contentType: string | null;
  /** The next event's data as a change event (a keep-alive comment is passed over). */
  next(): Promise<ChangeEvent | null>;
  close(): void;
}

/** The loopback shell's change stream (`GET /api/changes`), read as the page reads it: fetch with the token in its header. */
export async function openChangeStream(base: string, headers: Record<string, string>): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/changes`, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (data) return asChangeEvent(JSON.parse(data));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the change stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}
