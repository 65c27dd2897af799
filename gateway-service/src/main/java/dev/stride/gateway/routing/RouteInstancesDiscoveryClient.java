package dev.stride.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.stride.contracts.Services;
import reactor.core.publisher.Flux;

/**
 * The instances behind the {@code lb://<service>} route URIs, from configuration: each
 * {@code stride.routes.<route>-uri} ({@code STRIDE_ROUTES_WORKOUT_URI}...) is a comma-separated
 * list of {@code http(s)://host:port} base URIs, load-balanced round robin by Spring Cloud
 * LoadBalancer. (Instances may also be listed with
 * {@code spring.cloud.discovery.client.simple.instances.<service>[i].uri}; both sources are merged.)
 */
@Component
class RouteInstancesDiscoveryClient implements ReactiveDiscoveryClient {

    static final Map<String, String> ROUTE_PROPERTIES = Map.of(
            Services.WORKOUT, "stride.routes.workout-uri",
            Services.SOCIAL, "stride.routes.social-uri",
            Services.MARKETING, "stride.routes.marketing-uri",
            Services.NOTIFICATION, "stride.routes.notification-uri");

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

    RouteInstancesDiscoveryClient(Environment environment) {
        ROUTE_PROPERTIES.forEach((service, property) -> {
            String value = environment.getProperty(property);
            if (value != null && !value.isBlank()) {
                instances.put(service, parse(service, value));
            }
        });
    }

    static List<ServiceInstance> parse(String service, String value) {
        List<ServiceInstance> list = new ArrayList<>();
        int i = 0;
        for (String raw : value.split(",")) {
            String uri = raw.trim();
            if (uri.isEmpty()) {
                continue;
            }
            URI parsed = URI.create(uri);
            String scheme = parsed.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || parsed.getHost() == null) {
                throw new IllegalArgumentException("instance URI of " + service + " must be http(s)://host:port: " + uri);
            }
            boolean secure = "https".equals(scheme);
            int port = parsed.getPort() > 0 ? parsed.getPort() : secure ? 443 : 80;
            list.add(new DefaultServiceInstance(service + "-" + i++, service, parsed.getHost(), port, secure));
        }
        return List.copyOf(list);
    }

    @Override
    public String description() {
        return "Stride route instances from stride.routes.*-uri";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
