// Every sentence the assessment engine says, by id: to the person answering, and to the
// questionnaire's author. The wording is in assets/strings/ja.toml ([answers], [assess_session],
// [questionnaire_check]); C++ holds only these ids and the values that go into them. `tebiki check` reports an id without wording (UiStrings::check_keys), and
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

// The checks a questionnaire must pass (questionnaire_checks.cpp, for its author: tebiki check).
// A where_* names the item; the problem that follows starts with 「の」.
inline constexpr char where_question[] = "questionnaire_check.where_question";  // {1} question id; the problem follows
inline constexpr char where_show_if[] = "questionnaire_check.where_show_if";  // {1} question id
inline constexpr char where_blocker[] = "questionnaire_check.where_blocker";  // {1} id
inline constexpr char where_advice[] = "questionnaire_check.where_advice";  // {1} id
inline constexpr char where_advice_unnamed[] = "questionnaire_check.where_advice_unnamed";
inline constexpr char where_check[] = "questionnaire_check.where_check";  // {1} id
inline constexpr char where_rule[] = "questionnaire_check.where_rule";
inline constexpr char condition_no_question[] = "questionnaire_check.condition_no_question";
inline constexpr char condition_later_question[] = "questionnaire_check.condition_later_question";
inline constexpr char condition_option_id[] = "questionnaire_check.condition_option_id";
inline constexpr char condition_no_option[] = "questionnaire_check.condition_no_option";
inline constexpr char condition_yesno[] = "questionnaire_check.condition_yesno";
inline constexpr char condition_number[] = "questionnaire_check.condition_number";
inline constexpr char condition_text[] = "questionnaire_check.condition_text";
inline constexpr char condition_has[] = "questionnaire_check.condition_has";
inline constexpr char option_duplicate[] = "questionnaire_check.option_duplicate";
inline constexpr char option_exclusive_not_multiple[] = "questionnaire_check.option_exclusive_not_multiple";
inline constexpr char option_needs_exclusive[] = "questionnaire_check.option_needs_exclusive";
inline constexpr char alias_is_current[] = "questionnaire_check.alias_is_current";
inline constexpr char alias_shared[] = "questionnaire_check.alias_shared";
inline constexpr char alias_no_target[] = "questionnaire_check.alias_no_target";
inline constexpr char alias_options_not_choice[] = "questionnaire_check.alias_options_not_choice";
inline constexpr char question_id_chars[] = "questionnaire_check.question_id_chars";
inline constexpr char area_missing[] = "questionnaire_check.area_missing";
inline constexpr char min_over_max[] = "questionnaire_check.min_over_max";
inline constexpr char when_hidden_misplaced[] = "questionnaire_check.when_hidden_misplaced";
inline constexpr char needs_missing[] = "questionnaire_check.needs_missing";
inline constexpr char level_missing[] = "questionnaire_check.level_missing";
inline constexpr char class_missing[] = "questionnaire_check.class_missing";
inline constexpr char no_areas[] = "questionnaire_check.no_areas";
inline constexpr char no_levels[] = "questionnaire_check.no_levels";
inline constexpr char first_level_min[] = "questionnaire_check.first_level_min";
inline constexpr char level_order[] = "questionnaire_check.level_order";
inline constexpr char blocked_level_missing[] = "questionnaire_check.blocked_level_missing";
inline constexpr char questionnaire_id_chars[] = "questionnaire_check.questionnaire_id_chars";
inline constexpr char summary_missing[] = "questionnaire_check.summary_missing";
inline constexpr char duplicate_area[] = "questionnaire_check.duplicate_area";
inline constexpr char duplicate_question[] = "questionnaire_check.duplicate_question";
inline constexpr char duplicate_blocker[] = "questionnaire_check.duplicate_blocker";
inline constexpr char duplicate_advice[] = "questionnaire_check.duplicate_advice";
inline constexpr char duplicate_check[] = "questionnaire_check.duplicate_check";
inline constexpr char duplicate_level[] = "questionnaire_check.duplicate_level";
inline constexpr char duplicate_class[] = "questionnaire_check.duplicate_class";

// Reading a questionnaire file (questionnaire.cpp) and its guide links (check.cpp).
inline constexpr char fraction_range[] = "questionnaire_check.fraction_range";
inline constexpr char whole_range[] = "questionnaire_check.whole_range";
inline constexpr char alias_option_value[] = "questionnaire_check.alias_option_value";
inline constexpr char type_unknown[] = "questionnaire_check.type_unknown";
inline constexpr char when_hidden_unknown[] = "questionnaire_check.when_hidden_unknown";
inline constexpr char weight_positive[] = "questionnaire_check.weight_positive";
inline constexpr char yesno_options[] = "questionnaire_check.yesno_options";
inline constexpr char too_few_options[] = "questionnaire_check.too_few_options";
inline constexpr char options_not_choice[] = "questionnaire_check.options_not_choice";
inline constexpr char bands_not_number[] = "questionnaire_check.bands_not_number";
inline constexpr char level_min_range[] = "questionnaire_check.level_min_range";
inline constexpr char min_answered_range[] = "questionnaire_check.min_answered_range";
inline constexpr char blocker_no_when[] = "questionnaire_check.blocker_no_when";
inline constexpr char blocker_needs_confirm[] = "questionnaire_check.blocker_needs_confirm";
inline constexpr char check_no_when[] = "questionnaire_check.check_no_when";
inline constexpr char kind_unknown[] = "questionnaire_check.kind_unknown";
inline constexpr char folder_unreadable[] = "questionnaire_check.folder_unreadable";
inline constexpr char id_in_two_files[] = "questionnaire_check.id_in_two_files";
inline constexpr char guide_chapter_missing[] = "questionnaire_check.guide_chapter_missing";
inline constexpr char guide_heading_missing[] = "questionnaire_check.guide_heading_missing";

}  // namespace tebiki::assessment::says

namespace tebiki::assessment {

// All of the above, for `tebiki check` and the test.
inline std::vector<std::string_view> message_ids() {
    using namespace says;
    return {no_choice, no_option, duplicate_option, exclusive_option, unknown_not_allowed, not_a_number,
            too_small, too_large, shape_single, shape_multiple, shape_yesno, shape_number, shape_text,
            about_answer, no_question, alias_unreadable, alias_option, now_question, array_item,
            table_value, date_value, other_questionnaire, toml_syntax, record_missing,
            stored_unreadable, current_unreadable, where_question, where_show_if, where_blocker,
            where_advice, where_advice_unnamed, where_check, where_rule, condition_no_question,
            condition_later_question, condition_option_id, condition_no_option, condition_yesno,
            condition_number, condition_text, condition_has, option_duplicate,
            option_exclusive_not_multiple, option_needs_exclusive, alias_is_current, alias_shared,
            alias_no_target, alias_options_not_choice, question_id_chars, area_missing, min_over_max,
            when_hidden_misplaced, needs_missing, level_missing, class_missing, no_areas, no_levels,
            first_level_min, level_order, blocked_level_missing, questionnaire_id_chars,
            summary_missing, duplicate_area, duplicate_question, duplicate_blocker, duplicate_advice,
            duplicate_check, duplicate_level, duplicate_class, fraction_range, whole_range,
            alias_option_value, type_unknown, when_hidden_unknown, weight_positive, yesno_options,
            too_few_options, options_not_choice, bands_not_number, level_min_range, min_answered_range,
            blocker_no_when, blocker_needs_confirm, check_no_when, kind_unknown, folder_unreadable,
            id_in_two_files, guide_chapter_missing, guide_heading_missing};
}

}  // namespace tebiki::assessment
