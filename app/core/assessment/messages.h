// Every sentence the assessment engine says to the person answering, by id. The wording is in
// assets/strings/ja.toml ([answers], [assess_session]); C++ holds only these ids and the values
// that go into them. `tebiki check` reports an id without wording (UiStrings::check_keys), and
// the unit test "[Answers] every message id has its wording" keeps this list and ja.toml in step.
#pragma once
#include <string_view>
#include <vector>

namespace tebiki::assessment::says {

// One answer against its question (check_answer).
inline constexpr char no_choice[] = "answers.no_choice";
inline constexpr char no_option[] = "answers.no_option";                  // {1} option id
inline constexpr char duplicate_option[] = "answers.duplicate_option";    // {1} option id
inline constexpr char exclusive_option[] = "answers.exclusive_option";    // {1} option label
inline constexpr char unknown_not_allowed[] = "answers.unknown_not_allowed";
inline constexpr char not_a_number[] = "answers.not_a_number";
inline constexpr char too_small[] = "answers.too_small";  // {1} min
inline constexpr char too_large[] = "answers.too_large";  // {1} max
inline constexpr char shape_single[] = "answers.shape_single";
inline constexpr char shape_multiple[] = "answers.shape_multiple";
inline constexpr char shape_yesno[] = "answers.shape_yesno";
inline constexpr char shape_number[] = "answers.shape_number";
inline constexpr char shape_text[] = "answers.shape_text";
// Answers files and stored answers read into the questions (resolve_answers, answers_file.cpp).
inline constexpr char about_answer[] = "answers.about_answer";              // {1} id as written; before the problem
inline constexpr char no_question[] = "answers.no_question";                // {1} questionnaire id
inline constexpr char alias_unreadable[] = "answers.alias_unreadable";      // {1} old id
inline constexpr char alias_option[] = "answers.alias_option";              // {1} old id {2} old option
inline constexpr char now_question[] = "answers.now_question";              // {1} current id; after the problem
inline constexpr char array_item[] = "answers.array_item";
inline constexpr char table_value[] = "answers.table_value";
inline constexpr char date_value[] = "answers.date_value";
inline constexpr char other_questionnaire[] = "answers.other_questionnaire";  // {1} written {2} expected
inline constexpr char toml_syntax[] = "answers.toml_syntax";                  // {1} parser's description
// Opening or bringing up to date a stored assessment (Session).
inline constexpr char record_missing[] = "assess_session.record_missing";
inline constexpr char stored_unreadable[] = "assess_session.stored_unreadable";  // {1} id {2} version
inline constexpr char current_unreadable[] = "assess_session.current_unreadable";  // {1} id

}  // namespace tebiki::assessment::says

namespace tebiki::assessment {

// All of the above, for `tebiki check` and the test.
inline std::vector<std::string_view> message_ids() {
    using namespace says;
    return {no_choice,   no_option,      duplicate_option, exclusive_option, unknown_not_allowed, not_a_number,
            too_small,   too_large,      shape_single,     shape_multiple,   shape_yesno,         shape_number,
            shape_text,  about_answer,   no_question,      alias_unreadable, alias_option,        now_question,
            array_item,  table_value,    date_value,       other_questionnaire, toml_syntax,      record_missing,
            stored_unreadable, current_unreadable};
}

}  // namespace tebiki::assessment
