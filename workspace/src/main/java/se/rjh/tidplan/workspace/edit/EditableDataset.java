package se.rjh.tidplan.workspace.edit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.SittingSource;

/**
 * A version of a scenario's dataset as the editor shows it, read from its files as they stand: the activities (the
 * region's own; pinned ones named in {@code pinned}), the external dates, the chains, the bodies with their sitting
 * days and where each comes from, and the office hours.
 */
public record EditableDataset(int version, List<ActivityFields> activities, List<String> pinned, List<Forecast> forecasts,
        List<DependencyFields> dependencies, List<BodyView> bodies, LocalTime officeStart, LocalTime officeEnd) {

    /** An external date (an SKR forecast). */
    public record Forecast(String id, String name, LocalDate date, String yearInFocus) {
    }

    /** A body and its sitting days, in date order. */
    public record BodyView(String code, String name, List<SittingView> sittings) {
    }

    /** A sitting day: where it comes from (null where the dataset does not say) and its Note. */
    public record SittingView(LocalDate date, SittingSource source, String note) {
    }

    public static EditableDataset of(int version, Map<String, String> files) {
        DatasetTables tables = new DatasetTables(files);
        List<DatasetTables.Row> rows = tables.rows(DatasetReader.ACTIVITIES);
        List<DatasetTables.Row> sittings = tables.rows(DatasetReader.SITTINGS);
        return new EditableDataset(version,
                rows.stream().filter(row -> row.get("External").isEmpty()).map(ActivityFields::of).toList(),
                rows.stream().filter(row -> !row.get("Pinned").isEmpty()).map(row -> row.get("Id")).toList(),
                rows.stream().filter(row -> !row.get("External").isEmpty()).map(row -> new Forecast(row.get("Id"),
                        row.get(DatasetReader.AKTIVITET), ActivityFields.of(row).date(), row.get(DatasetReader.AR_I_FOKUS))).toList(),
                tables.rows(DatasetReader.DEPENDENCIES).stream().map(DependencyFields::of).toList(),
                tables.rows(DatasetReader.BODIES).stream().map(body -> new BodyView(body.get("Code"), body.get("Name"),
                        sittings.stream().filter(s -> s.get("Body").equals(body.get("Code")))
                                .map(s -> new SittingView(LocalDate.parse(s.get("Date")), Sittings.source(s), s.get("Note")))
                                .sorted(java.util.Comparator.comparing(SittingView::date)).toList())).toList(),
                tables.settings().officeHours().start(), tables.settings().officeHours().end());
    }
}
