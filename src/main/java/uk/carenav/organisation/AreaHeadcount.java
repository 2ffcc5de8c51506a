package uk.carenav.organisation;

import java.util.List;

/** A service lead's area: its practices, grouped by PCN, with trainee headcounts. */
public record AreaHeadcount(String area, List<PracticeHeadcount> practices) {

    public long totalTrainees() {
        return practices.stream().mapToLong(PracticeHeadcount::trainees).sum();
    }

    public long pcnCount() {
        return practices.stream().map(PracticeHeadcount::pcn).distinct().count();
    }
}
