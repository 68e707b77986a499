import { defineConfig, defaultClientConditions } from 'vite';
import path from 'node:path';
import { p2pmlByteRangeRetry } from './build/p2pml-byte-range-retry.js';

// Maven passes the bundle's target/classes/webroot; a plain `npm run build` writes to the same place.
const outDir = process.env.VID_WEBROOT || path.resolve(import.meta.dirname, '../../../target/classes/webroot');

export default defineConfig({
  base: '/',
  // the P2P library's fallback to HTTP after a rejected byte-range segment (see the file)
  plugins: [p2pmlByteRangeRetry()],
  resolve: {
    // p2p-media-loader-core's prebuilt browser bundle: its own sources import Node's `events` (bittorrent-tracker)
    conditions: ['p2pml:core-as-bundle', ...defaultClientConditions],
  },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npm run dev` against a running instance: API, media and feeds come from it
    proxy: Object.fromEntries(['/api', '/static', '/lazy-static', '/download', '/feeds', '/services', '/tracker']
      .map((p) => [p, process.env.VID_BACKEND || 'http://localhost:9000'])),
  },
});
