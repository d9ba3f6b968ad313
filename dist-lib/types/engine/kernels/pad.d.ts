import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
/** How much zero padding to add on each side; every field defaults to 0. */
export interface PadAmounts {
    top?: number;
    bottom?: number;
    left?: number;
    right?: number;
    /** Zero channels appended after the last one (the ResNet shortcut's channel padding). */
    channels?: number;
}
export interface PadOptions extends PadAmounts {
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare function padOutputShape(input: Shape, pad: PadAmounts): readonly [number, number, number, number];
export declare function pad(context: GpuContext, input: Tensor, options: PadOptions): KernelCall<Tensor>;
