package dev.stride.kit.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.MalformedEventException;
import dev.stride.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;

/** Transactional outbox, idempotent consumers, topics and the dead-letter policy. */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class },
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, JdbcClient.class })
@EnableConfigurationProperties(StrideEventsProperties.class)
public class StrideEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec strideEventCodec() {
        return new EventCodec();
    }

    @Bean
    OutboxRelay strideOutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
            KafkaTemplate<String, String> kafka, StrideEventsProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    EventPublisher strideEventPublisher(JdbcClient jdbc, EventCodec codec, Environment environment,
            ObjectProvider<Tracer> tracer, OutboxRelay relay) {
        String producer = environment.getRequiredProperty("spring.application.name");
        return new OutboxEventPublisher(jdbc, codec, producer, new TraceContextSource(tracer), relay);
    }

    @Bean
    IdempotentConsumer strideIdempotentConsumer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcIdempotentConsumer(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    EventHandlers.Factory strideEventHandlers(EventCodec codec, IdempotentConsumer once) {
        return new EventHandlers.Factory(codec, once);
    }

    /** Every Stride topic and its dead-letter twin with the same partition count (the DLT keeps the partition). */
    @Bean
    KafkaAdmin.NewTopics strideTopics(StrideEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Retries a failing record with exponential backoff, then publishes it to {@code <topic>-dlt}
     * with the exception in its headers. Records that can never succeed skip the retries.
     */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler strideKafkaErrorHandler(KafkaOperations<?, ?> template, StrideEventsProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.consumerRetries());
        backOff.setInitialInterval(properties.consumerBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.consumerMaxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, NonRetryableEventException.class,
                DeserializationException.class, ConversionException.class, IllegalArgumentException.class);
        return handler;
    }
}
