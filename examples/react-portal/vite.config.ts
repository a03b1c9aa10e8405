import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // In this workspace @yardstick/sdk resolves to its TypeScript source; an app outside it
    // installs the published package and needs neither line.
    conditions: ['@yardstick/source', ...defaultClientConditions],
    dedupe: ['survey-core', 'survey-react-ui', 'react', 'react-dom'],
  },
  build: { chunkSizeWarningLimit: 4000, reportCompressedSize: false },
})
