// Making the page's elements: plain DOM and SVG, text always as text (a name never becomes markup).

const SVG = 'http://www.w3.org/2000/svg';

export const $ = (id) => document.getElementById(id);

/** An element (an SVG one for 'svg:tag') with attributes, listeners ({on: {click: f}}), text and children. */
export function el(tag, attrs, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k === 'on') Object.entries(v).forEach(([event, f]) => node.addEventListener(event, f));
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined) node.append(c.nodeType ? c : String(c)); });
  return node;
}

/**
 * Draws again (draw()) without losing the keyboard's place: the element focused before, or the one drawn in its
 * place (the same id, or the same data-id in the same view), has the focus after.
 */
export function keepingFocus(draw) {
  const before = document.activeElement;
  const place = before && before !== document.body ? whereIs(before) : null;
  draw();
  if (!place || (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected)) return;
  const again = document.querySelector(place);
  if (again) again.focus();
}

/** A selector that finds an element again once it is drawn anew. */
function whereIs(node) {
  if (node.id) return '#' + CSS.escape(node.id);
  const within = node.parentElement && node.parentElement.closest('[id]');
  if (node.dataset && node.dataset.id && within) return '#' + CSS.escape(within.id) + ' [data-id="' + CSS.escape(node.dataset.id) + '"]';
  return null;
}

/** Replaces a node's children as el adds them: null and undefined left out (never the text "null"), arrays flattened. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}
