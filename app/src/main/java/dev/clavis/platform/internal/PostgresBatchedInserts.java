package dev.clavis.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL's driver sends a JDBC batch of inserts as multi-row inserts only when asked to
 * ({@code reWriteBatchedInserts}); otherwise the server parses, plans and executes each row on its own. The
 * audit chainer, the provisioning queue and directory syncs write their rows in such batches. The setting is
 * the PostgreSQL driver's, so it is added for PostgreSQL URLs only; a URL that names it keeps its own value.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatchedInserts {

    @Bean
    static BeanPostProcessor multiRowInsertsOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}
