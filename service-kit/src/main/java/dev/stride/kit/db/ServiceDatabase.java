package dev.stride.kit.db;

import java.util.Map;

/**
 * Where one service's data lives: its own schema in a shared database, reached through its own
 * login role that owns the schema and has no rights on any other.
 */
public record ServiceDatabase(String service, String jdbcUrl, String schema, String username, String password) {

    /** Spring Boot properties that point a service at this database. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "spring.jpa.properties.hibernate.default_schema", schema);
    }

    @Override
    public String toString() {
        return "ServiceDatabase[" + service + " -> " + username + "@" + jdbcUrl + "]";
    }
}
