// ICU behind a C face; see include/witaj_icu.h for why this exists.
#include "witaj_icu.h"

#include <unicode/alphaindex.h>
#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/plurrule.h>
#include <unicode/reldatefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/vtzone.h>
#include <unicode/smpdtfmt.h>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace icu;

namespace {

int32_t copy_out(const std::string &s, char *out, int32_t capacity) {
    int32_t n = static_cast<int32_t>(s.size());
    if (out && capacity > n) {
        std::memcpy(out, s.data(), n);
        out[n] = 0;
    }
    return n;
}

int32_t copy_out(const UnicodeString &u, char *out, int32_t capacity) {
    std::string s;
    u.toUTF8String(s);
    return copy_out(s, out, capacity);
}

UnicodeString from_utf8(const char *text, int32_t length) {
    return UnicodeString::fromUTF8(StringPiece(text, length));
}

}  // namespace

struct witaj_collator { std::unique_ptr<Collator> collator; };
struct witaj_alpha_index { std::unique_ptr<AlphabeticIndex::ImmutableIndex> index; };
struct witaj_plural_rules { std::unique_ptr<PluralRules> rules; };
struct witaj_message { std::unique_ptr<MessageFormat> format; UnicodeString pattern; };

extern "C" {

witaj_collator *witaj_collator_open(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<Collator> c(Collator::createInstance(Locale(locale), err));
    *status = err;
    if (U_FAILURE(err)) return nullptr;
    return new witaj_collator{std::move(c)};
}

void witaj_collator_close(witaj_collator *collator) { delete collator; }

int32_t witaj_collator_sort_key(const witaj_collator *collator, const char *text, int32_t length, uint8_t *out,
                                int32_t capacity) {
    UnicodeString u = from_utf8(text, length);
    return collator->collator->getSortKey(u, out, capacity);
}

witaj_alpha_index *witaj_alpha_index_open(const char *locale, int32_t latin, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    AlphabeticIndex builder(Locale(locale), err);
    if (latin) builder.addLabels(Locale::getEnglish(), err);
    std::unique_ptr<AlphabeticIndex::ImmutableIndex> index(builder.buildImmutableIndex(err));
    *status = err;
    if (U_FAILURE(err)) return nullptr;
    return new witaj_alpha_index{std::move(index)};
}

void witaj_alpha_index_close(witaj_alpha_index *index) { delete index; }

int32_t witaj_alpha_index_bucket_count(const witaj_alpha_index *index) { return index->index->getBucketCount(); }

int32_t witaj_alpha_index_bucket_kind(const witaj_alpha_index *index, int32_t bucket) {
    const AlphabeticIndex::Bucket *b = index->index->getBucket(bucket);
    if (!b) return -1;
    switch (b->getLabelType()) {
        case U_ALPHAINDEX_NORMAL: return 0;
        case U_ALPHAINDEX_UNDERFLOW: return 1;
        case U_ALPHAINDEX_INFLOW: return 2;
        case U_ALPHAINDEX_OVERFLOW: return 3;
    }
    return -1;
}

int32_t witaj_alpha_index_bucket_label(const witaj_alpha_index *index, int32_t bucket, char *out, int32_t capacity) {
    const AlphabeticIndex::Bucket *b = index->index->getBucket(bucket);
    if (!b) return -1;
    return copy_out(b->getLabel(), out, capacity);
}

int32_t witaj_alpha_index_bucket_of(const witaj_alpha_index *index, const char *text, int32_t length) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t i = index->index->getBucketIndex(from_utf8(text, length), err);
    return U_FAILURE(err) ? -1 : i;
}

int32_t witaj_format_currency(const char *locale, double amount, const char *currency, char *out, int32_t capacity,
                              int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<NumberFormat> f(NumberFormat::createCurrencyInstance(Locale(locale), err));
    if (U_SUCCESS(err)) {
        UnicodeString code = UnicodeString::fromUTF8(currency);
        f->setCurrency(code.getTerminatedBuffer(), err);
    }
    *status = err;
    if (U_FAILURE(err)) return -1;
    UnicodeString result;
    f->format(amount, result);
    return copy_out(result, out, capacity);
}

