package se.rjh.tidplan.workspace.web;

/** The page a failed login with the region's account ends on: why, in Swedish, and the way back to the login. */
final class LoginRefusedPage {

    private LoginRefusedPage() {
    }

    /** The page for {@code why}: its text is one of the server's own, nothing the browser or the provider sent. */
    static String html(OidcLogin.Why why) {
        return """
                <!DOCTYPE html>
                <html lang="sv">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>tidplan – inloggningen misslyckades</title>
                  <link rel="stylesheet" href="/palette.css">
                  <link rel="stylesheet" href="/app.css">
                </head>
                <body>
                <header><h1>tidplan</h1></header>
                <div id="login">
                  <h2>Inloggningen misslyckades</h2>
                  <p role="alert">%s</p>
                  <p><a href="/">Tillbaka till inloggningen</a></p>
                </div>
                </body>
                </html>
                """.formatted(why.swedish);
    }
}
