import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset URL relative, so `dist/` works from any static host and any
// sub-path (https://host/some/deep/path/) with no rewriting.
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { open: !process.env.CI },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
