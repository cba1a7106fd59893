/**
 * A dark palette, set the way a host page would: the documented `--cma-color-*` properties on an
 * ancestor. Storybook's Theme toolbar applies it (.storybook/preview.ts) and the contrast test
 * measures it (test/components/contrast.test.ts), so both check the same colours.
 */
export const darkTheme = {
  '--cma-color-primary': '#93c5fd',
  '--cma-color-on-primary': '#0b1220',
  '--cma-color-text': '#e5e7eb',
  '--cma-color-muted': '#9ca3af',
  '--cma-color-border': '#6b7280',
  '--cma-color-surface': '#111827',
  '--cma-color-subtle': '#1f2937',
  '--cma-color-error': '#fca5a5',
  '--cma-color-success': '#6ee7b7',
  background: '#030712',
  color: '#e5e7eb',
} as const;
