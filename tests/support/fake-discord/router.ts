import { matchPath, type FakeRequest } from './request.js';
import type { FakeWorld } from './world.js';

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  request: FakeRequest;
  params: Record<string, string>;
  world: FakeWorld;
}

export interface Route {
  method: string;
  /** Relative to `/api/v10`, with `:name` segments. */
  pattern: string;
  /** Interaction callbacks and webhooks are authenticated by their token in the path, not a header. */
  auth: boolean;
  handle: (context: RouteContext) => RestReply;
}

export function route(method: string, pattern: string, handle: Route['handle'], { auth = true } = {}): Route {
  return { method, pattern, auth, handle };
}

export function ok(body: unknown): RestReply {
  return { status: 200, body };
}

export const noContent: RestReply = { status: 204 };

/** Discord's error body shape; discord.js turns it into a DiscordAPIError with this code. */
export function apiError(status: number, code: number, message: string): RestReply {
  return { status, body: { message, code } };
}

export function handleRoute(routes: readonly Route[], request: FakeRequest, world: FakeWorld): RestReply {
  for (const candidate of routes) {
    if (candidate.method !== request.method) continue;
    const params = matchPath(candidate.pattern, request.path);
    if (!params) continue;
    if (candidate.auth && !request.authorized) return apiError(401, 0, '401: Unauthorized');
    return candidate.handle({ request, params, world });
  }
  return apiError(404, 0, 'Unknown route');
}
