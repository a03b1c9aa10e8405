/** Builds each named target (default: all) whose sources changed since its last build. */
export declare function buildUi(
  names?: Array<'designer' | 'embed' | 'respondent'>,
): Promise<string[]>
