import { defineConfig, type Plugin } from 'vite';

/** `npm start` opens the demo: the dev server sends `/` to `/demo/`. */
const demoAtRoot: Plugin = {
  name: 'demo-at-root',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url !== '/') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/demo/');
      res.end();
    });
  },
};

// Two library builds, so that each output stands alone:
// - `vite build` → dist/cma-register-app.js: one self-contained module (lit bundled) that defines the tags;
// - `vite build --mode index` → dist/index.js: side-effect-free exports, lit left to the host's bundler.
export default defineConfig(({ mode }) => {
  const index = mode === 'index';
  return {
    publicDir: 'public',
    plugins: [demoAtRoot],
    server: { port: 5173 },
    build: {
      target: 'es2022',
      emptyOutDir: !index,
      // the library must not ship the MSW worker
      copyPublicDir: false,
      minify: true,
      sourcemap: true,
      lib: {
        entry: index ? 'src/index.ts' : 'src/define.ts',
        formats: ['es'],
        fileName: () => (index ? 'index.js' : 'cma-register-app.js'),
      },
      rolldownOptions: {
        external: index ? [/^lit($|\/)/, /^@lit\//, /^@floating-ui\//] : [],
        output: { minify: true },
      },
    },
  };
});
