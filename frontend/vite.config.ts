import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: {
      // The server ignores the session cookie on websockets from another origin: present
      // the proxied ones as the backend's own.
      '/graphql': { target: backend, ws: true, changeOrigin: true, headers: { origin: backend } },
      '/api': { target: backend, changeOrigin: true },
    },
  },
})
