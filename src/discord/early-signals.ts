/**
 * Imported first by the entry point, so it runs before the other imports, the config and the first
 * load of the knowledge folder: until then Node's default for SIGHUP would end the process. A SIGHUP
 * that arrives this early is remembered, and the bot reloads once when it is up (`takeOverSighup`).
 */
let pending = false;
const remember = (): void => {
  pending = true;
};
process.on('SIGHUP', remember);

/**
 * Hands SIGHUP over to `handler` and says whether one came meanwhile. The handler is added before
 * this one is removed: with no listener at all for a moment, Node would drop a signal still in flight.
 */
export function takeOverSighup(handler: () => void): boolean {
  process.on('SIGHUP', handler);
  process.off('SIGHUP', remember);
  const was = pending;
  pending = false;
  return was;
}
