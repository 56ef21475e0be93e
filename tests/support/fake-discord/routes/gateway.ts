import { ok, route, type Route } from '../router.js';

export function gatewayRoutes(gatewayUrl: string, shards: number): Route[] {
  const info = {
    url: gatewayUrl,
    shards,
    // max_concurrency = shards lets every shard identify at once instead of 5 s apart.
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: shards },
  };
  return [
    route('GET', '/gateway/bot', () => ok(info)),
    route('GET', '/gateway', () => ok({ url: gatewayUrl }), { auth: false }),
  ];
}