int32_t witaj_format_number(const char *locale, double value, char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<NumberFormat> f(NumberFormat::createInstance(Locale(locale), err));
    *status = err;
    if (U_FAILURE(err)) return -1;
    UnicodeString result;
    f->format(value, result);
    return copy_out(result, out, capacity);
}

int32_t witaj_format_date(const char *locale, int32_t year, int32_t month, int32_t day, int32_t style, char *out,
                          int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<DateFormat> f(
        DateFormat::createDateInstance(static_cast<DateFormat::EStyle>(style), Locale(locale)));
    if (!f) { *status = U_INTERNAL_PROGRAM_ERROR; return -1; }
    const TimeZone *utc = TimeZone::getGMT();
    f->setTimeZone(*utc);
    GregorianCalendar cal(*utc, Locale(locale), err);
    cal.clear();
    cal.set(year, month - 1, day, 12, 0, 0);
    UDate when = cal.getTime(err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    UnicodeString result;
    f->format(when, result);
    return copy_out(result, out, capacity);
}

int32_t witaj_format_time(const char *locale, int32_t hour, int32_t minute, char *out, int32_t capacity,
                          int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<DateFormat> f(DateFormat::createTimeInstance(DateFormat::kShort, Locale(locale)));
    if (!f) { *status = U_INTERNAL_PROGRAM_ERROR; return -1; }
    const TimeZone *utc = TimeZone::getGMT();
    f->setTimeZone(*utc);
    GregorianCalendar cal(*utc, Locale(locale), err);
    cal.clear();
    cal.set(2000, 0, 3, hour, minute, 0);
    UDate when = cal.getTime(err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    UnicodeString result;
    f->format(when, result);
    return copy_out(result, out, capacity);
}

int32_t witaj_weekday_name(const char *locale, int32_t weekday, char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    DateFormatSymbols symbols(Locale(locale), err);
    *status = err;
    if (U_FAILURE(err) || weekday < 1 || weekday > 7) return -1;
    int32_t count = 0;
    const UnicodeString *names =
        symbols.getWeekdays(count, DateFormatSymbols::STANDALONE, DateFormatSymbols::WIDE);
    if (weekday >= count) return -1;
    return copy_out(names[weekday], out, capacity);
}

int32_t witaj_display_name(const char *code, const char *display, char *out, int32_t capacity, int32_t *status) {
    Locale subject(code);
    UnicodeString name;
    subject.getDisplayName(Locale(display), name);
    *status = U_ZERO_ERROR;
    return copy_out(name, out, capacity);
}

int32_t witaj_is_right_to_left(const char *locale) { return Locale(locale).isRightToLeft() ? 1 : 0; }

witaj_plural_rules *witaj_plural_rules_open(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<PluralRules> rules(PluralRules::forLocale(Locale(locale), err));
    *status = err;
    if (U_FAILURE(err)) return nullptr;
    return new witaj_plural_rules{std::move(rules)};
}

void witaj_plural_rules_close(witaj_plural_rules *rules) { delete rules; }

int32_t witaj_plural_rules_select(const witaj_plural_rules *rules, double number, char *out, int32_t capacity) {
    return copy_out(rules->rules->select(number), out, capacity);
}

int32_t witaj_plural_rules_keywords(const witaj_plural_rules *rules, char *out, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<StringEnumeration> e(rules->rules->getKeywords(err));
    if (U_FAILURE(err)) return -1;
    // ICU lists keywords in rule order; report them in CLDR's canonical order.
    static const char *const order[] = {"zero", "one", "two", "few", "many", "other"};
    std::vector<std::string> present;
    const char *k;
    while ((k = e->next(nullptr, err)) != nullptr && U_SUCCESS(err)) present.emplace_back(k);
    std::string joined;
    for (const char *o : order)
        for (const auto &p : present)
            if (p == o) { if (!joined.empty()) joined += ' '; joined += p; }
    return copy_out(joined, out, capacity);
}

witaj_message *witaj_message_open(const char *locale, const char *pattern, int32_t length, int32_t *status,
                                  int32_t *error_offset) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError parse_error;
    UnicodeString text = from_utf8(pattern, length);
    std::unique_ptr<MessageFormat> f(new MessageFormat(text, Locale(locale), parse_error, err));
    *status = err;
    *error_offset = parse_error.offset;
    if (U_FAILURE(err)) return nullptr;
    return new witaj_message{std::move(f), text};
}

void witaj_message_close(witaj_message *message) { delete message; }

static int32_t message_parts(const witaj_message *message, bool keywords, char *out, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    MessagePattern pattern(message->pattern, nullptr, err);
    if (U_FAILURE(err)) return -1;
    std::vector<std::string> seen;
    std::vector<bool> plural_stack;  // one entry per open argument: is it plural/selectordinal?
    for (int32_t i = 0; i < pattern.countParts(); ++i) {
        const MessagePattern::Part &part = pattern.getPart(i);
        UMessagePatternPartType type = part.getType();
        if (type == UMSGPAT_PART_TYPE_ARG_START) {
            UMessagePatternArgType t = part.getArgType();
            plural_stack.push_back(t == UMSGPAT_ARG_TYPE_PLURAL || t == UMSGPAT_ARG_TYPE_SELECTORDINAL);
            continue;
        }
        if (type == UMSGPAT_PART_TYPE_ARG_LIMIT) {
            if (!plural_stack.empty()) plural_stack.pop_back();
            continue;
        }
        bool wanted = keywords ? (type == UMSGPAT_PART_TYPE_ARG_SELECTOR && !plural_stack.empty() && plural_stack.back())
                               : type == UMSGPAT_PART_TYPE_ARG_NAME;
        if (!wanted) continue;
        std::string s;
        pattern.getSubstring(part).toUTF8String(s);
        bool dup = false;
        for (const auto &x : seen) dup = dup || x == s;
        if (!dup) seen.push_back(s);
    }
    std::string joined;
    for (const auto &s : seen) { if (!joined.empty()) joined += ' '; joined += s; }
    return copy_out(joined, out, capacity);
}

int32_t witaj_message_argument_names(const witaj_message *message, char *out, int32_t capacity) {
    return message_parts(message, false, out, capacity);
}

int32_t witaj_message_plural_keywords(const witaj_message *message, char *out, int32_t capacity) {
    return message_parts(message, true, out, capacity);
}

int32_t witaj_message_format(const witaj_message *message, const char *const *names, const char *const *strings,
                             const double *numbers, const int32_t *is_number, int32_t count, char *out,
                             int32_t capacity, int32_t *status) {
    std::vector<UnicodeString> argument_names;
    std::vector<Formattable> arguments;
    for (int32_t i = 0; i < count; ++i) {
        argument_names.push_back(UnicodeString::fromUTF8(names[i]));
        if (is_number[i]) arguments.emplace_back(numbers[i]);
        else arguments.emplace_back(UnicodeString::fromUTF8(strings[i]));
    }
    UErrorCode err = U_ZERO_ERROR;
    UnicodeString result;
    message->format->format(argument_names.data(), arguments.data(), count, result, err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    return copy_out(result, out, capacity);
}

// The text without its nonspacing marks ("zaświadczenie" -> "zaswiadczenie", "أ" -> "ا", "й" -> "и"): NFD, marks
// removed, NFC; as ICU's transliterator "NFD; [:Nonspacing Mark:] Remove; NFC" does, and JavaScript's
// normalize("NFD").replace(/\p{Mn}/gu, "") in the search client.
static UnicodeString without_marks(const UnicodeString &text) {
    UErrorCode err = U_ZERO_ERROR;
    const Normalizer2 *nfd = Normalizer2::getNFDInstance(err);
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) return text;
    UnicodeString decomposed = nfd->normalize(text, err), kept;
    if (U_FAILURE(err)) return text;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    UnicodeString composed = nfc->normalize(kept, err);
    return U_FAILURE(err) ? kept : composed;
}

struct witaj_words {
    std::unique_ptr<BreakIterator> it;
};

witaj_words *witaj_words_open(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<BreakIterator> it(BreakIterator::createWordInstance(Locale(locale), err));
    *status = err;
    if (U_FAILURE(err)) return nullptr;
    return new witaj_words{std::move(it)};
}

void witaj_words_close(witaj_words *words) { delete words; }

int32_t witaj_words_count(witaj_words *words, const char *text, int32_t length) {
    UnicodeString u = from_utf8(text, length);
    words->it->setText(u);
    int32_t count = 0;
    for (int32_t end = words->it->next(); end != BreakIterator::DONE; end = words->it->next())
        if (words->it->getRuleStatus() != UBRK_WORD_NONE) ++count;
    return count;
}

int32_t witaj_words_list(witaj_words *words, const char *text, int32_t length, int32_t fold, char *out, int32_t capacity) {
    UnicodeString u = from_utf8(text, length);
    words->it->setText(u);
    UnicodeString result;
    int32_t start = words->it->first();
    for (int32_t end = words->it->next(); end != BreakIterator::DONE; start = end, end = words->it->next()) {
        if (words->it->getRuleStatus() == UBRK_WORD_NONE) continue;
        if (!result.isEmpty()) result.append(static_cast<UChar>(0x0A));
        UnicodeString word(u, start, end - start);
        if (fold) word.foldCase(U_FOLD_CASE_DEFAULT);
        if (fold == 2) word = without_marks(word);
        result.append(word);
    }
    return copy_out(result, out, capacity);
}

}  // extern "C"

