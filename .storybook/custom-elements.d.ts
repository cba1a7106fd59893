// custom-elements.json is written by `cem analyze` (npm run build, and before each Storybook run) and
// is not committed: this keeps `tsc` passing before the first build. When the file exists its own
// JSON type is used instead.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
