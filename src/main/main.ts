// Entry of the desktop app's main process. Kept thin: it registers the app:// origin, opens the
// workspace in the engine's utility process, creates one hardened window, answers the page's
// request for an engine port, and sets the menu. Every piece with logic lives in its own module
// and is tested without Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP_IPC } from '../shared/desktop-bridge.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { appResponse } from './app-protocol.js';
import { workspaceArgument } from './args.js';
import { startEngineProcess, type EngineProcess } from './engine-process.js';
import { hardenContents } from './harden.js';
import { checkNoPayload, checkSender } from './ipc.js';
import { menuTemplate } from './menu.js';
import { windowOptions } from './window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
/** This file is bundled into dist/main; Ingot's package.json sits two levels up (in a packaged app too). */
const version = (JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

async function chooseWorkspace(): Promise<string | undefined> {
  const picked = await dialog.showOpenDialog({ title: 'Open an Ingot workspace', properties: ['openDirectory', 'createDirectory'] });
  return picked.canceled ? undefined : picked.filePaths[0];
}

function fail(title: string, err: unknown): never {
  const error = err as { message?: string; hint?: string };
  dialog.showErrorBox(title, [error.message ?? String(err), error.hint].filter(Boolean).join('\n\n'));
  app.exit(1);
  throw err;
}

async function start(): Promise<void> {
  await app.whenReady();
  const workspace = workspaceArgument(process.argv, process.env, process.cwd()) ?? (await chooseWorkspace());
  if (!workspace) return app.quit();
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request.method, request.url));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const engine: EngineProcess = startEngineProcess(join(here, 'engine-process-entry.js'), workspace, version);
  await engine.ready.catch((err: unknown) => fail('Ingot could not open the workspace', err));
  // The workspace is closed cleanly (DuckDB checkpoints) before the app goes away.
  let engineStopped = false;
  app.on('will-quit', (event) => {
    if (engineStopped) return;
    event.preventDefault();
    void engine.stop().finally(() => {
      engineStopped = true;
      app.quit();
    });
  });

  const window = new BrowserWindow(windowOptions({ preload: join(here, 'preload.cjs'), title: `Ingot — ${basename(workspace)}` }));
  hardenContents(window.webContents, (url) => void shell.openExternal(url));
  ipcMain.on(DESKTOP_IPC.connectEngine, (event, ...args: unknown[]) => {
    try {
      checkSender(DESKTOP_IPC.connectEngine, event.senderFrame?.url);
      checkNoPayload(DESKTOP_IPC.connectEngine, args);
      if (event.senderFrame) engine.connect(event.senderFrame);
    } catch (err) {
      console.error(`ingot: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, development: !app.isPackaged }, { showWorkspaceFolder: () => void shell.openPath(workspace) })));
  window.once('ready-to-show', () => window.show());
  app.on('window-all-closed', () => app.quit());
  await window.loadURL(APP_ENTRY_URL);
}

start().catch((err: unknown) => fail('Ingot could not start', err));
