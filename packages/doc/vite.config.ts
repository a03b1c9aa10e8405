import { libraryConfig } from '../../scripts/build-library.mjs'

// ESM + CommonJS and bundled declarations for every export in package.json (scripts/build-library.mjs).
export default libraryConfig(import.meta.url)
