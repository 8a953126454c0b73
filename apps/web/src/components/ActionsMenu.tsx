// The help page's "three dots > Delete" beside a request: a menu button in the WAI-ARIA pattern (Enter, Space or the
// arrows open it on an item, the arrows move, Escape closes it back onto the button, Tab moves on). Choosing an item
// puts the focus back on the button first, so a dialog it opens returns there when cancelled. The menu is placed
// fixed beside its button, and follows it on a scroll: inside a table that scrolls sideways (.table-wrap) it would be
// cut off at the last row.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  onSelect: () => void;
}

export function ActionsMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    if (open) place(button.current, menu.current);
  }, [open]);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'last' ? all[all.length - 1] : all[0])?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(null);
    };
    // Placed fixed: a scroll or a resize moves it with its button (closing it then would also close it on the
    // scroll that brings the button into view, which can arrive just after the press).
    const follow = () => place(button.current, menu.current);
    document.addEventListener('pointerdown', away);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      document.removeEventListener('pointerdown', away);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open]);
  const closeOnButton = () => {
    setOpen(null);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    if (e.key in move) all[move[e.key]!]?.focus();
    else if (e.key === 'Escape') closeOnButton();
    else {
      if (e.key === 'Tab') setOpen(null);
      return;
    }
    e.preventDefault();
  };
  return (
    <div className="actions-menu">
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="btn btn-link actions-menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => (o ? null : 'first'))}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul
          ref={menu}
          role="menu"
          id={`${id}-menu`}
          aria-labelledby={`${id}-button`}
          className="actions-menu-list"
          onKeyDown={onMenuKey}
        >
          {actions.map((action) => (
            <li role="none" key={action.label}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  closeOnButton();
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Below the button, its right edge on the button's (left edge where that leaves the screen); above it near the bottom. */
function place(button: HTMLElement | null, menu: HTMLElement | null) {
  if (!button || !menu) return;
  const at = button.getBoundingClientRect();
  const { width, height } = menu.getBoundingClientRect();
  const margin = 4;
  const left = at.right - width >= margin ? at.right - width : Math.max(margin, at.left);
  const below = at.bottom + margin + height <= window.innerHeight;
  menu.style.left = `${Math.min(left, window.innerWidth - width - margin)}px`;
  menu.style.top = `${below ? at.bottom + margin : Math.max(margin, at.top - margin - height)}px`;
}
