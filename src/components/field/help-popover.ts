import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/**
 * Keeps a field's help popover, opening now, beside its "More about …" button (the element before it): below
 * it, or above when there is no room, shifted to stay inside the viewport, following scrolling and
 * resizing. Loaded on demand: only a descriptor with `help` needs it (and @floating-ui/dom).
 *
 * The popover is a native `popover`: the browser puts it in the top layer (so no overflow or
 * transform of the page clips it) and closes it on Esc and a click outside. Following stops when it
 * closes, and when it leaves the page open (a removed element fires no `toggle`, but the resize
 * observer of `autoUpdate` sees it go).
 */
export function follow(popover: HTMLElement) {
  const button = popover.previousElementSibling!;
  // the top layer is fixed to the viewport: undo the browser's centring of popovers
  Object.assign(popover.style, { margin: '0', inset: 'auto' });
  if (!popover.matches(':popover-open')) {
    // still opening (called from its beforetoggle), or closed again while this module loaded: follow once it is open
    popover.addEventListener('toggle', e => (e as ToggleEvent).newState === 'open' && follow(popover), { once: true });
    return;
  }
  const stop = autoUpdate(button, popover, () =>
    popover.matches(':popover-open')
      ? computePosition(button, popover, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [offset(6), flip(), shift({ padding: 8 })],
        }).then(({ x, y }) => Object.assign(popover.style, { left: `${x}px`, top: `${y}px` }))
      : stop(),
  );
  popover.addEventListener('beforetoggle', stop, { once: true });
}
