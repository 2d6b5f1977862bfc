/**
 * Server-sent events to every open preview page: dialogs to answer, and "the sheets changed". Each page
 * holds one stream while it is open, so the number of streams is the number of pages open.
 */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';

export class EventStream extends EventEmitter<{ pages: [number] }> {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    super();
    // A comment line now and then keeps idle connections open through proxies and browsers.
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, 15_000);
    this.heartbeat.unref();
  }

  /** Takes over `response` as an event stream; `hello` events go to this client only. */
  attach(response: ServerResponse, hello: { event: string; data: unknown }[] = []): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    for (const { event, data } of hello) response.write(frame(event, data));
    this.clients.add(response);
    this.emit('pages', this.clients.size);
    response.on('close', () => {
      this.clients.delete(response);
      this.emit('pages', this.clients.size);
    });
  }

  get pages(): number {
    return this.clients.size;
  }

  send(event: string, data: unknown): void {
    for (const client of this.clients) client.write(frame(event, data));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
