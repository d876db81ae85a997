// The JSON API: one fetch wrapper. Every change carries the session's CSRF token; an error answer becomes an Error
// with the server's message (in the page's words) and the status.
import { hasWords, t } from './words.js';

let csrf = null;

/** The CSRF token of the session now (none without accounts). */
export function useCsrfToken(token) {
  csrf = token || null;
}

export async function api(method, path, body) {
  const options = { method, headers: {} };
  if (method !== 'GET' && csrf) options.headers['X-CSRF-Token'] = csrf;
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) { options.body = JSON.stringify(body); options.headers['Content-Type'] = 'application/json'; }
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) { // no answer at all (the server down, the network gone): the browser's own words are no planner's
    throw new Error(hasWords() ? t('page.error.network') : e.message);
  }
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    // Before the page has its words (their own request failed), the status alone.
    const error = new Error((data && data.error) || (hasWords() ? t('page.error.status', response.status) : String(response.status)));
    error.status = response.status;
    error.field = data && data.field; // the field of a refused edit, to show the error there
    throw error;
  }
  return data;
}
