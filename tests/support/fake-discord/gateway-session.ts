import { GatewayOpcodes, type GatewaySendPayload } from 'discord.js';
import { WebSocket, type RawData } from 'ws';
import { randomToken } from './ids.js';

/** What outlives a socket: Discord keeps the session id and sequence across a RESUME. */
export class GatewaySession {
  readonly id = randomToken(16);
  #seq = 0;

  constructor(
    readonly shardId: number,
    readonly shardCount: number,
    public socket: WebSocket | null,
  ) {}

  get live(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends a dispatch (op 0) with the next sequence number and returns that number. */
  dispatch(event: string, data: unknown): number {
    this.#seq += 1;
    this.socket?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: this.#seq, d: data }));
    return this.#seq;
  }
}

/** Non-dispatch frames carry null `s` and `t`. */
export function sendFrame(socket: WebSocket, op: GatewayOpcodes, d: unknown = null): void {
  socket.send(JSON.stringify({ op, d, s: null, t: null }));
}

export function parseFrame(raw: RawData): GatewaySendPayload | null {
  try {
    const bytes = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
    return JSON.parse(bytes.toString()) as GatewaySendPayload;
  } catch {
    return null;
  }
}
