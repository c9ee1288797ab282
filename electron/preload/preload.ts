import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME, IPC_API_CHANNEL } from '../../shared/api/bridge';
import { createBridge } from './create-bridge';

// Exposes only the contract's operations, never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL_NAME,
  createBridge((operation, input, meta) => ipcRenderer.invoke(IPC_API_CHANNEL, operation, input, meta)),
);
