import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MainMenu } from './MainMenu';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const items = [
  { path: '/', label: 'Accueil' },
  { path: '/notes', label: 'Notes' },
  { path: '/messagerie', label: 'Messagerie' },
];

describe('the header menu on a phone', () => {
  it('folds behind « Menu »: opened with its state said, Escape closes it and gives the focus back', async () => {
    const { rerender } = render(<MainMenu items={items} path="/" />);
    const button = screen.getByRole('button', { name: 'Menu' });
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '')!;
    expect(list.tagName).toBe('UL');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(list.classList.contains('open')).toBe(false);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(list.classList.contains('open')).toBe(true);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Accueil'));
    expect(screen.getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(list.classList.contains('open')).toBe(false);
    expect(document.activeElement).toBe(button);

    // choosing a page closes it and navigates
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('link', { name: 'Notes' }));
    expect(window.location.pathname).toBe('/notes');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    rerender(<MainMenu items={items} path="/notes" />);
    expect(screen.getByRole('link', { name: 'Notes' }).getAttribute('aria-current')).toBe('page');
  });

  it('closes when the page changes by other means (back button, a link in the page)', () => {
    const { rerender } = render(<MainMenu items={items} path="/" />);
    const button = screen.getByRole('button', { name: 'Menu' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    rerender(<MainMenu items={items} path="/messagerie" />);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
