package uk.carenav.organisation;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.carenav.base.SignedInUser;

/** Answers the shell's {@link SignedInUser} from the signed-in person's staff profile. */
@Component
class SignedInBadge implements SignedInUser {

    private final StaffDirectory directory;

    SignedInBadge(StaffDirectory directory) {
        this.directory = directory;
    }

    /** Name, roles and practices: a supervisor of two practices is shown with both. */
    @Override
    public Badge badge() {
        StaffProfile me = directory.currentProfile();
        Set<String> practices = new LinkedHashSet<>();
        if (!me.practice().isEmpty()) {
            practices.add(me.practice());
        }
        practices.addAll(me.supervisedPractices());
        return new Badge(me.displayName(), me.roles().stream().sorted().map(Role::label)
                .collect(Collectors.joining(", ")) + (practices.isEmpty() ? "" : " - " + String.join(", ", practices)));
    }
}
