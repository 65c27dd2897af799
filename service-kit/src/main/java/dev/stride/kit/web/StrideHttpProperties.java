package dev.stride.kit.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize      limit of a request body
 * @param largeBodyPaths   Ant patterns of endpoints that take large bodies (uploads)
 * @param maxLargeBodySize limit on those endpoints
 */
@ConfigurationProperties("stride.http")
public record StrideHttpProperties(DataSize maxBodySize, List<String> largeBodyPaths, DataSize maxLargeBodySize) {

    public StrideHttpProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        largeBodyPaths = largeBodyPaths == null ? List.of() : List.copyOf(largeBodyPaths);
        maxLargeBodySize = maxLargeBodySize == null ? DataSize.ofMegabytes(26) : maxLargeBodySize;
    }
}
