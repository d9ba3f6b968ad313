// A 3D mean face for the 68 iBUG 300-W landmarks, in millimetres-like units of an average adult head.
//
// Where the numbers come from: the 68-point mean shape of OpenFace's in-the-wild point distribution model
// (Baltrušaitis, Robinson, Morency, "Constrained Local Neural Fields", ICCV-W 2013), a table reprinted
// in many head-pose tools. We derived ours from it: each left/right mirror pair was averaged into an
// exactly symmetric pair (the face's x is ±their mean, y and z their mean; midline points get x = 0),
// the axes turned to ours and the whole shape centred on its centroid, then rounded to 0.1.
//
// Axes (right-handed, the face's own): x towards the person's left (the image's right in an unmirrored
// camera frame when they face it), y up, z out of the face towards the camera. Jaw 0-16, brows 17-26,
// nose 27-35, eyes 36-47, mouth 48-67.

/** x, y, z of the 68 points, row after row. */
export const MEAN_FACE_3D: readonly number[] = [
   -72.4,   30.1,  -47.4, // 0
   -71.6,   11.3,  -45.0, // 1
   -69.4,   -7.5,  -43.6, // 2
   -65.6,  -25.8,  -42.0, // 3
   -58.6,  -42.5,  -38.1, // 4
   -47.4,  -56.4,  -30.8, // 5
   -33.4,  -67.1,  -18.8, // 6
   -17.7,  -74.9,   -4.4, // 7
    0.0,  -77.1,    0.9, // 8
    17.7,  -74.9,   -4.4, // 9
    33.4,  -67.1,  -18.8, // 10
    47.4,  -56.4,  -30.8, // 11
    58.6,  -42.5,  -38.1, // 12
    65.6,  -25.8,  -42.0, // 13
    69.4,   -7.5,  -43.6, // 14
    71.6,   11.3,  -45.0, // 15
    72.4,   30.1,  -47.4, // 16
   -60.6,   49.8,  -12.9, // 17
   -51.2,   59.0,   -6.3, // 18
   -38.1,   62.4,    0.3, // 19
   -24.6,   61.5,    7.0, // 20
   -11.8,   57.0,   12.0, // 21
    11.8,   57.0,   12.0, // 22
    24.6,   61.5,    7.0, // 23
    38.1,   62.4,    0.3, // 24
    51.2,   59.0,   -6.3, // 25
    60.6,   49.8,  -12.9, // 26
    0.0,   42.2,   13.4, // 27
    0.0,   31.0,   21.2, // 28
    0.0,   19.9,   29.3, // 29
    0.0,    8.4,   36.9, // 30
   -15.0,   -2.6,   20.5, // 31
    -7.7,   -4.7,   23.6, // 32
    0.0,   -6.6,   25.9, // 33
     7.7,   -4.7,   23.6, // 34
    15.0,   -2.6,   20.5, // 35
   -45.6,   37.8,   -6.0, // 36
   -37.6,   42.9,   -2.4, // 37
   -27.9,   43.0,   -0.8, // 38
   -19.5,   36.9,    0.4, // 39
   -28.5,   35.3,    0.7, // 40
   -38.1,   35.2,   -0.9, // 41
    19.5,   36.9,    0.4, // 42
    27.9,   43.0,   -0.8, // 43
    37.6,   42.9,   -2.4, // 44
    45.6,   37.8,   -6.0, // 45
    38.1,   35.2,   -0.9, // 46
    28.5,   35.3,    0.7, // 47
   -28.9,  -28.3,    2.7, // 48
   -18.2,  -22.3,   15.8, // 49
    -7.5,  -19.0,   22.7, // 50
    0.0,  -20.7,   23.7, // 51
     7.5,  -19.0,   22.7, // 52
    18.2,  -22.3,   15.8, // 53
    28.9,  -28.3,    2.7, // 54
    18.6,  -36.5,   15.1, // 55
     8.2,  -39.7,   22.5, // 56
    0.0,  -40.4,   23.6, // 57
    -8.2,  -39.7,   22.5, // 58
   -18.6,  -36.5,   15.1, // 59
   -24.4,  -28.5,    5.2, // 60
    -7.7,  -25.4,   21.0, // 61
    0.0,  -26.0,   22.2, // 62
     7.7,  -25.4,   21.0, // 63
    24.4,  -28.5,    5.2, // 64
     7.8,  -30.7,   20.5, // 65
    0.0,  -31.4,   21.9, // 66
    -7.8,  -30.7,   20.5, // 67
];

/** Index of each landmark's mirror image (0 ↔ 16, 36 ↔ 45, ...). */
export const MIRROR_LANDMARK: readonly number[] = [
  16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 27, 28, 29, 30,
  35, 34, 33, 32, 31, 45, 44, 43, 42, 47, 46, 39, 38, 37, 36, 41, 40, 54, 53, 52, 51, 50, 49, 48, 59, 58, 57, 56, 55,
  64, 63, 62, 61, 60, 67, 66, 65,
];
