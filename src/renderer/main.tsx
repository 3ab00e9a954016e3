// Renderer entry: mounts the app and connects it to the engine.
import './zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { engineConnection } from './api/engine.js';
import { App } from './App.js';
import { connectStores } from './connect-stores.js';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A file dropped anywhere but on a drop zone must not replace the app with the file.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault());

const connection = engineConnection();
connectStores(connection);
connection.start();
createRoot(root).render(<App />);
