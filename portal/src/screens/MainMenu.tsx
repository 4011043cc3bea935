import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router';

/**
 * The header's menu. On a phone (under 900 px, styles.css) it folds behind a « Menu » button
 * (aria-expanded, aria-controls): opened by a tap, Enter or Space; Escape closes it and gives the
 * focus back to the button; choosing a page closes it. On a desktop the button is hidden and the
 * list always shown, as before.
 */
export function MainMenu({ items, path }: { items: { path: string; label: string }[]; path: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // a new page closes the menu
  useEffect(() => setOpen(false), [path]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <nav
      aria-label="Menu principal"
      className="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        type="button"
        className="menu-toggle"
        ref={button}
        aria-expanded={open}
        aria-controls="menu-principal"
        onClick={() => {
          const next = !open;
          setOpen(next);
          // the first entry gets the focus, so that a keyboard user goes on from there
          if (next) requestAnimationFrame(() => list.current?.querySelector('a')?.focus());
        }}
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span> Menu
      </button>
      <ul id="menu-principal" ref={list} className={open ? 'open' : undefined}>
        {items.map((m) => (
          <li key={m.path}>
            <a
              href={m.path}
              aria-current={path === m.path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setOpen(false);
                navigate(m.path);
              }}
            >
              {m.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
