import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is built once and loaded from the app:// protocol in Electron or from the HTTP host in
// browser mode; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome130' },
});
