package liaison.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j 5 Community DBMS embedded in this JVM, reachable over Bolt only, until the process
 * receives SIGTERM (or SIGINT). Started by scripts/neo4j; configured from the environment:
 *
 * <pre>
 *   NEO4J_PORT       Bolt port on 127.0.0.1            (7687)
 *   NEO4J_DATA       data directory                    (.neo4j/data)
 *   NEO4J_IMPORT     LOAD CSV file:/// root            ($NEO4J_DATA/../import)
 *   NEO4J_USER       user to create or update          (neo4j)
 *   NEO4J_PASSWORD   its password, at least 8 chars    (liaison-test-password)
 *   NEO4J_PAGECACHE  page cache size in MiB            (256)
 *   NEO4J_PLUGINS    "apoc": APOC Core from plugins/    (none)
 *   NEO4J_SCHEMA     a file of ";"-ended schema statements run in database neo4j once started
 *                    (scripts/neo4j import leaves the constraints there)   (none)
 *   NEO4J_CONF_FILE  a neo4j.conf file of further settings, applied after the ones above so
 *                    they win (scripts/neo4j writes one with the Bolt SSL policy and
 *                    server.bolt.tls_level for NEO4J_TLS=1)                  (none)
 * </pre>
 *
 * Neo4j's own logs (debug.log) go to $NEO4J_DATA/../logs. The optional first argument is the path
 * of a ready marker, written (with this process's pid and the port) once Bolt listens and the
 * password is set, and removed at shutdown.
 */
public final class Launcher {
    private static final String DEFAULT_USER = "neo4j";
    private static final String DEFAULT_PASSWORD = "liaison-test-password";
    private static final int MIN_PASSWORD_LENGTH = 8;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path ready = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : null;

        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        Path data = Path.of(env("NEO4J_DATA", ".neo4j/data")).toAbsolutePath().normalize();
        Path home = data.getParent();
        Path importDir = Path.of(env("NEO4J_IMPORT", home.resolve("import").toString()))
                .toAbsolutePath().normalize();
        String user = env("NEO4J_USER", DEFAULT_USER);
        String password = env("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        long pageCacheMiB = Long.parseLong(env("NEO4J_PAGECACHE", "256"));

        if (password.length() < MIN_PASSWORD_LENGTH) {
            fail("NEO4J_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters (Neo4j's minimum)");
        }
        if (user.isEmpty()) {
            fail("NEO4J_USER is empty");
        }
        Files.createDirectories(data);
        Files.createDirectories(importDir);
        if (ready != null) {
            Files.deleteIfExists(ready);
        }

        long started = System.nanoTime();
        log("starting Neo4j " + neo4jVersion() + ": bolt://127.0.0.1:" + port + ", data " + data
                + ", import " + importDir);

        boolean apoc = env("NEO4J_PLUGINS", "").equals("apoc");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (apoc) {
            // APOC Core: its jar in plugins/ (scripts/neo4j copies it there), its procedures
            // allowed to use the internal APIs they need.
            builder.setConfig(GraphDatabaseSettings.plugin_dir, home.resolve("plugins"))
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("apoc.*"));
        }
        builder
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(GraphDatabaseSettings.data_directory, data)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // By default 3 wrong passwords lock the user out for 5 s, the right one included,
                // which would make the tests of a wrong password break the tests that follow.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's graceful shutdown waits 2 x 5 s by default; a test server need not.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        String conf = env("NEO4J_CONF_FILE", "");
        if (!conf.isEmpty()) {
            // Last, so that its settings (server.bolt.tls_level among them) replace the defaults above.
            if (!Files.isRegularFile(Path.of(conf))) {
                fail("NEO4J_CONF_FILE=" + conf + ": no such file");
            }
            builder.loadPropertiesFromFile(Path.of(conf));
            log("settings of " + conf + " applied");
        }
        DatabaseManagementService dbms = builder.build();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            try {
                dbms.shutdown();
            } finally {
                if (ready != null) {
                    try {
                        Files.deleteIfExists(ready);
                    } catch (IOException ignored) {
                        // best effort: scripts/neo4j checks the pid as well
                    }
                }
                log("stopped");
            }
        }, "liaison-neo4j-shutdown"));

        try {
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), user, password);
        } catch (RuntimeException e) {
            log("could not set the password of user " + user + ": " + e.getMessage());
            System.exit(1);
        }

        String schema = env("NEO4J_SCHEMA", "");
        if (!schema.isEmpty()) {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (String statement : Files.readString(Path.of(schema), StandardCharsets.UTF_8).split(";")) {
                if (!statement.isBlank()) {
                    db.executeTransactionally(statement.strip());
                }
            }
            log("ran the schema statements of " + schema);
        }

        if (ready != null) {
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + " " + port + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        log("ready in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: bolt://127.0.0.1:"
                + port + " user " + user);

        Thread.currentThread().join(); // until SIGTERM runs the shutdown hook
    }

    /**
     * Makes {@code user} exist with {@code password} and no pending password change. Idempotent: on
     * a restart with the same data and password it changes nothing; with a new password it updates
     * the user, so NEO4J_PASSWORD is always the one that works.
     */
    static void setPassword(GraphDatabaseService system, String user, String password) {
        boolean exists = system.executeTransactionally(
                "SHOW USERS YIELD user WHERE user = $user RETURN count(*) AS n",
                Map.of("user", user),
                result -> ((Number) result.next().get("n")).longValue() > 0);
        if (!exists) {
            system.executeTransactionally(
                    "CREATE USER $user SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("user", user, "password", password));
            log("created user " + user);
            // Another user configured: the built-in neo4j user, still on its well-known initial
            // password 'neo4j', would let anyone on this machine in after a password change.
            if (!DEFAULT_USER.equals(user) && system.executeTransactionally(
                    "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $default AND passwordChangeRequired "
                            + "RETURN count(*) AS n",
                    Map.of("default", DEFAULT_USER),
                    result -> ((Number) result.next().get("n")).longValue() > 0)) {
                system.executeTransactionally("DROP USER $default", Map.of("default", DEFAULT_USER));
                log("dropped the unused built-in user " + DEFAULT_USER);
            }
            return;
        }
        system.executeTransactionally("ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", Map.of("user", user));
        try {
            system.executeTransactionally(
                    "ALTER USER $user SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("user", user, "password", password));
            log("set the password of user " + user);
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
            log("user " + user + " already has the configured password");
        }
    }

    private static String neo4jVersion() {
        String v = GraphDatabaseService.class.getPackage().getImplementationVersion();
        return v != null ? v : "(unknown version)";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static void log(String message) {
        System.out.println("[liaison-neo4j] " + message);
        System.out.flush();
    }

    private static void fail(String message) {
        System.err.println("[liaison-neo4j] " + message);
        System.exit(2);
    }
}
