// Checks on the messages the page sends the main process before anything happens: only the app's
// own page (app://ingot) may send them, and they carry exactly what their channel expects. Data
// work never goes through here — it goes to the engine over the MessagePort.
import { IngotError } from '../shared/errors.js';
import { isAppUrl } from './app-origin.js';

/** Throws unless the message comes from the app's own page; `frameUrl` is the sending frame's URL. */
export function checkSender(channel: string, frameUrl: string | undefined): void {
  if (frameUrl !== undefined && isAppUrl(frameUrl)) return;
  throw new IngotError('UNAUTHORIZED', `Ingot refused the message "${channel}" from ${frameUrl ?? 'an unknown frame'}: only the Ingot page may send it.`, {
    detail: { channel, frame: frameUrl ?? null },
  });
}

/** Throws unless a channel that takes no payload got none. */
export function checkNoPayload(channel: string, args: readonly unknown[]): void {
  if (args.length === 0 || (args.length === 1 && args[0] === undefined)) return;
  throw new IngotError('INVALID_INPUT', `Ingot refused the message "${channel}": it takes no payload, and got ${args.length} argument${args.length === 1 ? '' : 's'}.`, {
    detail: { channel, arguments: args.length },
  });
}
