package dev.bookshelf.api.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the API writes them: UTC, ISO-8601, milliseconds ({@code 2026-11-25T18:30:00.123Z}).
 * Written digit by digit because it happens on every answer and log line, where
 * {@link DateTimeFormatter} costs microseconds (and {@code LocalDateTime} objects a tenth of
 * one); years outside 0000–9999 go through the formatter.
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The length of {@link #ascii}'s bytes. */
    public static final int LENGTH = 24;

    private IsoTime() {
    }

    public static String format(Instant t) {
        byte[] ascii = ascii(t);
        return ascii == null ? FORMATTER.format(t) : new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /**
     * As {@link #format}, as its 24 ASCII bytes (JSON needs no escape in them): null for a year
     * outside 0000–9999, which only {@link #format} writes.
     */
    public static byte[] ascii(Instant t) {
        byte[] c = new byte[LENGTH];
        return write(t, c) ? c : null;
    }

    /**
     * As {@link #ascii}, into the first {@value #LENGTH} bytes of {@code c} (a buffer the caller
     * reuses): false, and nothing written, for a year outside 0000–9999.
     */
    public static boolean write(Instant t, byte[] c) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // The proleptic Gregorian date of a day number (H. Hinnant's days-to-civil), in eras of 400 years.
        long shifted = days + 719_468L;
        long era = Math.floorDiv(shifted, 146_097L);
        int dayOfEra = (int) (shifted - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return false;
        }
        digits(c, 0, (int) year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return true;
    }

    private static void digits(byte[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
