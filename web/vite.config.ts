// The web app's build: React + Vite, served by the Tierwise server from dist/web.
// `npx vite --config web/vite.config.ts` serves it with hot reload and proxies /api to a
// running `tierwise start` on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Budget of issue 5: a first visit of the dashboard downloads < 300 KB gzipped.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
