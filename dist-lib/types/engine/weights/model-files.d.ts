import { type NetworkId } from '../networks/registry';
export type ModelId = NetworkId;
export declare const MODEL_IDS: readonly ModelId[];
export interface ModelFileInfo {
    readonly bytes: number;
    /** Lower-case hex. */
    readonly sha256: string;
}
export interface ModelFiles {
    /** The tfjs weights manifest (JSON). */
    readonly manifest: string;
    /** Its binary shards, in manifest order. */
    readonly shards: readonly string[];
}
export declare const MODEL_FILES: Readonly<Record<ModelId, ModelFiles>>;
/** Size and SHA-256 of each file, by file name. */
export declare const FILE_CHECKSUMS: Readonly<Record<string, ModelFileInfo>>;
/** The files a model needs: manifest first, then its shards. */
export declare function modelFileNames(id: ModelId): string[];
/** Bytes to download for these models: the denominator of a load progress bar. */
export declare function modelBytes(ids: readonly ModelId[]): number;
