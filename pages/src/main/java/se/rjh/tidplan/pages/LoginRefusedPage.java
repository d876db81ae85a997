package se.rjh.tidplan.pages;

/** The workspace's page a failed login with the region's account ends on: why, in Swedish, and the way back. */
public final class LoginRefusedPage {

    private LoginRefusedPage() {
    }

    /** The page for {@code reason}, one of the server's own sentences (escaped as any text on a page). */
    public static String render(String reason) {
        return Templates.render("loginrefused.jte", reason);
    }
}
