package dev.ferry.engine.listing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Month names as {@code ls} prints them: English, and the abbreviations of some common locales. */
final class Months {
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        String[][] names = {
                {"jan", "january", "janv", "janvier", "ene", "enero", "gen", "gennaio", "januar", "jänner", "jän",
                        "янв", "января", "январь", "sty", "led"},
                {"feb", "february", "fév", "févr", "février", "fev", "fevereiro", "febrero", "febbraio", "februar",
                        "фев", "февраля", "февраль", "lut", "úno"},
                {"mar", "march", "mär", "mrz", "märz", "mars", "marzo", "março", "maart", "mrt", "мар", "марта",
                        "март", "mär."},
                {"apr", "april", "avr", "avril", "abr", "abril", "aprile", "апр", "апреля", "апрель", "kwi", "dub"},
                {"may", "mai", "mayo", "mag", "maggio", "mei", "maj", "maio", "май", "мая", "kvě"},
                {"jun", "june", "juin", "junio", "giu", "giugno", "juni", "jun.", "июн", "июня", "июнь", "cze", "čvn"},
                {"jul", "july", "juil", "juillet", "julio", "lug", "luglio", "juli", "июл", "июля", "июль", "lip",
                        "čvc"},
                {"aug", "august", "août", "aout", "ago", "agosto", "авг", "августа", "август", "sie", "srp"},
                {"sep", "sept", "september", "septembre", "set", "settembre", "setembro", "septiembre", "сен",
                        "сентября", "сентябрь", "wrz", "zář"},
                {"oct", "october", "octobre", "okt", "oktober", "ott", "ottobre", "out", "outubro", "octubre", "окт",
                        "октября", "октябрь", "paź", "říj"},
                {"nov", "november", "novembre", "noviembre", "novembro", "ноя", "нояб", "ноября", "ноябрь", "lis"},
                {"dec", "december", "déc", "décembre", "dez", "dezember", "dezembro", "dic", "diciembre", "dicembre",
                        "дек", "декабря", "декабрь", "gru", "pro"},
        };
        for (int month = 0; month < names.length; month++) {
            for (String name : names[month]) {
                NUMBERS.putIfAbsent(name, month + 1);
            }
        }
    }

    private Months() {
    }

    /** 1 to 12, or 0 when the token is not a month name (also accepts {@code "1月"} and a trailing dot). */
    static int number(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("月") || t.endsWith("월")) {
            String digits = t.substring(0, t.length() - 1);
            long month = digits.length() <= 2 ? Lines.digitsValue(digits) : -1;
            return month >= 1 && month <= 12 ? (int) month : 0;
        }
        if (t.length() > 12) {
            return 0;
        }
        return NUMBERS.getOrDefault(t, 0);
    }
}
