// WAI-ARIA tabs: arrow keys move between tabs, the selected tab is the only one in the tab order.
import { useId, useRef, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

export function Tabs<K extends string>({
  items,
  selected,
  onSelect,
  label,
  children,
}: {
  items: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
  children: ReactNode;
}) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (delta: number) => {
    const i = items.findIndex((item) => item.key === selected);
    const next = items[(i + delta + items.length) % items.length];
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div className="tabs">
      <div
        role="tablist"
        aria-label={label}
        className="tablist"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(1);
          else if (e.key === 'ArrowLeft') move(-1);
        }}
      >
        {items.map((item) => (
          <button
            key={item.key}
            ref={(el) => {
              if (el) refs.current.set(item.key, el);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${item.key}`}
            aria-controls={`${id}-panel`}
            aria-selected={item.key === selected}
            tabIndex={item.key === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(item.key)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
