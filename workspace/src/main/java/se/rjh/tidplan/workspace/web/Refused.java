package se.rjh.tidplan.workspace.web;

import io.javalin.http.HttpStatus;

/**
 * A request refused before anything is done, with the status that says why: no login or not allowed (401, 403),
 * too many failed logins (429), a form the server does not take (too large, not JSON, not an upload, not a stream).
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final HttpStatus status;

    Refused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }
}
