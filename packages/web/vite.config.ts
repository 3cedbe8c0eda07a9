import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app builds to packages/web/dist, which the server serves with an SPA fallback.
 * In development the dev server proxies /api to a running `guatu serve` (GUATU_API, default :3000).
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: process.env.GUATU_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
