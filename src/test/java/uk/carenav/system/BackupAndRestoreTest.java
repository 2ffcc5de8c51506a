package uk.carenav.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.carenav.Application;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.PracticeSummary;

/** A backup taken while the application runs restores, with the application stopped, to the same data. */
class BackupAndRestoreTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void backUpWhileRunningThenRestoreIntoAnEmptyFolder() {
        Path live = dir.resolve("live");
        Path zip;
        try (ConfigurableApplicationContext app = start(live)) {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            OrganisationAdmin admin = app.getBean(OrganisationAdmin.class);
            admin.createPractice(admin.allPcns().get(0).id(), "X90055", "Before Backup Surgery");
            zip = app.getBean(DatabaseBackup.class).backup();
            admin.createPractice(admin.allPcns().get(0).id(), "X90056", "After Backup Surgery");

            // Restoring over a running database is refused, and nothing is touched.
            Output busy = restore(zip.toString(), "--data-dir", live.toString());
            assertThat(busy.code).isEqualTo(1);
            assertThat(busy.err).contains("in use");
        }
        assertThat(zip).exists().hasParent(live.resolve("backups"));

        Path restored = dir.resolve("restored");
        Output ok = restore(zip.toString(), "--data-dir", restored.toString());
        assertThat(ok.code).as(ok.err).isZero();
        try (ConfigurableApplicationContext app = start(restored)) {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            List<String> names = app.getBean(OrganisationAdmin.class).allPractices().stream().map(PracticeSummary::name).toList();
            assertThat(names).contains("Before Backup Surgery").doesNotContain("After Backup Surgery");
        }

        // Restoring over a stopped database keeps the old one beside it.
        Output again = restore(zip.toString(), "--data-dir", live.toString());
        assertThat(again.code).isZero();
        assertThat(live.resolve("carenav.mv.db.before-restore")).exists();
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws Exception {
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "hello");
        Output out = restore(notZip.toString(), "--data-dir", dir.resolve("d").toString());
        assertThat(out.code).isEqualTo(1);
        assertThat(out.err).contains("not a readable zip file");
        assertThat(restore().code).isEqualTo(2);
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("carenav").toAbsolutePath(),
                "--carenav.data-dir=" + dataDir.toAbsolutePath(), "--carenav.demo-data=true", "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    private record Output(int code, String out, String err) {
    }

    private static Output restore(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = RestoreCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
