package dev.stride.gateway.token;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC transaction template the identity code runs its writes in. Built on the application's
 * transaction manager when there is exactly one, else on a JDBC manager of the same DataSource
 * (Kafka may add a second manager), so the outbox writes join the same connection either way.
 */
@Configuration(proxyBeanMethods = false)
class Transactions {

    @Bean
    TransactionTemplate jdbcTransactionTemplate(ObjectProvider<PlatformTransactionManager> managers, DataSource dataSource) {
        PlatformTransactionManager manager = managers.getIfUnique(() -> new JdbcTransactionManager(dataSource));
        return new TransactionTemplate(manager);
    }
}
