package org.contactguard.core.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * The HikariCP pool a {@link JdbcContactLedger} opens for itself. Kept apart so that a ledger given an
 * application's own {@link javax.sql.DataSource} never loads HikariCP classes.
 */
final class JdbcLedgerPool {

    /** How long opening the pool waits for its first connection. */
    static final Duration INITIAL_CONNECT = Duration.ofSeconds(15);

    private JdbcLedgerPool() {
    }

    /** @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when no connection could be made */
    static HikariDataSource open(String url, String user, String password, int poolSize, Duration connectionTimeout,
            Duration statementTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("contactguard-ledger");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // Checking a connection that sat idle must fit in the time a decision waits for one.
        config.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 2));
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The first connection of a cold JVM (driver classes, SCRAM key derivation) can take longer than
        // a decision should wait, so opening the pool waits for it separately, up to this long; a
        // database that cannot be reached by then fails the ledger's build().
        config.setInitializationFailTimeout(Math.max(INITIAL_CONNECT.toMillis(), connectionTimeout.toMillis()));
        if (url.startsWith("jdbc:postgresql:")) {
            long statementSeconds = Math.max(1, (statementTimeout.toMillis() + 999) / 1000);
            // A server that vanished without closing the socket (network cut, host down) would leave a
            // read blocked forever: the socket timeout bounds it, beyond the statement timeout so that a
            // slow statement is cancelled by the server first.
            config.addDataSourceProperty("socketTimeout", String.valueOf(statementSeconds + 5));
            config.addDataSourceProperty("connectTimeout", String.valueOf(
                    Math.max(1, (connectionTimeout.toMillis() + 999) / 1000)));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("ApplicationName", "contactguard-ledger");
        }
        return new HikariDataSource(config);
    }
}
