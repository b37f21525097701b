// Bundles the console into the jar's resources, under the path the server serves it from.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'target/classes/ai/assetlibrary/server/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Everything is a file of its own under /console/assets/: nothing inline, which the page's
    // Content-Security-Policy would refuse.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
