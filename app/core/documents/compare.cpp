// Index of this file
// [SECTION] pairing: an order-keeping alignment by similarity
// [SECTION] lines of a cell
// [SECTION] articles, 附則 and forms
// [SECTION] the table
#include "documents/compare.h"

#include <algorithm>
#include <functional>

namespace tebiki::documents {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] pairing: an order-keeping alignment by similarity
//-----------------------------------------------------------------------------

// Pairs of indexes (-1: nothing on that side) in document order, pairing the elements whose
// similarity is at least `threshold` so that the total similarity is largest (an LCS with weights).
// `text` gives what is compared; its character bigrams are computed once per element.
template <typename T>
std::vector<std::pair<int, int>> align(const std::vector<T>& a, const std::vector<T>& b, const std::function<std::string(const T&)>& text,
                                       double threshold, const std::function<double(const T&, const T&, double)>& adjust = nullptr) {
    const size_t n = a.size(), m = b.size();
    std::vector<Bigrams> ga, gb;
    for (const T& x : a) ga.push_back(bigrams(text(x)));
    for (const T& y : b) gb.push_back(bigrams(text(y)));
    std::vector<std::vector<double>> s(n, std::vector<double>(m, -1));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j) {
            double v = similarity(ga[i], gb[j]);
            if (adjust) v = adjust(a[i], b[j], v);
            if (v >= threshold) s[i][j] = v;
        }
    std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;) {
            best[i][j] = std::max(best[i + 1][j], best[i][j + 1]);
            if (s[i][j] >= 0) best[i][j] = std::max(best[i][j], s[i][j] + best[i + 1][j + 1]);
        }
    std::vector<std::pair<int, int>> out;
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && s[i][j] >= 0 && best[i][j] == s[i][j] + best[i + 1][j + 1]) out.emplace_back(int(i++), int(j++));
        else if (i < n && (j == m || best[i + 1][j] >= best[i][j + 1])) out.emplace_back(int(i++), -1);
        else out.emplace_back(-1, int(j++));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] lines of a cell
//-----------------------------------------------------------------------------

std::vector<Segment> plain(const std::string& text) { return text.empty() ? std::vector<Segment>{} : std::vector<Segment>{{text, false}}; }
std::vector<Segment> marked(const std::string& text) { return text.empty() ? std::vector<Segment>{} : std::vector<Segment>{{text, true}}; }

CompareLine line(CompareLine::Kind kind, std::vector<Segment> label, std::vector<Segment> text) {
    return CompareLine{kind, std::move(label), std::move(text)};
}

struct Words {
    std::string omitted, added, deleted, supplementary;
};

struct Sides {
    std::vector<CompareLine> after, before;
};

// A label on both sides: underlined where it differs (renumbering).
std::pair<std::vector<Segment>, std::vector<Segment>> labels(const std::string& before, const std::string& after) {
    if (before == after) return {plain(before), plain(after)};
    const TextDiff d = diff_words(before, after);
    return {d.before, d.after};
}

std::string article_text(const ParsedArticle& a) {
    std::string out = a.heading;
    for (const ParsedParagraph& p : a.paragraphs) {
        out += p.text;
        for (const ParsedItem& i : p.items) out += i.text;
    }
    return out;
}

