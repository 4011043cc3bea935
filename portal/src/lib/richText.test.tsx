import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { isFormatted, renderBody, safeHref, wrapSelection } from './richText';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const shown = (body: string) => render(<div data-testid="b">{renderBody(body)}</div>).container.firstElementChild as HTMLElement;

describe('a message body', () => {
  it('is plain text when it has no allowed markup: its characters and line breaks kept as written', () => {
    expect(isFormatted('3 < 5 et 7 > 2')).toBe(false);
    const el = shown('Bonjour,\n3 < 5 & <claire@college.fr>\nMerci');
    expect(el.textContent).toBe('Bonjour,\n3 < 5 & <claire@college.fr>\nMerci');
    expect(el.children).toHaveLength(0);
  });

  it('shows the allowed formatting as formatting', () => {
    const el = shown('<p>Bonjour <strong>tous</strong>, <em>vite</em> <u>ici</u></p><ul><li>un</li>\n<li>deux</li></ul>Fin<br>ligne');
    expect(el.querySelector('p strong')?.textContent).toBe('tous');
    expect(el.querySelector('p em')?.textContent).toBe('vite');
    expect(el.querySelector('p u')?.textContent).toBe('ici');
    expect([...el.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['un', 'deux']);
    expect(el.querySelector('ul')?.childNodes).toHaveLength(2);
    expect(el.querySelector('br')).not.toBeNull();
  });

  it('keeps https: and mailto: links, opened apart with noopener noreferrer, and nothing else of an attribute', () => {
    const el = shown('<a href="https://college.example/sortie" class="x" style="color:red" title="t">la sortie</a> <a href="mailto:cpe@college.example">la CPE</a>');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://college.example/sortie', 'mailto:cpe@college.example']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
      expect([...a.attributes].map((x) => x.name).sort()).toEqual(['href', 'rel', 'target']);
    }
  });

  it('never runs or keeps what a hostile body carries: scripts, handlers, javascript: and http: links, images, styles', () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const hostile =
      '<p onclick="alert(1)">Bonjour</p><script>alert(2)</script><img src=x onerror="alert(3)">' +
      '<a href="javascript:alert(4)">cliquez</a> <a href=" JaVaScRiPt:alert(5)">ici</a> <a href="http://pas-sur.example">là</a>' +
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><b><span style="x">gras</span></b>' +
      '<svg><script>alert(6)</script></svg><form action="https://evil.example"><input value="mot de passe"></form>';
    const el = shown(hostile);
    expect(alert).not.toHaveBeenCalled();
    expect(el.querySelectorAll('script, img, style, iframe, svg, span, form, input')).toHaveLength(0);
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelector('b')?.textContent).toBe('gras');
    expect(el.textContent).toBe('Bonjourcliquez ici làgras');
    for (const node of el.querySelectorAll('*')) {
      expect([...node.attributes].filter((a) => a.name.startsWith('on') || a.name === 'style')).toEqual([]);
    }
  });

  it('accepts as a link address only https: and mailto:', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('http://a.example')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('the composer toolbar', () => {
  it('wraps the selection in bold, italic, a list of its lines or a link', () => {
    expect(wrapSelection('Venez demain', 6, 12, 'strong')).toEqual({ text: 'Venez <strong>demain</strong>', start: 14, end: 20 });
    expect(wrapSelection('Venez demain', 0, 5, 'em').text).toBe('<em>Venez</em> demain');
    expect(wrapSelection('À apporter :\ncahier\n\nstylo', 13, 26, 'ul').text).toBe('À apporter :\n<ul><li>cahier</li><li>stylo</li></ul>');
    expect(wrapSelection('Voir le site', 8, 12, { href: 'https://college.example/' }).text).toBe('Voir le <a href="https://college.example/">site</a>');
    expect(isFormatted(wrapSelection('x', 0, 1, 'strong').text)).toBe(true);
  });
});
