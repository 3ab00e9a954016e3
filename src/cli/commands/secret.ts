// `ingot secret set|list|delete`: the user's saved secrets (API tokens, passwords) that HTTP
// sources name. They live in secrets.json in the user's config folder, never in a workspace; an
// environment variable of the same name wins. `set` reads the value from stdin (typed without
// echo on a terminal, or piped), never from an argument, so it stays out of shell history.
import type { Command } from 'commander';
import { envSecretStore } from '../../engine/secrets/env-store.js';
import { checkSecretName, fileSecretStore } from '../../engine/secrets/file-store.js';
import { IngotError } from '../../shared/errors.js';
import { output } from '../context.js';

export function registerSecret(program: Command): void {
  const secret = program
    .command('secret')
    .description('save, list or remove the secrets (API tokens, passwords) HTTP sources name; kept outside every workspace');

  secret
    .command('set <name>')
    .description('save a secret: the value is read from stdin (typed without echo, or piped), never from the command line')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      checkSecretName(name);
      const store = fileSecretStore();
      const value = process.stdin.isTTY ? await promptHidden(`Value of ${name} (not shown): `) : withoutFinalNewline(await readAll(process.stdin));
      await store.set(name, value);
      const overridden = (await envSecretStore().get(name)) !== undefined;
      output(cmd, { ok: true, name, file: store.path(), overriddenByEnvironment: overridden }, () =>
        [
          `Saved ${name} in ${store.path()}.`,
          overridden ? `Note: the environment variable ${name} is set, and wins over the saved value while it is.` : `Sources that name ${name} use it from their next load.`,
        ].join('\n'),
      );
    });

  secret
    .command('list')
    .description('list the names of the saved secrets (never their values)')
    .action(async (_opts: unknown, cmd: Command) => {
      const store = fileSecretStore();
      const env = envSecretStore();
      const names = await store.names();
      const overridden = new Set<string>();
      for (const name of names) if ((await env.get(name)) !== undefined) overridden.add(name);
      output(cmd, { ok: true, file: store.path(), names: names.map((name) => ({ name, overriddenByEnvironment: overridden.has(name) })) }, () =>
        names.length === 0
          ? `No saved secrets in ${store.path()}. Save one with \`ingot secret set NAME\`.`
          : [`Saved secrets in ${store.path()}:`, ...names.map((n) => (overridden.has(n) ? `  ${n}  (the environment variable ${n} wins while it is set)` : `  ${n}`))].join('\n'),
      );
    });

  secret
    .command('delete <name>')
    .description('remove a saved secret')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const store = fileSecretStore();
      if (!(await store.delete(name))) {
        const names = await store.names();
        throw new IngotError('NOT_FOUND', `No saved secret named ${name} in ${store.path()}.`, {
          hint: names.length > 0 ? `Saved secrets: ${names.join(', ')}.` : 'No secret is saved; `ingot secret set NAME` saves one.',
          detail: { file: store.path(), secret: name },
        });
      }
      output(cmd, { ok: true, name, file: store.path() }, () => `Removed ${name} from ${store.path()}.`);
    });
}

/** A piped value as given, minus one final line break (what `echo` or a file adds). */
function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks for a line on the terminal without echoing it; Ctrl+C cancels. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: IngotError): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer): void => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new IngotError('CANCELLED', 'Cancelled; nothing was saved.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
