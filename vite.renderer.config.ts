import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// With its extension: Vite's coming native config loader resolves no extensionless imports.
import { CONTENT_SECURITY_POLICY } from './shared/api/content-security-policy.ts';

/** Puts the one CSP (shared/api) into index.html too; frame-ancestors is not allowed in a meta tag. */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'ketenplanner-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

// The UI is built once and loaded from the app:// protocol in Electron or from the HTTP host in
// browser mode; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [contentSecurityPolicyMeta(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // The libraries in chunks of their own (each under Vite's 500 kB advice), so a rebuild of our own
    // code leaves their files, and the browser's cached copies, unchanged. The charts (recharts and
    // what it brings) are the largest part.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|react-redux|redux-thunk|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|internmap|tiny-invariant|use-sync-external-store)[\\/]/, priority: 3 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|cookie|set-cookie-parser)[\\/]/, priority: 2 },
            { name: 'libraries', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
