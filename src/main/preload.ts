// The preload script of Ingot's window (bundled to CommonJS, as sandboxed preloads must be). It
// exposes two functions to the page — ask for an engine connection, and tell where a dropped file
// is on disk — and passes the MessagePort that the main process answers with on to the page as a
// window message. Nothing else of Electron or Node.js reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { DESKTOP_BRIDGE_KEY, DESKTOP_IPC, type DesktopBridge, type EnginePortMessage } from '../shared/desktop-bridge.js';

ipcRenderer.on(DESKTOP_IPC.enginePort, (event) => {
  const message: EnginePortMessage = { type: DESKTOP_IPC.enginePort };
  window.postMessage(message, window.location.origin, [...event.ports]);
});

const bridge: DesktopBridge = {
  connectEngine: () => ipcRenderer.send(DESKTOP_IPC.connectEngine),
  pathForFile: (file) => webUtils.getPathForFile(file),
};
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
