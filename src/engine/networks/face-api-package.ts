// The package the four face-api networks' files come from (pinned in package.json; a test checks the
// two agree). `npm install` copies its model files into public/models/ (scripts/copy-models.mjs).
export const FACE_API_SOURCE = '@vladmandic/face-api@1.7.15';
