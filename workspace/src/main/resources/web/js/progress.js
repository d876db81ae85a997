// Following a solve as the server pushes it: GET /api/scenarios/{id}/events, server-sent events. The browser opens
// a dropped stream again by itself; one it gives up on (refused, or no stream at all) is replaced by asking
// GET /api/scenarios/{id}/progress once a second.
import { api } from './api.js';

const POLL_MS = 1000;

/** A solve waiting in the server's queue or running. */
export function active(status) {
  return status === 'QUEUED' || status === 'SOLVING';
}

/** The one solve followed: the page follows the open scenario's only. */
let following = null;

/** Stops following. */
export function unfollow() {
  if (following) following.stop();
  following = null;
}

/**
 * Follows scenario id's solve: onProgress(progress) while it is queued or running, then onEnd(progress) once,
 * when it has ended (with progress.error if it failed). A progress is {status, bestScore, millis, error}.
 */
export function follow(id, onProgress, onEnd) {
  unfollow();
  const me = { stopped: false, source: null, timer: null };
  me.stop = () => { me.stopped = true; if (me.source) me.source.close(); clearTimeout(me.timer); };
  following = me;
  const seen = (progress) => {
    if (me.stopped) return;
    if (active(progress.status)) { onProgress(progress); return; }
    me.stop();
    if (following === me) following = null;
    onEnd(progress);
  };
  const poll = () => {
    me.timer = setTimeout(async () => {
      try {
        seen(await api('GET', '/api/scenarios/' + id + '/progress'));
      } catch (e) {
        // Refused (logged out, the scenario gone): the end of following; anything else may pass, and is asked again.
        if (e.status >= 400 && e.status < 500) seen({ status: 'NOT_SOLVING', error: e.message });
      }
      if (!me.stopped) poll();
    }, POLL_MS);
  };
  if (!window.EventSource) { poll(); return; }
  const source = me.source = new EventSource('/api/scenarios/' + id + '/events');
  // 'progress' on connecting and on each change; 'end' once the solve has ended (a progress not active says so too).
  ['progress', 'end'].forEach((name) => source.addEventListener(name, (e) => seen(JSON.parse(e.data))));
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED || me.stopped) return; // CONNECTING: the browser tries again itself
    me.source = null;
    poll();
  });
}
