package org.contactguard.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.metrics.MicrometerDecisionListener;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Test;

/** The README's "Prometheus in ten lines" runs: a scrape of /metrics shows the engine's meters. */
class PrometheusExampleTest {

    @Test
    void theReadmesTenLinesServeTheEnginesMetersToPrometheus() throws IOException, InterruptedException {
        // --- the README's lines (port 0 here: any free one) ---
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ComplianceEngine engine = ComplianceEngine.builder().pack("starter")
                .listener(new MicrometerDecisionListener(prometheus))
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);   // the JDK's own HTTP server
        server.createContext("/metrics", exchange -> {
            byte[] body = prometheus.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // --- end ---
        try {
            ProposedAction action = ProposedAction.builder().channel(Channel.CALL)
                    .at(Instant.parse("2026-03-10T16:00:00Z")).recipient(Recipient.DEBTOR)
                    .contactPoint(ContactPoint.of("P1", ContactPointKind.MOBILE)).accountIds("A1").build();
            engine.decide(DecisionRequest.builder().id("R-1").action(action).debtor(Debtor.of("D1", "America/New_York"))
                    .account(Account.of("A1", Product.CREDIT_CARD, "US", 45)).build());

            HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            String body = scraped.body();
            assertTrue(body.contains("contactguard_decisions_total{pack=\"default\",tenant=\"none\",verdict=\"ALLOW\"} 1.0"),
                    body);
            assertTrue(body.contains("contactguard_decide_seconds{quantile=\"0.99\"}"), body);
            assertTrue(body.contains("contactguard_rules{version=\"" + engine.version() + "\"}"), body);
        } finally {
            server.stop(0);
        }
    }
}
