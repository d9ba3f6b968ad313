import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The app is served entirely from its own origin. vite-plugin-pwa generates a Workbox service worker
// that precaches the app shell, its JS/CSS and the model files in public/models, so Faceprint starts
// and verifies offline after the first visit.
export default defineConfig({
  build: {
    target: 'es2022',
  },
  plugins: [
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // Registered from src/app/pwa.ts (an inline script would need a CSP exception).
      injectRegister: false,
      manifest: {
        name: 'Faceprint',
        short_name: 'Faceprint',
        description: 'Face verification that runs entirely in your browser. Nothing biometric leaves the device.',
        theme_color: '#0b5cad',
        background_color: '#f4f6f8',
        display: 'standalone',
        start_url: '.',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,webmanifest}', 'models/*.{json,bin}'],
        // The face recognition shard is ~6.4 MB and the SSD detector's ~5.6 MB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
