/** Builds each named target (default: all) whose sources changed since its last build. */
export declare function buildUi(
  names?: Array<'designer' | 'embed' | 'respondent'>,
): Promise<string[]>

/** The fingerprint of the named target's sources and the lockfile. */
export declare function sourcesFingerprint(
  name: 'designer' | 'embed' | 'respondent' | 'server',
): string

/** Holds a lock across processes (one at a time per name) while `work` runs. */
export declare function withLock<T>(name: string, work: () => Promise<T>): Promise<T>
