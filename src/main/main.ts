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
const development = !app.isPackaged;

// Before anything reads it: the name decides the user-data folder and the single-instance lock.
app.setName('Ingot');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let window: BrowserWindow | undefined;
let engine: EngineProcess | undefined;
let quitting = false;

function message(err: unknown): string {
  const error = err as { message?: string; hint?: string };
  return [error.message ?? String(err), error.hint].filter(Boolean).join('\n\n');
}

/** Shows what went wrong once, then quits (closing the workspace if it is open). */
function failAndQuit(title: string, err: unknown): void {
  if (quitting) return;
  dialog.showErrorBox(title, message(err));
  app.quit();
}

async function chooseWorkspace(): Promise<string | undefined> {
  const picked = await dialog.showOpenDialog({ title: 'Open an Ingot workspace', properties: ['openDirectory', 'createDirectory'] });
  return picked.canceled ? undefined : picked.filePaths[0];
}

function secureSession(): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request.method, request.url));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url).catch(() => undefined)));
}

async function start(): Promise<void> {
  await app.whenReady();
  secureSession();
  const workspace = workspaceArgument(process.argv, process.env, process.cwd()) ?? (await chooseWorkspace());
  if (!workspace) return app.quit();

  const started = startEngineProcess(join(here, 'engine-process-entry.js'), workspace, version);
  engine = started;
  void started.exited.then((code) => {
    if (!quitting) failAndQuit('The Ingot engine stopped', new Error(`The engine process ended unexpectedly (exit code ${code}). Start Ingot again; your published tables are safe.`));
  });
  try {
    await started.ready;
  } catch (err) {
    return failAndQuit('Ingot could not open the workspace', err);
  }

  const win = new BrowserWindow(windowOptions({ preload: join(here, 'preload.cjs'), title: `Ingot — ${basename(workspace)}`, devTools: development }));
  window = win;
  ipcMain.on(DESKTOP_IPC.connectEngine, (event, ...args: unknown[]) => {
    try {
      if (event.sender !== win.webContents || event.senderFrame !== win.webContents.mainFrame) throw new Error('a message from a frame other than the Ingot window was refused');
      checkSender(DESKTOP_IPC.connectEngine, event.senderFrame?.url);
      checkNoPayload(DESKTOP_IPC.connectEngine, args);
      started.connect(event.senderFrame);
    } catch (err) {
      console.error(`ingot: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, development }, { showWorkspaceFolder: () => void shell.openPath(workspace) })));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => (window = undefined));
  await win.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error(`ingot: the page did not load: ${message(err)}`));
}

if (!app.requestSingleInstanceLock()) {
  // Another Ingot is running; it gets the focus (second-instance below) and this one ends.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // The workspace is closed cleanly (DuckDB checkpoints) before the app goes away.
  app.on('will-quit', (event) => {
    const running = engine;
    if (!running || quitting) return;
    quitting = true;
    event.preventDefault();
    void running.stop().finally(() => app.quit());
  });
  start().catch((err: unknown) => failAndQuit('Ingot could not start', err));
}
