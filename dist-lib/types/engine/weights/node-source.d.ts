import type { ModelFileSource } from './manifest';
export declare function nodeFileSource(dir: string): ModelFileSource;