bool same_paragraph(const ParsedParagraph& a, const ParsedParagraph& b) {
    if (a.text != b.text || a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (a.items[i].text != b.items[i].text) return false;
    return true;
}

bool same_article(const ParsedArticle& a, const ParsedArticle& b) {
    if (a.heading != b.heading || a.paragraphs.size() != b.paragraphs.size()) return false;
    for (size_t i = 0; i < a.paragraphs.size(); ++i)
        if (!same_paragraph(a.paragraphs[i], b.paragraphs[i])) return false;
    return true;
}

// A paragraph in full, on one side only (new or removed): every word marked.
void whole_paragraph(std::vector<CompareLine>& out, const ParsedParagraph& p, const std::string& label) {
    out.push_back(line(CompareLine::Kind::Article, marked(label), marked(p.text)));
    for (const ParsedItem& i : p.items) out.push_back(line(CompareLine::Kind::Item, marked(i.label), marked(i.text)));
}

// Unchanged neighbours as one line: 「(1)～(3)　（略）」; two of them 「第1条・第2条」. `two` tells
// whether the run is exactly two long.
std::string range(const std::string& first, const std::string& last, bool two = false) {
    return first == last ? first : first + (two ? "・" : "～") + last;
}

void items_rows(Sides& s, const std::vector<ParsedItem>& before, const std::vector<ParsedItem>& after, const Words& w) {
    const auto pairs = align<ParsedItem>(before, after, [](const ParsedItem& x) { return x.text; }, 0.3);
    for (size_t k = 0; k < pairs.size(); ++k) {
        const auto [i, j] = pairs[k];
        if (i >= 0 && j >= 0 && before[size_t(i)].text == after[size_t(j)].text) {
            size_t end = k;  // a run of unchanged items, numbered alike
            while (end + 1 < pairs.size() && pairs[end + 1].first >= 0 && pairs[end + 1].second >= 0 &&
                   before[size_t(pairs[end + 1].first)].text == after[size_t(pairs[end + 1].second)].text &&
                   (pairs[end + 1].second - pairs[end + 1].first) == (j - i))
                ++end;
            const bool two = end == k + 1;
            const auto [lb, la] = labels(range(before[size_t(i)].label, before[size_t(pairs[end].first)].label, two),
                                         range(after[size_t(j)].label, after[size_t(pairs[end].second)].label, two));
            s.before.push_back(line(CompareLine::Kind::Item, lb, plain(w.omitted)));
            s.after.push_back(line(CompareLine::Kind::Item, la, plain(w.omitted)));
            k = end;
        } else if (i >= 0 && j >= 0) {
            const auto [lb, la] = labels(before[size_t(i)].label, after[size_t(j)].label);
            const TextDiff d = diff_words(before[size_t(i)].text, after[size_t(j)].text);
            s.before.push_back(line(CompareLine::Kind::Item, lb, d.before));
            s.after.push_back(line(CompareLine::Kind::Item, la, d.after));
        } else if (i >= 0) {
            s.before.push_back(line(CompareLine::Kind::Item, marked(before[size_t(i)].label), marked(before[size_t(i)].text)));
            s.after.push_back(line(CompareLine::Kind::Item, {}, plain(w.deleted)));
        } else {
            s.after.push_back(line(CompareLine::Kind::Item, marked(after[size_t(j)].label), marked(after[size_t(j)].text)));
            s.before.push_back(line(CompareLine::Kind::Item, {}, plain(w.added)));
        }
    }
}

// The 項 of two paired articles (or of 附則). The first 項 of an article carries the article's label.
void paragraphs_rows(Sides& s, const std::vector<ParsedParagraph>& before, const std::vector<ParsedParagraph>& after, const std::string& before_label,
                     const std::string& after_label, const Words& w) {
    auto label_of = [](const ParsedParagraph& p, size_t index, const std::string& article) { return index == 0 ? article : p.label; };
    const auto pairs = align<ParsedParagraph>(before, after, [](const ParsedParagraph& x) { return x.text; }, 0.3);
    for (const auto& [i, j] : pairs) {
        if (i >= 0 && j >= 0) {
            const ParsedParagraph& a = before[size_t(i)];
            const ParsedParagraph& b = after[size_t(j)];
            const auto [lb, la] = labels(label_of(a, size_t(i), before_label), label_of(b, size_t(j), after_label));
            if (same_paragraph(a, b)) {
                s.before.push_back(line(CompareLine::Kind::Article, lb, plain(w.omitted)));
                s.after.push_back(line(CompareLine::Kind::Article, la, plain(w.omitted)));
                continue;
            }
            if (a.text == b.text) {
                s.before.push_back(line(CompareLine::Kind::Article, lb, plain(w.omitted)));
                s.after.push_back(line(CompareLine::Kind::Article, la, plain(w.omitted)));
            } else {
                const TextDiff d = diff_words(a.text, b.text);
                s.before.push_back(line(CompareLine::Kind::Article, lb, d.before));
                s.after.push_back(line(CompareLine::Kind::Article, la, d.after));
            }
            items_rows(s, a.items, b.items, w);
        } else if (i >= 0) {
            whole_paragraph(s.before, before[size_t(i)], label_of(before[size_t(i)], size_t(i), before_label));
            s.after.push_back(line(CompareLine::Kind::Article, {}, plain(w.deleted)));
        } else {
            whole_paragraph(s.after, after[size_t(j)], label_of(after[size_t(j)], size_t(j), after_label));
            s.before.push_back(line(CompareLine::Kind::Article, {}, plain(w.added)));
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] articles, 附則 and forms
//-----------------------------------------------------------------------------

void heading_rows(Sides& s, const std::string& before, const std::string& after) {
    if (before.empty() && after.empty()) return;
    const TextDiff d = diff_words(before, after);
    if (!before.empty()) s.before.push_back(line(CompareLine::Kind::Heading, {}, d.before));
    if (!after.empty()) s.after.push_back(line(CompareLine::Kind::Heading, {}, d.after));
}

CompareRow article_row(const ParsedArticle* before, const ParsedArticle* after, const Words& w) {
    Sides s;
    if (before && after) {
        heading_rows(s, before->heading, after->heading);
        paragraphs_rows(s, before->paragraphs, after->paragraphs, before->label, after->label, w);
    } else if (before) {
        if (!before->heading.empty()) s.before.push_back(line(CompareLine::Kind::Heading, {}, marked(before->heading)));
        for (size_t k = 0; k < before->paragraphs.size(); ++k)
            whole_paragraph(s.before, before->paragraphs[k], k == 0 ? before->label : before->paragraphs[k].label);
        s.after.push_back(line(CompareLine::Kind::Article, {}, plain(w.deleted)));
    } else {
        if (!after->heading.empty()) s.after.push_back(line(CompareLine::Kind::Heading, {}, marked(after->heading)));
        for (size_t k = 0; k < after->paragraphs.size(); ++k)
            whole_paragraph(s.after, after->paragraphs[k], k == 0 ? after->label : after->paragraphs[k].label);
        s.before.push_back(line(CompareLine::Kind::Article, {}, plain(w.added)));
    }
    return {std::move(s.after), std::move(s.before)};
}

// Unchanged articles (or forms) next to each other, numbered with the same shift: one 「（略）」 row.
CompareRow omitted_row(const std::string& before_first, const std::string& before_last, const std::string& after_first,
                       const std::string& after_last, bool two, const Words& w) {
    const auto [lb, la] = labels(range(before_first, before_last, two), range(after_first, after_last, two));
    return {{line(CompareLine::Kind::Article, la, plain(w.omitted))}, {line(CompareLine::Kind::Article, lb, plain(w.omitted))}};
}

// 「様式第2号（第6条関係）」 → 「様式第2号」.
std::string form_number(const std::string& label) {
    const size_t end = label.find("号");
    return end == std::string::npos ? label : label.substr(0, end + 3);
}

CompareRow form_row(const ParsedForm* before, const ParsedForm* after, const Words& w) {
    Sides s;
    auto whole = [&](std::vector<CompareLine>& out, const ParsedForm& f) {
        out.push_back(line(CompareLine::Kind::Plain, {}, marked(f.label)));
        for (const std::string& l : f.lines) out.push_back(line(CompareLine::Kind::Plain, {}, marked(l)));
    };
    if (before && after) {
        const TextDiff label = diff_words(before->label, after->label);
        s.before.push_back(line(CompareLine::Kind::Plain, {}, label.before));
        s.after.push_back(line(CompareLine::Kind::Plain, {}, label.after));
        const auto pairs = align<std::string>(before->lines, after->lines, [](const std::string& x) { return x; }, 0.3);
        for (const auto& [i, j] : pairs) {
            if (i >= 0 && j >= 0) {
                const TextDiff d = diff_words(before->lines[size_t(i)], after->lines[size_t(j)]);
                s.before.push_back(line(CompareLine::Kind::Plain, {}, d.before));
                s.after.push_back(line(CompareLine::Kind::Plain, {}, d.after));
            } else if (i >= 0) {
                s.before.push_back(line(CompareLine::Kind::Plain, {}, marked(before->lines[size_t(i)])));
            } else {
                s.after.push_back(line(CompareLine::Kind::Plain, {}, marked(after->lines[size_t(j)])));
            }
        }
    } else if (before) {
        whole(s.before, *before);
        s.after.push_back(line(CompareLine::Kind::Plain, {}, plain(w.deleted)));
    } else {
        whole(s.after, *after);
        s.before.push_back(line(CompareLine::Kind::Plain, {}, plain(w.added)));
    }
    return {std::move(s.after), std::move(s.before)};
}

bool same_form(const ParsedForm& a, const ParsedForm& b) { return a.label == b.label && a.lines == b.lines; }

// Rows for paired elements: runs of unchanged ones become one 「（略）」 row.
template <typename T>
void rows_for(std::vector<CompareRow>& rows, const std::vector<T>& before, const std::vector<T>& after, const std::vector<std::pair<int, int>>& pairs,
              const std::function<bool(const T&, const T&)>& same, const std::function<std::string(const T&)>& label_of,
              const std::function<CompareRow(const T*, const T*)>& changed, const Words& w) {
    for (size_t k = 0; k < pairs.size(); ++k) {
        const auto [i, j] = pairs[k];
        if (i >= 0 && j >= 0 && same(before[size_t(i)], after[size_t(j)])) {
            size_t end = k;
            while (end + 1 < pairs.size() && pairs[end + 1].first >= 0 && pairs[end + 1].second >= 0 &&
                   same(before[size_t(pairs[end + 1].first)], after[size_t(pairs[end + 1].second)]) &&
                   pairs[end + 1].second - pairs[end + 1].first == j - i)
                ++end;
            rows.push_back(omitted_row(label_of(before[size_t(i)]), label_of(before[size_t(pairs[end].first)]), label_of(after[size_t(j)]),
                                       label_of(after[size_t(pairs[end].second)]), end == k + 1, w));
            k = end;
        } else {
            rows.push_back(changed(i >= 0 ? &before[size_t(i)] : nullptr, j >= 0 ? &after[size_t(j)] : nullptr));
        }
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] the table
//-----------------------------------------------------------------------------

Comparison compare_regulations(const ParsedRegulation& before, const ParsedRegulation& after, const UiStrings& words) {
    Comparison c;
    c.title = words.format("compare.title", {after.title});
    c.after_label = words.get("compare.after");
    c.before_label = words.get("compare.before");
    c.note = words.get("compare.note");
    const Words w{words.get("compare.omitted"), words.get("compare.added"), words.get("compare.deleted"), words.get("compare.supplementary")};

    if (before.title != after.title) {
        const TextDiff d = diff_words(before.title, after.title);
        c.rows.push_back({{line(CompareLine::Kind::Title, {}, d.after)}, {line(CompareLine::Kind::Title, {}, d.before)}});
    }
    // Articles pair by content; the same 見出し counts as a strong likeness.
    const auto pairs = align<ParsedArticle>(before.articles, after.articles, article_text, 0.4,
                                            [](const ParsedArticle& a, const ParsedArticle& b, double s) {
                                                return !a.heading.empty() && a.heading == b.heading ? std::max(s, 0.6) : s;
                                            });
    rows_for<ParsedArticle>(
        c.rows, before.articles, after.articles, pairs, same_article, [](const ParsedArticle& a) { return a.label; },
        [&](const ParsedArticle* a, const ParsedArticle* b) { return article_row(a, b, w); }, w);

    if (!before.supplementary.empty() || !after.supplementary.empty()) {
        const bool same = before.supplementary.size() == after.supplementary.size() &&
                          std::equal(before.supplementary.begin(), before.supplementary.end(), after.supplementary.begin(), same_paragraph);
        if (!same) {
            Sides s;
            s.before.push_back(line(CompareLine::Kind::Heading, {}, plain(w.supplementary)));
            s.after.push_back(line(CompareLine::Kind::Heading, {}, plain(w.supplementary)));
            paragraphs_rows(s, before.supplementary, after.supplementary, "", "", w);
            c.rows.push_back({std::move(s.after), std::move(s.before)});
        }
    }

    // Forms pair by their title (their first line), a little by their number.
    const auto form_pairs = align<ParsedForm>(
        before.forms, after.forms, [](const ParsedForm& f) { return f.lines.empty() ? f.label : f.lines.front(); }, 0.5,
        [](const ParsedForm& a, const ParsedForm& b, double s) { return s * 0.7 + similarity(a.label, b.label) * 0.3; });
    rows_for<ParsedForm>(
        c.rows, before.forms, after.forms, form_pairs, same_form, [](const ParsedForm& f) { return form_number(f.label); },
        [&](const ParsedForm* a, const ParsedForm* b) { return form_row(a, b, w); }, w);

    c.same = true;
    for (const CompareRow& r : c.rows)
        for (const auto* side : {&r.after, &r.before})
            for (const CompareLine& l : *side)
                for (const auto* segs : {&l.label, &l.text})
                    for (const Segment& s : *segs) c.same = c.same && !s.changed;
    return c;
}

}  // namespace tebiki::documents
