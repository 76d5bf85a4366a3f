package org.contactguard.benchmarks;

import java.util.concurrent.TimeUnit;
import org.contactguard.core.screening.Screener;
import org.contactguard.core.screening.ScreeningResult;
import org.contactguard.core.screening.ScreeningSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Screening one message with a pack's shipped screening files (issue 21: a 500-character message
 * must cost at most 5 µs). The message mixes lawful reminder wording with one prohibited sentence,
 * so the automaton and the pattern evaluation both run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScreeningBenchmark {

    private static final String CN_SENTENCES = "您好，提醒您本月账单将于二十五日到期，如已还款请忽略此信息。"
            + "如有困难，可以申请延期还款或个性化分期，具体请咨询官方客服热线。"
            + "我们尊重您的隐私，不会向第三方透露您的任何信息，请放心。"
            + "我是朝阳区人民法院执行庭的，你的案子已经立案，今天必须还款。";
    private static final String EN_SENTENCES = "Hello, this is a reminder that your statement is due on the 25th. "
            + "If you have already paid, please ignore this message. We can set up an affordable plan. "
            + "Please call us back at your convenience between 9am and 5pm. "
            + "Pay now or we will have you arrested. ";

    /** The screener and the message. */
    @State(Scope.Benchmark)
    public static class Message {
        /** Which pack's screening files. */
        @Param({"cn", "us-regf"})
        public String pack;

        /** Message length in characters. */
        @Param({"500"})
        public int length;

        Screener screener;
        String text;

        @Setup(Level.Trial)
        public void setUp() {
            screener = Screener.load(ScreeningSource.classpath(ScreeningBenchmark.class.getClassLoader(),
                    "rules/" + pack + "/screening"));
            String unit = pack.equals("cn") ? CN_SENTENCES : EN_SENTENCES;
            StringBuilder b = new StringBuilder();
            while (b.length() < length) {
                b.append(unit);
            }
            text = b.substring(0, length);
            if (screener.screen(text).isEmpty()) {
                throw new IllegalStateException("the benchmark message should match a concern");
            }
        }
    }

    @Benchmark
    public ScreeningResult screen(Message state) {
        return state.screener.screen(state.text);
    }
}
