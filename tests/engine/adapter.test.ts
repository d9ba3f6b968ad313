// Telling a software WebGPU adapter (seconds per frame) from a GPU, so the app can say why it is slow.
import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from '../../src/engine/gpu-context';
import { testContext } from '../helpers/gpu';

const gpu = { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: false };

describe('isSoftwareAdapter', () => {
  it.each([
    ['a fallback adapter', { ...gpu, isFallbackAdapter: true }],
    ['SwiftShader', { ...gpu, vendor: 'google', architecture: 'swiftshader' }],
    ['llvmpipe (Mesa)', { ...gpu, vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }],
    ['WARP', { ...gpu, vendor: 'microsoft', description: 'Microsoft Basic Render Driver' }],
  ])('%s is software', (_name, adapter) => {
    expect(isSoftwareAdapter(adapter)).toBe(true);
  });

  it.each([
    ['NVIDIA', { ...gpu, vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' }],
    ['Apple', { ...gpu, vendor: 'apple', architecture: 'metal-3' }],
    ['Intel', { ...gpu, vendor: 'intel', architecture: 'gen-12lp' }],
    ['an adapter that says nothing', gpu],
  ])('%s is not', (_name, adapter) => {
    expect(isSoftwareAdapter(adapter)).toBe(false);
  });

  it("recognises Mesa's lavapipe, which these tests run on without a GPU, from what Dawn reports", async (test) => {
    const adapter = (await testContext()).describeAdapter();
    // On a machine with a GPU the tests run on it instead, and this case says so by being skipped.
    if (!/mesa/i.test(`${adapter.vendor} ${adapter.description}`)) test.skip();
    expect(adapter.software).toBe(true);
  });

  it('opens lavapipe with the subgroups feature and its fixed 8-lane width (the subgroup matmul needs both)', async (test) => {
    const context = await testContext();
    const adapter = context.describeAdapter();
    if (!/mesa/i.test(`${adapter.vendor} ${adapter.description}`)) test.skip();
    expect(context.device.features.has('subgroups')).toBe(true);
    expect(context.fixedSubgroupSize).toBe(8);
  });
});