int32_t witaj_format_relative_days(const char *locale, int32_t days, char *out, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    RelativeDateTimeFormatter f(Locale(locale), err);
    UnicodeString result;
    f.format(static_cast<double>(days), UDAT_REL_UNIT_DAY, result, err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    return copy_out(result, out, capacity);
}

int32_t witaj_vtimezone(const char *zone, int32_t year, int32_t month, int32_t day, char *out, int32_t capacity,
                        int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<VTimeZone> vtz(VTimeZone::createVTimeZoneByID(UnicodeString::fromUTF8(zone)));
    if (!vtz) { *status = U_ILLEGAL_ARGUMENT_ERROR; return -1; }
    GregorianCalendar cal(*vtz, Locale::getRoot(), err);
    cal.clear();
    cal.set(year, month - 1, day, 12, 0, 0);
    UDate when = cal.getTime(err);
    UnicodeString result;
    if (U_SUCCESS(err)) vtz->writeSimple(when, result, err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    return copy_out(result, out, capacity);
}

int32_t witaj_format_interval(const char *locale, const int32_t *from, const int32_t *to, int32_t with_time, char *out,
                              int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UnicodeString skeleton(with_time ? "yMMMMEEEEdjm" : "yMMMMEEEEd");
    std::unique_ptr<DateIntervalFormat> f(DateIntervalFormat::createInstance(skeleton, Locale(locale), err));
    if (U_FAILURE(err) || !f) { *status = U_FAILURE(err) ? err : U_INTERNAL_PROGRAM_ERROR; return -1; }
    // Wall-clock times as written: formatted in GMT, so that no zone shifts them.
    const TimeZone *utc = TimeZone::getGMT();
    f->setTimeZone(*utc);
    GregorianCalendar cal(*utc, Locale(locale), err);
    cal.clear();
    cal.set(from[0], from[1] - 1, from[2], from[3], from[4], 0);
    UDate start = cal.getTime(err);
    cal.clear();
    cal.set(to[0], to[1] - 1, to[2], to[3], to[4], 0);
    UDate end = cal.getTime(err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    DateInterval interval(start, end);
    UnicodeString result;
    FieldPosition position(FieldPosition::DONT_CARE);
    f->format(&interval, result, position, err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    return copy_out(result, out, capacity);
}
