package org.contactguard.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON writer's instants read exactly as {@link Instant#toString()}, at every precision and year. */
class InstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-03T20:55:00Z", "2026-03-03T20:55:00.100Z",
            "2026-03-03T20:55:00.000001Z", "2026-03-03T20:55:00.123456789Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z", "2024-02-29T12:00:00Z"})
    void readsAsToString(String text) {
        Instant at = Instant.parse(text);
        assertEquals(at.toString(), Instants.text(at));
    }

    @Property(tries = 2000)
    void anyInstantReadsAsToString(@ForAll("instants") Instant at) {
        assertEquals(at.toString(), Instants.text(at));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_200_000_000L, 253_500_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 999)
                .map(n -> n * 1_000_000), Arbitraries.integers().between(1, 999_999).map(n -> n * 1_000),
                Arbitraries.integers().between(1, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }
}
