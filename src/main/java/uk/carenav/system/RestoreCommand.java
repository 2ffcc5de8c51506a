package uk.carenav.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;

/**
 * {@code restore BACKUP.zip [--data-dir DIR]}: puts a backup made by the Administration page back as the
 * embedded database, with the application stopped. The database it replaces is kept beside it.
 * Exit 0 when restored, 1 when it cannot be, 2 on a usage error.
 */
public final class RestoreCommand {

    static final String USAGE = """
            Usage: java -jar carenav-trainer.jar restore BACKUP.zip [--data-dir DIR]
              Restores a database backup (from Administration > Back up now) into DIR (default ./data).
              Stop the application first. The current database is kept as carenav.mv.db.before-restore.""";

    private RestoreCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String backup = null;
        Path dataDir = Path.of(System.getenv().getOrDefault("CARENAV_DATA_DIR", "./data"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Path.of(args.get(++i));
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-") || backup != null) {
                err.println("restore: unexpected " + a);
                err.println(USAGE);
                return 2;
            } else {
                backup = a;
            }
        }
        if (backup == null) {
            err.println(USAGE);
            return 2;
        }
        Path zip = Path.of(backup);
        if (!Files.isRegularFile(zip)) {
            err.println("restore: " + zip + " does not exist");
            return 2;
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.getEntry("carenav.mv.db") == null) {
                err.println("restore: " + zip + " is not a CareNav Trainer database backup (no carenav.mv.db inside)");
                return 1;
            }
        } catch (IOException e) {
            err.println("restore: " + zip + " is not a readable zip file: " + e.getMessage());
            return 1;
        }
        Path db = dataDir.resolve("carenav.mv.db");
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(db)) {
                if (inUse(db)) {
                    err.println("restore: the database in " + dataDir + " is in use. Stop the application first.");
                    return 1;
                }
                Path kept = dataDir.resolve("carenav.mv.db.before-restore");
                Files.move(db, kept, StandardCopyOption.REPLACE_EXISTING);
                out.println("Kept the current database as " + kept);
            }
            Restore.execute(zip.toString(), dataDir.toString(), "carenav");
            out.println("Restored " + zip + " into " + dataDir + ". Start the application as usual.");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("restore: " + e.getMessage());
            return 1;
        }
    }

    private static boolean inUse(Path db) throws IOException {
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
