// The desktop window's security settings, where its page may go, the messages the main process
// accepts from it, the menu, and the workspace argument: the Electron-free pieces of src/main.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, externalLinkTarget, isAppUrl } from '../../../src/main/app-origin.js';
import { workspaceArgument } from '../../../src/main/args.js';
import { hardenContents, type HardenableContents } from '../../../src/main/harden.js';
import { checkNoPayload, checkSender } from '../../../src/main/ipc.js';
import { menuTemplate } from '../../../src/main/menu.js';
import { windowOptions } from '../../../src/main/window-options.js';

describe('window options', () => {
  it('follow the security checklist: no Node in the page, isolation, sandbox, web security, only the preload', () => {
    const prefs = windowOptions({ preload: '/app/dist/main/preload.cjs' }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('where the page may go', () => {
  it('knows its own origin from look-alikes', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://ingot/tables?x=1')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://ingot.evil/', 'https://ingot/', 'file:///app/dist/renderer/index.html', 'not a url', '']) expect(isAppUrl(url)).toBe(false);
  });

  it('sends https links to the browser and refuses every other scheme', () => {
    expect(externalLinkTarget('https://duckdb.org/docs')).toBe('https://duckdb.org/docs');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://ingot/', 'smb://host/share']) expect(externalLinkTarget(url)).toBeUndefined();
  });

  it('stops navigation and redirects away from the app, sends followed https links to the browser, denies new windows and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
    const stub = Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.openHandler = h) });
    const opened: string[] = [];
    hardenContents(stub as unknown as HardenableContents, (url) => opened.push(url));
    const attempt = (event: string, details: { url?: string; isMainFrame?: boolean } = {}): boolean => {
      const prevent = vi.fn();
      contents.emit(event, { ...details, preventDefault: prevent });
      return prevent.mock.calls.length > 0;
    };
    expect(attempt('will-frame-navigate', { url: 'https://duckdb.org/docs', isMainFrame: true })).toBe(true);
    expect(attempt('will-frame-navigate', { url: 'https://tracker.example/', isMainFrame: false })).toBe(true);
    expect(attempt('will-frame-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(true);
    expect(attempt('will-redirect', { url: 'app://other/' })).toBe(true);
    expect(attempt('will-frame-navigate', { url: 'app://ingot/runs', isMainFrame: true })).toBe(false);
    expect(attempt('will-redirect', { url: 'app://ingot/index.html' })).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://duckdb.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // Only the user's own https links, from the page itself: not a subframe's, not file: or others.
    expect(opened).toEqual(['https://duckdb.org/docs', 'https://duckdb.org/']);
  });
});

describe('IPC checks', () => {
  it('accept only the app page as sender, naming the refused frame', () => {
    expect(() => checkSender('ingot:connect-engine', 'app://ingot/index.html')).not.toThrow();
    expect(() => checkSender('ingot:connect-engine', 'https://evil.example/')).toThrow('Ingot refused the message "ingot:connect-engine" from https://evil.example/: only the Ingot page may send it.');
    expect(() => checkSender('ingot:connect-engine', undefined)).toThrow(/from an unknown frame/);
  });

  it('refuse a payload on a channel that takes none', () => {
    expect(() => checkNoPayload('ingot:connect-engine', [])).not.toThrow();
    expect(() => checkNoPayload('ingot:connect-engine', [undefined])).not.toThrow();
    expect(() => checkNoPayload('ingot:connect-engine', [{ path: '/etc/passwd' }])).toThrow('Ingot refused the message "ingot:connect-engine": it takes no payload, and got 1 argument.');
  });
});

describe('menu', () => {
  const labels = (items: ReturnType<typeof menuTemplate>): string[] => items.map((i) => String(i.label ?? i.role));

  it('has an app menu on macOS only, and developer tools only in development', () => {
    const actions = { showWorkspaceFolder: vi.fn() };
    expect(labels(menuTemplate({ platform: 'darwin', development: false }, actions))).toEqual(['Ingot', 'File', 'editMenu', 'View', 'windowMenu']);
    expect(labels(menuTemplate({ platform: 'linux', development: false }, actions))).toEqual(['File', 'editMenu', 'View', 'windowMenu']);
    const roles = (development: boolean): unknown[] => {
      const view = menuTemplate({ platform: 'linux', development }, actions).find((i) => i.label === 'View');
      return (view?.submenu as { role?: string }[]).map((i) => i.role);
    };
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('wires its own command to the action', () => {
    const actions = { showWorkspaceFolder: vi.fn() };
    const file = menuTemplate({ platform: 'linux', development: false }, actions).find((i) => i.label === 'File');
    const item = (file?.submenu as { label?: string; click?: () => void }[]).find((i) => i.label === 'Show Workspace Folder');
    item?.click?.();
    expect(actions.showWorkspaceFolder).toHaveBeenCalledOnce();
  });
});

describe('workspace argument', () => {
  it('takes --workspace DIR or --workspace=DIR, else $INGOT_WORKSPACE, resolved against the working folder', () => {
    expect(workspaceArgument(['/usr/bin/electron', 'dist/main/main.js', '--workspace', 'shop'], {}, '/home/ana')).toBe('/home/ana/shop');
    expect(workspaceArgument(['electron', '--workspace=/data/ws'], {}, '/home/ana')).toBe('/data/ws');
    expect(workspaceArgument(['electron', '--workspace', '--inspect'], { INGOT_WORKSPACE: 'env-ws' }, '/w')).toBe('/w/env-ws');
    expect(workspaceArgument(['electron'], {}, '/w')).toBeUndefined();
    expect(workspaceArgument(['electron'], { INGOT_WORKSPACE: '  ' }, '/w')).toBeUndefined();
  });
});
