// Secret stores and the redactor: environment variables, the in-memory store, a chain of stores,
// the active store the engine uses, resolution errors that name the secret but never its value,
// and masking of every form a value travels in.
import { describe, expect, it } from 'vitest';
import { activeSecretStore, setActiveSecretStore } from '../../../src/engine/secrets/active-store.js';
import { chainSecretStores } from '../../../src/engine/secrets/chain-store.js';
import { envSecretStore } from '../../../src/engine/secrets/env-store.js';
import { memorySecretStore } from '../../../src/engine/secrets/memory-store.js';
import { addBasicCredentials, createRedactor } from '../../../src/engine/secrets/redactor.js';
import { resolveSecret } from '../../../src/engine/secrets/resolve-secret.js';
import { IngotError } from '../../../src/shared/errors.js';
import { ingotError } from '../ingest/fixture.js';

describe('secret stores', () => {
  it('reads environment variables, memory and chains, in order', async () => {
    const env = envSecretStore({ A: 'from-env', EMPTY: '' });
    expect(await env.get('A')).toBe('from-env');
    expect(await env.get('EMPTY')).toBeUndefined();
    const memory = memorySecretStore({ A: 'from-memory' });
    memory.set('B', 'b');
    const chain = chainSecretStores(memory, env);
    expect([await chain.get('A'), await chain.get('B'), await chain.get('C')]).toEqual(['from-memory', 'b', undefined]);
    expect(chain.describe('X')).toBe('the secret X (held in memory) or the environment variable X');
    const restore = setActiveSecretStore(memory);
    expect(activeSecretStore()).toBe(memory);
    restore();
    expect(activeSecretStore()).not.toBe(memory);
  });

  it('resolves by name, registering the value with the redactor; errors name the secret only', async () => {
    const redactor = createRedactor();
    const store = memorySecretStore({ TOKEN: 'abc-secret-123' });
    expect(await resolveSecret(store, 'TOKEN', { file: 'sources/a.yaml', field: 'auth.token_secret' }, redactor)).toBe('abc-secret-123');
    expect(redactor.text('token=abc-secret-123&x=abc-secret-123')).toBe('token=***&x=***');
    const missing = await ingotError(resolveSecret(store, 'OTHER', { file: 'sources/a.yaml', field: 'auth.token_secret' }));
    expect(missing.message).toBe('The secret OTHER (auth.token_secret in sources/a.yaml) is not set.');
    expect(missing.detail).toMatchObject({ secret: 'OTHER', field: 'auth.token_secret' });
    expect((await ingotError(resolveSecret(store, 'not a name', { file: 'f', field: 'g' }))).message).toContain('must be the name of a secret');
  });

  it('masks URL-encoded and Basic forms, and whole errors', () => {
    const redactor = createRedactor();
    redactor.add('p@ss word/1');
    addBasicCredentials(redactor, 'ana', 'p@ss word/1');
    const basic = Buffer.from('ana:p@ss word/1').toString('base64');
    expect(redactor.text(`a=${encodeURIComponent('p@ss word/1')} b=p%40ss+word%2F1 c=Basic ${basic}`)).toBe('a=*** b=*** c=Basic ***');
    const err = redactor.error(new IngotError('HTTP_ERROR', 'said p@ss word/1', { hint: 'not p@ss word/1', detail: { url: 'http://x/?k=p%40ss%20word%2F1' } })) as IngotError;
    expect([err.code, err.message, err.hint, err.detail?.url]).toEqual(['HTTP_ERROR', 'said ***', 'not ***', 'http://x/?k=***']);
    expect(createRedactor().text('abc')).toBe('abc');
  });
});
