// A plain C face for the ICU that witaj needs. It exists because Swift cannot import ICU's headers
// next to Foundation's own ICU ("'UErrorCode' has different definitions"), nor see the version-renaming
// macros (ucol_open -> ucol_open_72). Nothing here includes an ICU header: handles are opaque.
//
// Strings are UTF-8. Functions that produce text write into (out, capacity) and return the length
// they need in bytes, not counting a terminator; when that is >= capacity, call again with more room.
// A negative return or a non-zero *status (an ICU UErrorCode > 0) means failure.
#ifndef WITAJ_ICU_H
#define WITAJ_ICU_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct witaj_collator witaj_collator;
witaj_collator *witaj_collator_open(const char *locale, int32_t *status);
void witaj_collator_close(witaj_collator *collator);
/// Sort key: byte-wise comparison of two keys equals the collator's comparison of the strings.
int32_t witaj_collator_sort_key(const witaj_collator *collator, const char *text, int32_t length,
                                uint8_t *out, int32_t capacity);

typedef struct witaj_alpha_index witaj_alpha_index;
/// The alphabetic index of a language (its A-Z headings), with Latin added as ICU recommends when `latin` is not 0.
witaj_alpha_index *witaj_alpha_index_open(const char *locale, int32_t latin, int32_t *status);
void witaj_alpha_index_close(witaj_alpha_index *index);
int32_t witaj_alpha_index_bucket_count(const witaj_alpha_index *index);
/// 0 normal letter, 1 underflow, 2 inflow, 3 overflow.
int32_t witaj_alpha_index_bucket_kind(const witaj_alpha_index *index, int32_t bucket);
int32_t witaj_alpha_index_bucket_label(const witaj_alpha_index *index, int32_t bucket, char *out, int32_t capacity);
int32_t witaj_alpha_index_bucket_of(const witaj_alpha_index *index, const char *text, int32_t length);

int32_t witaj_format_currency(const char *locale, double amount, const char *currency, char *out, int32_t capacity,
                              int32_t *status);
int32_t witaj_format_number(const char *locale, double value, char *out, int32_t capacity, int32_t *status);
/// style: 0 full, 1 long, 2 medium, 3 short (ICU's UDateFormatStyle). The date is a calendar day, no time zone shift.
int32_t witaj_format_date(const char *locale, int32_t year, int32_t month, int32_t day, int32_t style,
                          char *out, int32_t capacity, int32_t *status);
/// A time of day in the locale's short style (9:00, 9:00 AM).
int32_t witaj_format_time(const char *locale, int32_t hour, int32_t minute, char *out, int32_t capacity,
                          int32_t *status);
/// A distance in days from today said the locale's way ("tomorrow", "in 3 days", "3 days ago"): ICU's
/// RelativeDateTimeFormatter.
int32_t witaj_format_relative_days(const char *locale, int32_t days, char *out, int32_t capacity, int32_t *status);
/// From one wall-clock date and time to another, the locale's way ("wtorek, 14 kwietnia 2026, 10:00–13:30"): ICU's
/// DateIntervalFormat with the skeleton yMMMMEEEEd, plus jm when `with_time`. The same start and end: one date.
/// Fields: year, month (1-12), day, hour, minute of each end.
int32_t witaj_format_interval(const char *locale, const int32_t *from, const int32_t *to, int32_t with_time, char *out,
                              int32_t capacity, int32_t *status);
/// The iCalendar (RFC 5545) VTIMEZONE of an IANA zone with the rules in force on the given day, lines ended by CRLF:
/// ICU's VTimeZone::writeSimple.
int32_t witaj_vtimezone(const char *zone, int32_t year, int32_t month, int32_t day, char *out, int32_t capacity,
                        int32_t *status);
/// weekday: 1 Sunday ... 7 Saturday; wide names in the stand-alone form.
int32_t witaj_weekday_name(const char *locale, int32_t weekday, char *out, int32_t capacity, int32_t *status);

/// The name of `code` (a language or locale) in the language `display` (autonym when they are equal).
int32_t witaj_display_name(const char *code, const char *display, char *out, int32_t capacity, int32_t *status);
/// 1 when the locale's characters run right to left.
int32_t witaj_is_right_to_left(const char *locale);

typedef struct witaj_plural_rules witaj_plural_rules;
witaj_plural_rules *witaj_plural_rules_open(const char *locale, int32_t *status);
void witaj_plural_rules_close(witaj_plural_rules *rules);
int32_t witaj_plural_rules_select(const witaj_plural_rules *rules, double number, char *out, int32_t capacity);
/// The categories the language uses, space-separated ("one few many other").
int32_t witaj_plural_rules_keywords(const witaj_plural_rules *rules, char *out, int32_t capacity);

typedef struct witaj_message witaj_message;
/// Parses an ICU MessageFormat pattern. On a syntax error returns NULL and sets *error_offset (UTF-16 units).
witaj_message *witaj_message_open(const char *locale, const char *pattern, int32_t length, int32_t *status,
                                  int32_t *error_offset);
void witaj_message_close(witaj_message *message);
/// The names of the top-level and nested arguments, space-separated, in order of first use.
int32_t witaj_message_argument_names(const witaj_message *message, char *out, int32_t capacity);
/// The plural keywords used by plural/selectordinal arguments, space-separated (with "=N" explicit values).
int32_t witaj_message_plural_keywords(const witaj_message *message, char *out, int32_t capacity);
/// Formats with named arguments: numbers where is_number[i] != 0, else strings.
int32_t witaj_message_format(const witaj_message *message, const char *const *names, const char *const *strings,
                             const double *numbers, const int32_t *is_number, int32_t count,
                             char *out, int32_t capacity, int32_t *status);

/// Number of words in texts by ICU's word break rules for the locale (punctuation and spaces do not count), with
/// one word iterator for many texts (making one costs more than counting a paragraph).
typedef struct witaj_words witaj_words;
witaj_words *witaj_words_open(const char *locale, int32_t *status);
void witaj_words_close(witaj_words *words);
int32_t witaj_words_count(witaj_words *words, const char *text, int32_t length);
/// The words of a text (as witaj_words_count counts them), separated by "\n", each case-folded (full Unicode
/// case folding) when fold is not 0: what terminology matching compares; fold 2 also removes nonspacing marks
/// (diacritics, Arabic vowel signs and hamza above or below): what search compares.
int32_t witaj_words_list(witaj_words *words, const char *text, int32_t length, int32_t fold, char *out, int32_t capacity);


#ifdef __cplusplus
}
#endif
#endif
