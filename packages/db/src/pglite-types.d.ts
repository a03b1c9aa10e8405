import type { ParserOptions, SerializerOptions } from '@electric-sql/pglite'

/** PGlite options with a native-speed `bytea` codec (see pglite-types.js). */
export declare const pgliteTypeOptions: { parsers: ParserOptions; serializers: SerializerOptions }
