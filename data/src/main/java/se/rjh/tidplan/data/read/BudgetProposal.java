package se.rjh.tidplan.data.read;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.ProcessArea;

/**
 * KL (2017:725) 11 kap 8 §: the board (RS) proposes the budget before the end of October; for special reasons the
 * proposal may come in November, but the tax rate is still proposed before the end of October. A dataset says
 * whether the region uses that exception ({@code budgetProposalInNovember} in settings.json); when it does, the
 * proposal's deadline moves to 30 November and a warning asks for the tax-rate step the law still wants in October.
 */
final class BudgetProposal {

    private static final Pattern BUDGET = Pattern.compile("(?iu)regionplan|budget");
    private static final Pattern TAX_RATE = Pattern.compile("(?iu)skattesats");
    private static final String BOARD = "RS";

    private BudgetProposal() {
    }

    /** Whether the activity is the board's budget proposal with the law's October deadline. */
    static boolean isBoardsProposalByOctober(Activity activity) {
        LocalDate latest = activity.getLatest();
        return latest != null && latest.getMonth() == Month.OCTOBER && latest.getDayOfMonth() == 31
                && activity.getProcesses().contains(ProcessArea.B) && BUDGET.matcher(activity.getName()).find()
                && activity.getBodies().stream().map(Body::getCode).anyMatch(BOARD::equals);
    }

    /** Gives each board's proposal the November deadline; warns where no tax-rate step keeps October's. */
    static void inNovember(Collection<Activity> activities, Map<String, String> rowOf, List<String> warnings) {
        for (Activity proposal : activities) {
            if (!isBoardsProposalByOctober(proposal)) {
                continue;
            }
            LocalDate october = proposal.getLatest();
            proposal.setWindow(proposal.getEarliest(), october.withMonth(11).withDayOfMonth(30));
            boolean taxRate = activities.stream().anyMatch(a -> TAX_RATE.matcher(a.getName()).find()
                    && a.getLatest() != null && !a.getLatest().isAfter(october));
            if (!taxRate) {
                warnings.add(rowOf.get(proposal.getId()) + ": Latest: " + proposal.getId() + " may come in November ("
                        + "settings.json: budgetProposalInNovember, KL 11 kap 8 §: for special reasons), but RS must still"
                        + " propose the tax rate (skattesats) by " + october + "; add that step with Latest " + october);
            }
        }
    }
}
