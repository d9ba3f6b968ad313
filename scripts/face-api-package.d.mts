// Types for face-api-package.mjs, so TypeScript tests can import it.
export declare const FACE_API_PACKAGE: string;
export declare const FACE_API_VERSION: string;
export declare const MODEL_IDS: readonly string[];
export declare function manifestFileName(id: string): string;
export declare function faceApiPackageDir(): string;
export declare function faceApiModelDir(): string;
export declare function modelFileNames(modelDir?: string): string[];
