// The line under the header that tells the planner what happened, or what went wrong.
import { $ } from './dom.js';

export function say(text, kind) {
  const box = $('message');
  box.textContent = text || '';
  box.className = text ? kind : '';
}

/** Runs work with the message cleared first; an error it throws is shown instead of lost. */
export async function guarded(work) {
  try { say(''); await work(); } catch (e) { say(e.message, 'error'); }
}
