// The WebGPU adapter and device the engine runs on, in the browser (navigator.gpu) or in Node (Dawn).
// Owns the pipeline cache, because pipelines belong to a device and die with it, and counts the
// buffers and textures alive on the current device (leak checks, the GPU-loss tests).
import { GpuError, WebGpuUnavailableError } from './errors';

export { WebGpuUnavailableError, type WebGpuUnavailableReason } from './errors';

/** What the kernels ask of a device. Storage buffers: the largest has ≤8 bindings of its kind. */
export const REQUIRED_LIMITS = {
  maxStorageBuffersPerShaderStage: 8,
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  // The SSD detector's largest activation (256×256×32 f32) is 8 MiB; ask for more when offered.
  maxStorageBufferBindingSize: 64 * 1024 * 1024,
  maxBufferSize: 64 * 1024 * 1024,
} as const;

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

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/** Whether an adapter with this description renders on the CPU. */
export function isSoftwareAdapter(description: Omit<AdapterDescription, 'software' | 'features'>): boolean {
  const { vendor, architecture, device, description: text, isFallbackAdapter } = description;
  return isFallbackAdapter || SOFTWARE_ADAPTER.test([vendor, architecture, device, text].join(' '));
}

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

export class GpuContext {
  private pipelines = new Map<string, GPUComputePipeline>();
  private disposed = false;
  /** Set by loseDevice(): the next 'destroyed' loss is treated as a real one. */
  private simulatedLoss = false;
  private live: GpuResourceCount = { buffers: 0, bufferBytes: 0, textures: 0 };

  private constructor(
    private readonly gpu: GPU,
    private readonly options: GpuContextOptions,
    public adapter: GPUAdapter,
    public device: GPUDevice,
  ) {
    this.watchLoss();
  }

  static async create(options: GpuContextOptions = {}): Promise<GpuContext> {
    const gpu = GpuContext.api(options.gpu);
    const { adapter, device } = await GpuContext.open(gpu, options.powerPreference);
    return new GpuContext(gpu, options, adapter, device);
  }

  /** `gpu`, or navigator.gpu; throws WebGpuUnavailableError 'no-webgpu-api' at once when there is none. */
  static api(gpu?: GPU): GPU {
    const found = gpu ?? (typeof navigator !== 'undefined' ? navigator.gpu : undefined);
    if (!found) {
      throw new WebGpuUnavailableError('no-webgpu-api', 'WebGPU is not available: navigator.gpu is undefined.');
    }
    return found;
  }

