// A modal built on <dialog>.showModal(): the browser makes the rest of the page inert (the focus stays inside),
// Escape closes it, and focus returns to the element that opened it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { SessionEnded } from './SessionEnded';

export function Dialog({
  open,
  title,
  onClose,
  initialFocus,
  description,
  onEscape,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  /**
   * What the choice means (a warning, a consequence), read out with the title when the dialog opens: the focus starts
   * on a control, and a screen reader would otherwise announce only the title and that control.
   */
  description?: ReactNode;
  /** The control to start on instead of the first one (a confirmation's harmless choice). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Escape does this instead of closing: for a dialog whose closing loses something for good (a secret shown once). */
  onEscape?: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      // What the opener belongs to: an action often replaces its own button (Authorize becomes Revoke), and the focus
      // must not fall back to the page's body then.
      const region = opener?.closest<HTMLElement>('article, section, main') ?? null;
      dialog.showModal();
      // After showModal, which focuses the first control (React's autoFocus runs before: on a closed dialog).
      initialFocus?.current?.focus();
      // Closed first: while the modal is open the page is inert, and focusing the opener or its region would fail.
      return () => {
        if (dialog.open) dialog.close();
        returnFocus(opener, region);
      };
    }
    if (!open && dialog.open) dialog.close();
    // On opening and closing only: running again for another initialFocus would close and reopen the modal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        (onEscape ?? onClose)();
      }}
      // A close event is queued, not dispatched at once: when Escape is followed quickly by a key that opens the dialog
      // again, the earlier close arrives after the reopening and must not close the new one.
      onClose={() => open && !ref.current?.open && onClose()}
      onKeyDown={keepTabInside}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description && <div id={descriptionId}>{description}</div>}
          <SessionEnded />
          {children}
        </>
      )}
    </dialog>
  );
}

// A modal dialog keeps Tab and Shift+Tab among its own controls (WAI-ARIA dialog pattern): Chromium's showModal()
// makes the page inert but lets Tab leave the last control for the browser's own interface.
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function keepTabInside(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Back to the opener; to its region when the opener is gone, now or once the outcome has re-rendered the page. */
function returnFocus(opener: HTMLElement | null, region: HTMLElement | null) {
  const toRegion = () => {
    if (!region?.isConnected) return;
    if (!region.hasAttribute('tabindex')) region.setAttribute('tabindex', '-1');
    region.focus();
  };
  if (opener?.isConnected) opener.focus();
  else toRegion();
  // The outcome may re-render the page later (a refetch on a slow network) and remove the opener while it holds the
  // focus, which then falls to the body: follow the page for a while and catch that, until the person moves on.
  const lost = () => document.activeElement === document.body || document.activeElement === null;
  const observer = new MutationObserver(() => {
    if (!lost()) return;
    toRegion();
    stop();
  });
  const movedOn = (e: FocusEvent) => {
    if (e.target !== opener && e.target !== region) stop();
  };
  const timer = setTimeout(() => stop(), FOLLOW_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('focusin', movedOn);
    document.removeEventListener('pointerdown', stop, true);
    document.removeEventListener('keydown', stop, true);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  // A click or a key is the person acting: from then on the focus is theirs, even on the body.
  document.addEventListener('focusin', movedOn);
  document.addEventListener('pointerdown', stop, true);
  document.addEventListener('keydown', stop, true);
  if (lost()) toRegion();
}

const FOLLOW_MS = 10_000;
