package uk.carenav.organisation;

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

    @Override
    public Badge badge() {
        StaffProfile me = directory.currentProfile();
        return new Badge(me.displayName(), me.roles().stream().sorted().map(Role::label)
                .collect(Collectors.joining(", ")) + (me.practice().isEmpty() ? "" : " - " + me.practice()));
    }
}
