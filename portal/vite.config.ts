import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Dev: `npm run dev` on http://localhost:5173 (an allowed redirect URI of the realm's ent-portal
// client), with the platform's gateway on 8080 answering /api and /config.json.
const gateway = process.env.ENT_GATEWAY ?? 'http://localhost:8080';
// A gateway without the portal has no /config.json: ENT_AUTHORITY (the realm's issuer) answers it here.
const authority = process.env.ENT_AUTHORITY;

function answerConfig(_req: unknown, res: { setHeader(n: string, v: string): void; end(b: string): void }) {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ authority, clientId: 'ent-portal' }));
}

function devConfig(): Plugin {
  return {
    name: 'ent-dev-config',
    configureServer(server) {
      if (authority) server.middlewares.use('/config.json', answerConfig);
    },
    // `npx vite preview` serves the production build the same way (port 4173 is not a redirect URI:
    // use --port 5173 with the dev server stopped)
    configurePreviewServer(server) {
      if (authority) server.middlewares.use('/config.json', answerConfig);
    },
  };
}

export default defineConfig({
  plugins: [react(), devConfig()],
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // hashed file names under /assets/ are served as immutable by the gateway
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: gateway,
        changeOrigin: false,
        // the notification stream: send its headers at once, not with its first event
        configure: (proxy) => {
          proxy.on('proxyRes', (proxyRes, _req, res) => {
            if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream')) res.flushHeaders();
          });
        },
      },
      ...(authority ? {} : { '/config.json': { target: gateway } }),
    },
  },
  test: {
    environment: 'jsdom',
    // screen tests take seconds on a busy 2-core build machine
    testTimeout: 30_000,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
