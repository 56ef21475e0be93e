import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults.js';
import type { Recorder } from './recorder.js';
import { readRequest, type FakeRequest, type RecordedRequest } from './request.js';
import { apiError, handleRoute, type RestReply, type Route } from './router.js';
import type { FakeWorld } from './world.js';

export interface RestDeps {
  world: FakeWorld;
  token: string;
  routes: readonly Route[];
  faults: FaultInjector;
  requests: Recorder<RecordedRequest>;
}

/** The HTTP side: parse, maybe fail on purpose, route, record, answer. */
export function restListener(deps: RestDeps) {
  return (incoming: IncomingMessage, response: ServerResponse): void => {
    // Discord's CDN is another host; here the same server plays it, outside /api.
    if (deps.world.attachments.serve(incoming, response)) return;
    void answer(deps, incoming, response);
  };
}

async function answer(deps: RestDeps, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
  let request: FakeRequest;
  try {
    request = await readRequest(incoming, deps.token);
  } catch (error) {
    const unreadable = { ...rawRequest(incoming), body: String(error) };
    deps.requests.push({ ...unreadable, status: 400, injected: false, at: Date.now() });
    write(response, apiError(400, 50109, 'The request body contains invalid JSON.'));
    return;
  }
  if (request.files.length > 0)
    request.body = deps.world.attachments.resolveUploads(request.body, request.files);
  const fault = deps.faults.take(request);
  let reply: RestReply;
  try {
    reply = fault ?? handleRoute(deps.routes, request, deps.world);
  } catch (error) {
    // A bug in the fake must show up in the test, not hang the bot's request.
    reply = { status: 500, body: { message: `Fake Discord crashed: ${String(error)}`, code: 0 } };
  }
  deps.requests.push({ ...request, status: reply.status, injected: fault !== null, at: Date.now() });
  write(response, reply);
}

function rawRequest(incoming: IncomingMessage): FakeRequest {
  return {
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '',
    query: {},
    headers: {},
    authorized: false,
    body: undefined,
    files: [],
  };
}

function write(response: ServerResponse, reply: RestReply): void {
  const headers = { ...reply.headers };
  // No Content-Type on 204: discord.js would try to parse the empty body as JSON.
  if (reply.body !== undefined) headers['Content-Type'] = 'application/json';
  response.writeHead(reply.status, headers);
  response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}