  private static async open(gpu: GPU, powerPreference?: GPUPowerPreference) {
    let adapter: GPUAdapter | null;
    try {
      adapter = await gpu.requestAdapter(powerPreference ? { powerPreference } : undefined);
    } catch (error) {
      throw new WebGpuUnavailableError('no-adapter', `WebGPU refused to provide a graphics adapter: ${String(error)}`);
    }
    if (!adapter) {
      throw new WebGpuUnavailableError(
        'no-adapter',
        'requestAdapter() returned null: no adapter is available (disabled or blocklisted).',
      );
    }
    const requiredLimits: Record<string, number> = {};
    for (const [name, wanted] of Object.entries(REQUIRED_LIMITS)) {
      const offered = (adapter.limits as unknown as Record<string, number>)[name];
      if (offered === undefined) continue;
      const isSizeLimit = name === 'maxStorageBufferBindingSize' || name === 'maxBufferSize';
      if (!isSizeLimit && offered < wanted) {
        throw new WebGpuUnavailableError(
          'limits-too-low',
          `The adapter's ${name} is ${offered}; the kernels need ${wanted}.`,
        );
      }
      // Size limits: take everything offered; the networks check their own buffers against it.
      requiredLimits[name] = isSizeLimit ? offered : wanted;
    }
    const requiredFeatures: GPUFeatureName[] = [];
    if (adapter.features.has('timestamp-query')) requiredFeatures.push('timestamp-query');
    // Lets kernels share loads between lanes (the subgroup kernels, chosen on CPU adapters: matmul.ts).
    if (adapter.features.has('subgroups')) requiredFeatures.push('subgroups');
    try {
      const device = await adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'faceprint' });
      return { adapter, device };
    } catch (error) {
      throw new WebGpuUnavailableError('device-failed', `Could not open the graphics device: ${String(error)}`);
    }
  }

  private watchLoss(): void {
    const device = this.device;
    void device.lost.then(async (info) => {
      if (this.disposed || device !== this.device) return;
      if (info.reason === 'destroyed' && !this.simulatedLoss) return;
      this.simulatedLoss = false;
      if (this.options.onDeviceLost?.(info) === 'give-up') return;
      try {
        const { adapter, device: fresh } = await GpuContext.open(this.gpu, this.options.powerPreference);
        if (this.disposed) {
          fresh.destroy();
          return;
        }
        this.adapter = adapter;
        this.device = fresh;
        this.pipelines.clear();
        // The old device's objects went with it.
        this.live = { buffers: 0, bufferBytes: 0, textures: 0 };
        this.watchLoss();
        this.options.onDeviceRecreated?.(this);
      } catch (error) {
        const wrapped =
          error instanceof WebGpuUnavailableError
            ? error
            : new WebGpuUnavailableError('device-failed', `The graphics device was lost: ${info.message}`);
        this.options.onDeviceUnrecoverable?.(wrapped);
      }
    });
  }

  describeAdapter(): AdapterDescription {
    const info = this.adapter.info;
    const identity = {
      vendor: info?.vendor ?? '',
      architecture: info?.architecture ?? '',
      device: info?.device ?? '',
      description: info?.description ?? '',
      // GPUAdapterInfo.isFallbackAdapter now; GPUAdapter.isFallbackAdapter in older browsers.
      isFallbackAdapter: Boolean(
        (info as GPUAdapterInfo & { isFallbackAdapter?: boolean })?.isFallbackAdapter ??
        (this.adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter,
      ),
    };
    return { ...identity, software: isSoftwareAdapter(identity), features: [...this.adapter.features].sort() };
  }

  /** The adapter renders on the CPU (see isSoftwareAdapter); kernels may pick shapes for that. */
  get software(): boolean {
    return this.describeAdapter().software;
  }

  /**
   * The subgroup width every subgroup has on this device, when the device has the `subgroups` feature
   * and the adapter reports one fixed width (subgroupMinSize == subgroupMaxSize); otherwise undefined,
   * and no kernel may assume a width.
   */
  get fixedSubgroupSize(): number | undefined {
    if (!this.device.features.has('subgroups')) return undefined;
    const { subgroupMinSize, subgroupMaxSize } = this.adapter.info ?? {};
    return subgroupMinSize !== undefined && subgroupMinSize === subgroupMaxSize ? subgroupMinSize : undefined;
  }

  get limits(): GPUSupportedLimits {
    return this.device.limits;
  }

  /**
   * A compute pipeline for WGSL `code` specialised by override `constants`, compiled once per device.
   * `key` names the shader; constants are part of the cache key.
   */
  pipeline(key: string, code: string, constants: PipelineConstants = {}): GPUComputePipeline {
    const cacheKey = `${key}|${Object.entries(constants)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`;
    let pipeline = this.pipelines.get(cacheKey);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code, label: key });
      pipeline = this.device.createComputePipeline({
        layout: 'auto',
        compute: { module, entryPoint: 'main', constants },
        label: cacheKey,
      });
      this.pipelines.set(cacheKey, pipeline);
    }
    return pipeline;
  }

  /** A buffer on the current device, counted in `resources` until it is destroyed. */
  createBuffer(descriptor: GPUBufferDescriptor): GPUBuffer {
    return this.counted(this.device.createBuffer(descriptor), 'buffers', descriptor.size);
  }

  /** A texture on the current device, counted in `resources` until it is destroyed. */
  createTexture(descriptor: GPUTextureDescriptor): GPUTexture {
    return this.counted(this.device.createTexture(descriptor), 'textures', 0);
  }

  /** Counts `object` as alive until its first destroy(). */
  private counted<T extends { destroy(): undefined }>(object: T, kind: 'buffers' | 'textures', bytes: number): T {
    // The counts of the device it was made on: a lost device's objects leave the new device's alone.
    const live = this.live;
    live[kind]++;
    live.bufferBytes += bytes;
    const destroy = object.destroy.bind(object);
    let destroyed = false;
    object.destroy = () => {
      if (!destroyed) {
        destroyed = true;
        live[kind]--;
        live.bufferBytes -= bytes;
      }
      return destroy();
    };
    return object;
  }

  /** Buffers (and their bytes) and textures made through this context and alive on the current device. */
  get resources(): GpuResourceCount {
    return { ...this.live };
  }

  /**
   * Destroys the device as if the GPU had been lost (driver reset, GPU process crash): what follows
   * is the real loss path. For tests and soak runs.
   */
  loseDevice(): void {
    this.simulatedLoss = true;
    this.device.destroy();
  }

  /**
   * Runs `build` inside validation and out-of-memory error scopes and throws what WebGPU reported
   * (a WGSL compile error, a bad binding, an allocation failure) as a GpuError instead of letting it
   * pass silently.
   */
  async checked<T>(label: string, build: () => T): Promise<T> {
    this.device.pushErrorScope('out-of-memory');
    this.device.pushErrorScope('validation');
    // The scopes are popped whether or not `build` throws; what WebGPU reported wins over the exception,
    // since it names the cause.
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: build() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const validation = await this.device.popErrorScope();
    const memory = await this.device.popErrorScope();
    const reported = validation ?? memory;
    if (reported) {
      const kind = validation ? 'validation' : 'out-of-memory';
      throw new GpuError(`gpu-${kind}`, `${label}: WebGPU ${kind} error: ${reported.message}`);
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  get pipelineCount(): number {
    return this.pipelines.size;
  }

  dispose(): void {
    this.disposed = true;
    this.pipelines.clear();
    this.device.destroy();
  }
}
