// What the renderer makes of failed engine calls: the engine's code, message and hint are kept,
// and a call cut short by a lost connection is told apart from a real failure.
import { describe, expect, it } from 'vitest';
import { ENGINE_CONTRACT } from '../../../src/shared/api/index.js';
import { IngotError } from '../../../src/shared/errors.js';
import { createRpcClient, inProcessPair } from '../../../src/shared/rpc/index.js';
import { errorDataOf, isDisconnect } from '../../../src/renderer/api/error-data.js';

describe('errorDataOf', () => {
  it('keeps code, message, hint and detail of engine errors', () => {
    const err = new IngotError('SQL_ERROR', 'Parser Error: syntax error at or near "FORM"', { hint: 'Check the SQL near the marked position.', detail: { sqlPosition: 9 } });
    expect(errorDataOf(err)).toEqual({ code: 'SQL_ERROR', message: 'Parser Error: syntax error at or near "FORM"', hint: 'Check the SQL near the marked position.', detail: { sqlPosition: 9 } });
    expect(errorDataOf({ code: 'NOT_FOUND', message: 'No table bronze.x', hint: 'Reload the list.' })).toEqual({ code: 'NOT_FOUND', message: 'No table bronze.x', hint: 'Reload the list.' });
  });

  it('turns anything else into an internal error with a hint', () => {
    const data = errorDataOf(new TypeError('x is undefined'));
    expect(data.code).toBe('INTERNAL');
    expect(data.message).toBe('x is undefined');
    expect(data.hint).toBeTruthy();
    expect(errorDataOf({ code: 'NOT_A_CODE', message: 'm' }).code).toBe('INTERNAL');
  });
});

describe('isDisconnect', () => {
  it('recognises a call cut short by a closed connection, and nothing else', async () => {
    const [clientSide] = inProcessPair();
    const api = createRpcClient(ENGINE_CONTRACT, clientSide);
    const pending = api.listTables({});
    clientSide.close();
    const err = await pending.catch((e: unknown) => e);
    expect(isDisconnect(err)).toBe(true);
    expect(isDisconnect(new IngotError('SQL_ERROR', 'bad SQL'))).toBe(false);
    expect(isDisconnect(new Error('boom'))).toBe(false);
  });
});
