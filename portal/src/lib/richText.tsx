import { createElement, Fragment, ReactNode } from 'react';

/**
 * A message body shown safely. messaging-service accepts plain text or limited formatting (its
 * `message/Formatting`: p, br, b, strong, i, em, u, ul, ol, li and links to https: or mailto:), and
 * keeps the body as written. The portal does not trust it blindly: a body with markup is parsed with
 * DOMParser (an inert document: no script runs, no image loads) and rebuilt as React elements from
 * the same allow-list; every attribute is dropped but a link's href, kept only for https: and mailto:
 * (opened in a new tab, rel="noopener noreferrer"). A tag outside the list gives its text only;
 * script, style and the like give nothing. A plain-text body is text (its line breaks kept by CSS).
 */
export const FORMATTING_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'a'] as const;

const ALLOWED = new Set<string>(FORMATTING_TAGS);
/** Elements whose content is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'head', 'title', 'textarea', 'select']);
const LOOKS_FORMATTED = /<\/?(p|br|b|strong|i|em|u|ul|ol|li|a)(\s[^>]*)?\/?>/i;

/** Whether a body carries markup of the allowed kind (otherwise it is plain text, `3 < 5` included). */
export function isFormatted(body: string): boolean {
  return LOOKS_FORMATTED.test(body);
}

/** A link's address if it is https: or mailto:, else null. */
export function safeHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

export function renderBody(body: string): ReactNode {
  if (!isFormatted(body)) return body;
  const doc = new DOMParser().parseFromString(body, 'text/html');
  return children(doc.body, '');
}

function children(parent: Node, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const list = parent.nodeName === 'UL' || parent.nodeName === 'OL';
  parent.childNodes.forEach((node, i) => {
    const k = `${key}.${i}`;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      // the line breaks between list items are the source's layout, not the reader's
      if (!(list && text.trim() === '')) out.push(text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROPPED.has(tag)) return;
    if (!ALLOWED.has(tag)) {
      out.push(createElement(Fragment, { key: k }, ...children(el, k)));
      return;
    }
    if (tag === 'br') {
      out.push(createElement('br', { key: k }));
      return;
    }
    if (tag === 'a') {
      const href = safeHref(el.getAttribute('href'));
      out.push(
        href
          ? createElement('a', { key: k, href, target: '_blank', rel: 'noopener noreferrer' }, ...children(el, k))
          : createElement(Fragment, { key: k }, ...children(el, k)),
      );
      return;
    }
    out.push(createElement(tag, { key: k }, ...children(el, k)));
  });
  return out;
}

/** The composer's toolbar: wraps the selection of a text field in a tag of the allow-list. */
export function wrapSelection(text: string, start: number, end: number, kind: 'strong' | 'em' | 'ul' | { href: string }): { text: string; start: number; end: number } {
  const selected = text.slice(start, end);
  let inserted: string;
  if (kind === 'ul') {
    const lines = (selected || 'élément').split('\n').map((l) => l.trim()).filter((l) => l !== '');
    inserted = `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`;
  } else if (typeof kind === 'object') {
    inserted = `<a href="${kind.href.replace(/"/g, '%22')}">${selected || kind.href}</a>`;
  } else {
    inserted = `<${kind}>${selected}</${kind}>`;
  }
  const open = inserted.indexOf('>') + 1;
  return {
    text: text.slice(0, start) + inserted + text.slice(end),
    start: kind === 'ul' || typeof kind === 'object' ? start + inserted.length : start + open,
    end: kind === 'ul' || typeof kind === 'object' ? start + inserted.length : start + open + selected.length,
  };
}
