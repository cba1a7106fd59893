// Custom Elements Manifest (custom-elements.json) for editors, Storybook and docs.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.d.ts'],
  litelement: true,
  plugins: [
    {
      // The analyzer lists `dispatchEvent(new SomeEvent(…))` as an event with no name; the real
      // names come from each class's @fires tags.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter(e => e.name);
          }
        }
      },
    },
    {
      // Internal state declared in `static properties` ({state: true}) is no attribute: drop what
      // the analyzer lists for private fields.
      name: 'drop-private-attributes',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            const isPrivate = name => declaration.members?.some(m => m.name === name && m.privacy === 'private');
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter(a => !isPrivate(a.fieldName ?? a.name));
          }
        }
      },
    },
  ],
};
