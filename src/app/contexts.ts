// What a page hands to Faceprint's elements through @lit/context: the face engine, the enrollment store
// and the calibration. The app shell sets them as properties; another page can provide them instead, so
// an element never reaches for an app-wide singleton.
import { createContext } from '@lit/context';
import type { Calibration } from '../calibration/calibration';
import type { EnrollmentStore } from '../storage';
import type { EngineState } from './engine-state';

export const engineContext = createContext<EngineState>(Symbol('faceprint-engine'));
export const storeContext = createContext<EnrollmentStore | null>(Symbol('faceprint-store'));
export const calibrationContext = createContext<Calibration>(Symbol('faceprint-calibration'));
