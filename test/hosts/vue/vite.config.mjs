// Vue's full build, which compiles templates in the browser (main.ts has a template string, no .vue
// file): no plugin needed.
export default {
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: { target: 'es2022' },
  logLevel: 'warn',
};
