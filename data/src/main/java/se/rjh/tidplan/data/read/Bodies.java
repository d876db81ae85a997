package se.rjh.tidplan.data.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bodies a region's calendar names, and how the Tidplan spells them: {@code RS AU}, {@code Rsau},
 * {@code RS-AU}, {@code RUN-AU}, {@code RS/RUN}, {@code RS o RUN}, or inside the activity's name
 * ("beslutas i RS", "bereds av RS AU", "RF Beslutar ...").
 */
public final class Bodies {

    /** Code and Swedish name of every body a calendar may name, in the order a matter passes them. */
    public static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("CLG", "Central ledningsgrupp");
        KNOWN.put("RSBG", "Regionstyrelsens beredningsgrupp");
        KNOWN.put("VSG", "Verksamhetssamverkansgrupper");
        KNOWN.put("FSG", "Förvaltningssamverkansgrupper");
        KNOWN.put("FSG HSF", "Förvaltningssamverkansgrupp HSF");
        KNOWN.put("FSG RUF", "Förvaltningssamverkansgrupp RUF");
        KNOWN.put("FSG RSF", "Förvaltningssamverkansgrupp RSF");
        KNOWN.put("CSG", "Central samverkansgrupp");
        KNOWN.put("HSN AU", "Hälso- och sjukvårdsnämndens arbetsutskott");
        KNOWN.put("HSN", "Hälso- och sjukvårdsnämnden");
        KNOWN.put("RUN AU", "Regionala utvecklingsnämndens arbetsutskott");
        KNOWN.put("RUN", "Regionala utvecklingsnämnden");
        KNOWN.put("RS Pres.", "Regionstyrelsens presidium");
        KNOWN.put("RS AU", "Regionstyrelsens arbetsutskott");
        KNOWN.put("RS", "Regionstyrelsen");
        KNOWN.put("RF", "Regionfullmäktige");
    }

    private static final String BODY = "RS[ -]?AU|Rsau|RS Pres\\.?|RS presidium|RS|RF|HSN[ -]AU|HSN|RUN[ -]AU|RUN|CLG|CSG|FSG|VSG|RSBG";
    private static final Pattern IN_NAME = Pattern.compile(
            "(?:\\b(?:i|av)\\s+(" + BODY + ")\\b)|(?:^(" + BODY + ")\\s+[Bb]eslutar\\b)");

    private Bodies() {
    }

    /** The code of a body as the Tidplan spells it, or null when it names none. */
    public static String code(String text) {
        String t = text.trim().replace('-', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return switch (t) {
            case "RSAU", "RS AU" -> "RS AU";
            case "RS PRES.", "RS PRES", "RS PRESIDIUM" -> "RS Pres.";
            case "HSN AU", "HSNAU" -> "HSN AU";
            case "RUN AU", "RUNAU" -> "RUN AU";
            default -> KNOWN.containsKey(t) ? t : null;
        };
    }

    public static boolean isCollaborationGroup(String cell) {
        return List.of("CSG", "FSG", "VSG").contains(code(cell) == null ? "" : code(cell));
    }

    private static final Pattern ADMINISTRATION = Pattern.compile("\\b(HSF|RUF|RSF)\\b");
    private static final Pattern COMMITTEE_OF = Pattern.compile("\\b(HSN|RUN|RS)(:s\\b| och dess förvaltning)");

    /**
     * Each administration has its own FSG: "VP år 2021 HSN samverkas i FSG (HSF)", "RUN:s beslut ... samverkad
     * i FSG", "RS och dess förvaltning ... i FSG". Null when the name says no administration.
     */
    public static String administrationGroup(String name) {
        Matcher administration = ADMINISTRATION.matcher(name);
        if (administration.find()) {
            return "FSG " + administration.group(1);
        }
        Matcher committee = COMMITTEE_OF.matcher(name);
        if (committee.find()) {
            return "FSG " + switch (committee.group(1)) {
                case "HSN" -> "HSF";
                case "RUN" -> "RUF";
                default -> "RSF";
            };
        }
        return null;
    }

    public static boolean isManagementGroup(String cell) {
        return List.of("CLG", "RSBG").contains(code(cell) == null ? "" : code(cell));
    }

    /** The bodies a column cell names: {@code RS/RUN} and {@code RS o RUN} name two; {@code x} names none. */
    public static List<String> inCell(String cell) {
        List<String> codes = new ArrayList<>();
        for (String part : cell.split("/| o |;|,")) {
            String code = code(part);
            if (code != null && !codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** The bodies an activity's name says it is handled by ("beslutas i RS o RUN" names both). */
    public static List<String> inName(String name) {
        List<String> codes = new ArrayList<>();
        Matcher m = IN_NAME.matcher(name);
        while (m.find()) {
            String code = code(m.group(1) != null ? m.group(1) : m.group(2));
            if (code != null && !codes.contains(code)) {
                codes.add(code);
            }
        }
        Matcher also = Pattern.compile("\\bi (" + BODY + ") o (" + BODY + ")\\b").matcher(name);
        if (also.find()) {
            String second = code(also.group(2));
            if (second != null && !codes.contains(second)) {
                codes.add(second);
            }
        }
        return codes;
    }

    /** Where a body comes in a matter's chain: staff groups, co-determination, AU, board, council. */
    public static int rank(String code) {
        return switch (code) {
            case "CLG", "RSBG" -> 0;
            case "VSG", "FSG", "FSG HSF", "FSG RUF", "FSG RSF", "CSG" -> 1;
            case "HSN AU", "RUN AU", "RS Pres.", "RS AU" -> 2;
            case "HSN", "RUN", "RS" -> 3;
            case "RF" -> 4;
            default -> 0;
        };
    }
}
