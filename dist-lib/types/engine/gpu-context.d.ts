import { WebGpuUnavailableError } from './errors';
export { WebGpuUnavailableError, type WebGpuUnavailableReason } from './errors';
/** What the kernels ask of a device. Storage buffers: the largest has ≤8 bindings of its kind. */
export declare const REQUIRED_LIMITS: {
    readonly maxStorageBuffersPerShaderStage: 8;
    readonly maxComputeInvocationsPerWorkgroup: 256;
    readonly maxComputeWorkgroupSizeX: 256;
    readonly maxComputeWorkgroupSizeY: 256;
    readonly maxStorageBufferBindingSize: number;
    readonly maxBufferSize: number;
};
export interface AdapterDescription {
    vendor: string;
    architecture: string;
    device: string;
    description: string;
    isFallbackAdapter: boolean;
    /**
     * The adapter renders on the CPU (a fallback adapter, or a known software driver: SwiftShader,
     * llvmpipe/lavapipe, WARP): expect seconds per frame rather than milliseconds.
     */
    software: boolean;
    features: string[];
}
/** Whether an adapter with this description renders on the CPU. */
export declare function isSoftwareAdapter(description: Omit<AdapterDescription, 'software' | 'features'>): boolean;
export interface GpuContextOptions {
    /** navigator.gpu by default; Node passes Dawn's `create([])`. */
    gpu?: GPU;
    powerPreference?: GPUPowerPreference;
    /**
     * Called when the device is lost (not when it is destroyed by dispose()). 'reopen' (the default)
     * opens a new device; 'give-up' leaves the context without one.
     */
    onDeviceLost?: (info: GPUDeviceLostInfo) => 'reopen' | 'give-up';
    /** Called after the device was lost and a new one created; everything built on the old one must go. */
    onDeviceRecreated?: (context: GpuContext) => void;
    /** Called when the device was lost and could not be recreated. */
    onDeviceUnrecoverable?: (error: WebGpuUnavailableError) => void;
}
type PipelineConstants = Record<string, number>;
/** GPU objects alive on the current device: created and not yet destroyed. */
export interface GpuResourceCount {
    buffers: number;
    bufferBytes: number;
    textures: number;
}
export declare class GpuContext {
    private readonly gpu;
    private readonly options;
    adapter: GPUAdapter;
    device: GPUDevice;
    private pipelines;
    private disposed;
    /** Set by loseDevice(): the next 'destroyed' loss is treated as a real one. */
    private simulatedLoss;
    private live;
    private constructor();
    static create(options?: GpuContextOptions): Promise<GpuContext>;
    /** `gpu`, or navigator.gpu; throws WebGpuUnavailableError 'no-webgpu-api' at once when there is none. */
    static api(gpu?: GPU): GPU;
    private static open;
    private watchLoss;
    describeAdapter(): AdapterDescription;
    /** The adapter renders on the CPU (see isSoftwareAdapter); kernels may pick shapes for that. */
    get software(): boolean;
    /**
     * The subgroup width every subgroup has on this device, when the device has the `subgroups` feature
     * and the adapter reports one fixed width (subgroupMinSize == subgroupMaxSize); otherwise undefined,
     * and no kernel may assume a width.
     */
    get fixedSubgroupSize(): number | undefined;
    get limits(): GPUSupportedLimits;
    /**
     * A compute pipeline for WGSL `code` specialised by override `constants`, compiled once per device.
     * `key` names the shader; constants are part of the cache key.
     */
    pipeline(key: string, code: string, constants?: PipelineConstants): GPUComputePipeline;
    /** A buffer on the current device, counted in `resources` until it is destroyed. */
    createBuffer(descriptor: GPUBufferDescriptor): GPUBuffer;
    /** A texture on the current device, counted in `resources` until it is destroyed. */
    createTexture(descriptor: GPUTextureDescriptor): GPUTexture;
    /** Counts `object` as alive until its first destroy(). */
    private counted;
    /** Buffers (and their bytes) and textures made through this context and alive on the current device. */
    get resources(): GpuResourceCount;
    /**
     * Destroys the device as if the GPU had been lost (driver reset, GPU process crash): what follows
     * is the real loss path. For tests and soak runs.
     */
    loseDevice(): void;
    /**
     * Runs `build` inside validation and out-of-memory error scopes and throws what WebGPU reported
     * (a WGSL compile error, a bad binding, an allocation failure) as a GpuError instead of letting it
     * pass silently.
     */
    checked<T>(label: string, build: () => T): Promise<T>;
    get pipelineCount(): number;
    dispose(): void;
}
