package se.rjh.tidplan.workspace.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

import com.nimbusds.openid.connect.sdk.claims.ClaimsSet;

import se.rjh.tidplan.workspace.store.UserStore.Role;

/**
 * Which role a user of the region's login gets: the values of one claim of their ID token (the {@code groups} of
 * Entra ID and Keycloak, say), each value given a role by the server's configuration. A user whose values give
 * several roles gets the highest; one whose values give none gets no role, and no login.
 */
public record RoleClaim(String claim, Map<String, Role> roles) {

    private static final BinaryOperator<Role> HIGHER = BinaryOperator.maxBy(Comparator.naturalOrder());

    public RoleClaim {
        roles = Map.copyOf(roles);
    }

    /** The claim {@code claim}, whose values in {@code valuesByRole} give their role; a value given twice gives the higher. */
    public static RoleClaim of(String claim, Map<Role, List<String>> valuesByRole) {
        Map<String, Role> roles = new HashMap<>();
        valuesByRole.forEach((role, values) -> values.forEach(value -> roles.merge(value, role, HIGHER)));
        return new RoleClaim(claim, roles);
    }

    /** The highest role the claim's values give: the claim is one string or a list of them (a group's id, a role's name). */
    Optional<Role> roleOf(ClaimsSet claims) {
        Object value = claims.getClaim(claim);
        Collection<?> values = value instanceof Collection<?> many ? many : value == null ? List.of() : List.of(value);
        return values.stream().map(String::valueOf).map(roles::get).filter(Objects::nonNull)
                .reduce(HIGHER);
    }
}
