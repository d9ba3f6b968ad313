import { writeScenes } from './helpers/camera';

/** The fake camera's y4m files must exist before the first browser starts. */
export default function globalSetup(): void {
  writeScenes();
}
