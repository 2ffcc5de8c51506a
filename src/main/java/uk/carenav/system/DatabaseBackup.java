package uk.carenav.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;

/**
 * A consistent backup of the embedded H2 database while the application runs (H2's online
 * {@code BACKUP TO}), into {@code <data-dir>/backups}. Restore with the {@code restore} command
 * while the application is stopped. PostgreSQL installs use the database's own tools (pg_dump).
 */
@Service
public class DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path dataDir;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DatabaseBackup(DataSource dataSource, @Value("${carenav.data-dir:./data}") String dataDir, Clock clock,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.dataDir = Path.of(dataDir);
        this.clock = clock;
        this.events = events;
    }

    /** True when the application runs on an embedded H2 file database, the only kind this can back up. */
    public boolean available() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:file:");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Writes a backup zip and returns its path. */
    @PreAuthorize("hasRole('ADMIN')")
    public Path backup() {
        if (!available()) {
            throw new IllegalStateException("This installation does not use the embedded database; back up PostgreSQL with pg_dump.");
        }
        try {
            Path dir = dataDir.resolve("backups");
            Files.createDirectories(dir);
            Path file = dir.resolve("carenav-" + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            events.publishEvent(new AuditedAction(CurrentUser.username(), "DATABASE_BACKUP", file.getFileName().toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be backed up: " + e.getMessage(), e);
        }
    }
}
