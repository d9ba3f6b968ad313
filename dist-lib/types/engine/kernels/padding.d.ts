export type Padding = 'same' | 'valid' | {
    top: number;
    bottom: number;
    left: number;
    right: number;
};
export interface WindowGeometry {
    outH: number;
    outW: number;
    padTop: number;
    padLeft: number;
}
export declare function windowGeometry(inH: number, inW: number, kH: number, kW: number, strideH: number, strideW: number, padding: Padding): WindowGeometry;
