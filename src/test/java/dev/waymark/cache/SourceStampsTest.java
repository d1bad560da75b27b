package dev.waymark.cache;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stamps file's fields are checked by hand, and must accept exactly what the documented patterns match. */
class SourceStampsTest {
    private static final Pattern STAMP = Pattern.compile("[0-9]+:-?[0-9]+:-?[0-9]+:[0-9]+");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    @Test
    void theHandCheckedFieldsAcceptWhatThePatternsMatch() {
        List<String> samples = new ArrayList<>(List.of("", "1:2:3:4", "12:-3:-4:5", "1:2:3", "1:2:3:4:5", "-1:2:3:4", "1:2:3:-4",
                "1::3:4", ":2:3:4", "1:2:3:", "1:--2:3:4", "1:2:3:4 ", "a:2:3:4", "0:0:0:0", "1:-:3:4",
                "0123456789abcdef".repeat(4), "0123456789ABCDEF".repeat(4), "0123456789abcdef".repeat(4) + "0",
                "0123456789abcdeg".repeat(4)));
        Random random = new Random(7);
        String alphabet = "0123456789:-af";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(14);
            for (int j = 0; j < n; j++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            samples.add(s.toString());
        }
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 63 + random.nextInt(3); j++) s.append("0123456789abcdefg".charAt(random.nextInt(random.nextInt(10) == 0 ? 17 : 16)));
            samples.add(s.toString());
        }
        for (int i = 0; i < 5_000; i++) {
            // well-formed stamps, and the same with one character changed
            String s = random.nextInt(99) + ":" + (random.nextBoolean() ? "-" : "") + random.nextInt(999) + ":"
                    + (random.nextBoolean() ? "-" : "") + random.nextInt(999) + ":" + random.nextInt(99);
            samples.add(s);
            int at = random.nextInt(s.length());
            samples.add(s.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + s.substring(at + 1));
        }
        int stamps = 0;
        for (String s : samples) {
            String padded = "x\t" + s + "\ty";
            assertEquals(STAMP.matcher(s).matches(), SourceStamps.isStamp(padded, 2, 2 + s.length()), "stamp " + s);
            assertEquals(SHA.matcher(s).matches(), SourceStamps.isSha(padded, 2, 2 + s.length()), "sha " + s);
            if (STAMP.matcher(s).matches()) stamps++;
        }
        // the random strings reach both answers many times, so the comparison means something
        assertEquals(true, stamps > 5_000, "stamps among the samples: " + stamps);
    }
}
