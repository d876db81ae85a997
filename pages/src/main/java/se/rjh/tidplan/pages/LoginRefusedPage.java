package se.rjh.tidplan.pages;

import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;

/** The workspace's page a failed login with the region's account ends on: why, in the planners' words, and the way back. */
public final class LoginRefusedPage {

    /** What the page says: its heading (also its title), why the login failed, and the link back. */
    record View(String heading, String reason, String back) {
    }

    private LoginRefusedPage() {
    }

    /** The page for {@code reason}, one of the server's own sentences (escaped as any text on a page). */
    public static String render(Phrase reason) {
        return Templates.render("loginrefused.jte", new View(Labels.say(Phrase.of(Text.LOGIN_REFUSED_TITLE)),
                Labels.say(reason), Labels.say(Phrase.of(Text.LOGIN_REFUSED_BACK))));
    }
}
