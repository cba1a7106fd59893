// React's JSX through Vite's own transform (automatic runtime): no plugin needed for a build.
export default {
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
  logLevel: 'warn',
};
