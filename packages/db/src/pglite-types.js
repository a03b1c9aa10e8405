// How PGlite reads and writes `bytea`, shared by the worker thread (pglite-worker-entry.js) and the
// in-process client (client.ts). Plain JavaScript so that the worker can import it in any Node.
//
// PGlite's own bytea serialiser maps every byte to a string and joins them, and its parser calls
// parseInt per byte: a 20 MiB Yjs snapshot took 14 s to store and 4 s to read. Buffer's native hex
// codec does the same in milliseconds; the wire format ('\x' + hex) is unchanged.
const BYTEA = 17

/** @param {Uint8Array} bytes */
function serializeBytea(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new Error('Invalid input for bytea type')
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`
}

/** @param {string} text */
function parseBytea(text) {
  const buffer = Buffer.from(text.slice(2), 'hex')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

export const pgliteTypeOptions = {
  parsers: { [BYTEA]: parseBytea },
  serializers: { [BYTEA]: serializeBytea },
}
