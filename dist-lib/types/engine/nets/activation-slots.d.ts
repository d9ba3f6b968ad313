import { type Shape, type Tensor } from '../tensor';
import type { NetBuilder } from './net-builder';
export declare class ActivationSlots {
    private readonly capacity;
    private readonly slots;
    /** `capacity`: the largest tensor (in elements) that will be placed in a slot. */
    constructor(builder: NetBuilder, capacity: number);
    /** A tensor of `shape` in the slot that does not hold `input` (a view: it shares the slot's buffer). */
    next(shape: Shape, input: Tensor): Tensor;
}
