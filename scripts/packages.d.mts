/** The repository's root folder. */
export declare const ROOT: string

/** A published package: its name, folder, and arethetypeswrong profile. */
export interface PublishedPackage {
  name: string
  dir: string
  attw: 'node16' | 'esm-only'
}

/** The published packages (`@yardstick/sdk`, `@yardstick/doc`, `@yardstick/embed`). */
export declare const PUBLISHED: PublishedPackage[]

/** Builds every published package. */
export declare function buildPackages(): Promise<void>

/** Packs each published package into `destination` with `pnpm pack`. */
export declare function packPackages(
  destination: string,
): Promise<Array<PublishedPackage & { tarball: string }>>

/** The paths inside a tarball, without npm's `package/` prefix. */
export declare function tarballFiles(tarball: string): Promise<string[]>

/** What publint and arethetypeswrong find in a tarball, one line per problem. */
export declare function tarballProblems(packed: {
  tarball: string
  attw: PublishedPackage['attw']
}): Promise<string[]>

/** Builds, packs and checks every published package. */
export declare function checkPackages(
  destination: string,
): Promise<Array<PublishedPackage & { tarball: string; files: string[]; problems: string[] }>>
